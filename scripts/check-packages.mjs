// publint and `attw --pack` on every published package (or on the ones named as arguments, as the
// release does for the packages it is about to publish): what users install must resolve in ESM
// and CJS, under node10/node16/bundler resolution, with types for each.
import { spawnSync } from 'node:child_process'
import { basename } from 'node:path'
import { publicPackages } from './lib/workspace.mjs'

const only = process.argv.slice(2)
const pkgs = publicPackages().filter((p) => !only.length || only.includes(p.name))
const unknown = only.filter((name) => !pkgs.some((p) => p.name === name))
if (unknown.length) {
  console.error(`✗ not a published workspace package: ${unknown.join(', ')}`)
  process.exit(2)
}

let bad = 0
for (const { dir } of pkgs) {
  const d = basename(dir)
  for (const [label, cmd, args] of [
    ['publint', 'pnpm', ['exec', 'publint', '--strict']],
    ['attw', 'pnpm', ['exec', 'attw', '--pack', '.', '--format', 'table-flipped']],
  ]) {
    const r = spawnSync(cmd, args, { cwd: dir, encoding: 'utf8' })
    const out = `${r.stdout}${r.stderr}`.trim()
    if (r.status !== 0) {
      bad++
      console.error(`✗ ${label} ${d}\n${out}`)
    } else console.log(`✓ ${label} ${d}`)
  }
}
process.exit(bad ? 1 : 0)
