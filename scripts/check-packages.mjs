// publint and `attw --pack` on every published package (or on the ones named as arguments, as the
// release does for the packages it is about to publish): what users install must resolve in ESM
// and CJS, under node10/node16/bundler resolution, with types for each. Two packages are checked
// at a time (each check mostly waits on its own pack and child processes).
import { basename } from 'node:path'
import { publicPackages } from './lib/workspace.mjs'
import { exec } from './runtimes/exec.mjs'

const only = process.argv.slice(2)
const pkgs = publicPackages().filter((p) => !only.length || only.includes(p.name))
const unknown = only.filter((name) => !pkgs.some((p) => p.name === name))
if (unknown.length) {
  console.error(`✗ not a published workspace package: ${unknown.join(', ')}`)
  process.exit(2)
}

const publint = ['publint', 'pnpm', ['exec', 'publint', '--strict']]
const attw = ['attw', 'pnpm', ['exec', 'attw', '--pack', '.', '--format', 'table-flipped']]

// A bin-only package (the CLI: ESM-only, no `exports["."]`) has nothing to import or require, so
// attw, which checks how imports resolve, has nothing to check; publint still checks its bin and files.
const isBinOnly = (pkg) => Boolean(pkg.bin) && !pkg.exports?.['.']

/** Runs the checks on one package; resolves the number that failed (printed as they finish). */
async function checkPackage({ dir, pkg }) {
  const checks = [publint]
  if (isBinOnly(pkg)) console.log(`- attw ${basename(dir)}: skipped (bin-only package: nothing to import)`)
  else checks.push(attw)
  let bad = 0
  for (const [label, cmd, args] of checks) {
    const r = await exec(cmd, args, { cwd: dir, timeoutMs: 180_000 })
    if (r.code !== 0) {
      bad++
      console.error(`✗ ${label} ${basename(dir)}\n${r.output.trim()}`)
    } else console.log(`✓ ${label} ${basename(dir)}`)
  }
  return bad
}

const queue = [...pkgs]
const worker = async () => {
  let bad = 0
  while (queue.length) bad += await checkPackage(queue.shift())
  return bad
}
const bad = (await Promise.all([worker(), worker()])).reduce((a, b) => a + b, 0)
process.exit(bad ? 1 : 0)
