// publint and `attw --pack` on every published package: what users install must resolve in
// ESM and CJS, under node10/node16/bundler resolution, with types for each.
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const dirs = readdirSync(join(root, 'packages')).filter((d) => {
  const pkg = JSON.parse(readFileSync(join(root, 'packages', d, 'package.json'), 'utf8'))
  return !pkg.private
})

let bad = 0
for (const d of dirs) {
  const cwd = join(root, 'packages', d)
  for (const [label, cmd, args] of [
    ['publint', 'pnpm', ['exec', 'publint', '--strict']],
    ['attw', 'pnpm', ['exec', 'attw', '--pack', '.', '--format', 'table-flipped']],
  ]) {
    const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' })
    const out = `${r.stdout}${r.stderr}`.trim()
    if (r.status !== 0) {
      bad++
      console.error(`✗ ${label} ${d}\n${out}`)
    } else console.log(`✓ ${label} ${d}`)
  }
}
process.exit(bad ? 1 : 0)
