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

// A bin-only package (the CLI: ESM-only, no `exports["."]`) has nothing to import or require, so
// attw, which checks how imports resolve, has nothing to check; publint still checks its bin and files.
const isBinOnly = (d) => {
  const pkg = JSON.parse(readFileSync(join(root, 'packages', d, 'package.json'), 'utf8'))
  return Boolean(pkg.bin) && !pkg.exports?.['.']
}

let bad = 0
for (const d of dirs) {
  const cwd = join(root, 'packages', d)
  const checks = [['publint', 'pnpm', ['exec', 'publint', '--strict']]]
  if (isBinOnly(d)) console.log(`- attw ${d}: skipped (bin-only package: nothing to import)`)
  else checks.push(['attw', 'pnpm', ['exec', 'attw', '--pack', '.', '--format', 'table-flipped']])
  for (const [label, cmd, args] of checks) {
    const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' })
    const out = `${r.stdout}${r.stderr}`.trim()
    if (r.status !== 0) {
      bad++
      console.error(`✗ ${label} ${d}\n${out}`)
    } else console.log(`✓ ${label} ${d}`)
  }
}
process.exit(bad ? 1 : 0)
