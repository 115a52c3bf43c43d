// CLI cold start: wall time of `amigo --help` and `amigo --version` in a fresh `node`, against a fresh
// `node -e 0` (the runtime's own start-up), in turn, repeated. The CLI imports each command only
// when it runs, so these two should cost little more than the argument parser.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { BENCH_DIR } from '../lib/packages.mjs'
import { repeatWithin } from '../lib/repeat.mjs'
import { median, rotate } from '../lib/stats.mjs'

/** Absolute path of the built `amigo` bin, resolved through the bench's node_modules. */
export function cliBin() {
  const require = createRequire(join(BENCH_DIR, 'package.json'))
  const pkgJson = require.resolve('@amigo-ai/cli/package.json')
  return join(dirname(pkgJson), require(pkgJson).bin.amigo)
}

function startMs(args) {
  const start = performance.now()
  const out = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 })
  if (out.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${out.stderr}`)
  return performance.now() - start
}

/** Runs the suite; returns table rows. */
export async function run({ log, budgetMs }) {
  const bin = cliBin()
  const cases = {
    'node -e 0': ['-e', '0'],
    'amigo --help': [bin, '--help'],
    'amigo --version': [bin, '--version'],
  }
  const names = Object.keys(cases)
  const perRepeat = []
  const reps = await repeatWithin({ min: 3, max: 15, budgetMs }, async (rep) => {
    const ms = {}
    for (const name of rotate(names, rep)) ms[name] = startMs(cases[name])
    perRepeat.push(ms)
  })
  log(`cli start: ${reps} repeat(s)`)
  const base = median(perRepeat.map((r) => r['node -e 0']))
  return ['amigo --help', 'amigo --version'].map((name) => ({
    section: 'CLI cold start',
    figure: name,
    baseline: 'node -e 0',
    work: 'fresh process',
    values: perRepeat.map((r) => r[name] / r['node -e 0']),
    target: { max: 1.5 },
    note: `+${Math.round(median(perRepeat.map((r) => r[name])) - base)} ms over ${Math.round(base)} ms`,
  }))
}
