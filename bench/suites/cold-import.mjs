// Cold import: wall time of a fresh `node` that imports one package's built ESM entry, against a
// fresh `node -e 0` (the runtime's own start-up), in turn, repeated.
import { spawnSync } from 'node:child_process'
import { pathToFileURL } from 'node:url'
import { esmEntry, PACKAGES } from '../lib/packages.mjs'
import { repeatWithin } from '../lib/repeat.mjs'
import { median, rotate } from '../lib/stats.mjs'

function startMs(args) {
  const start = performance.now()
  const out = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 })
  if (out.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${out.stderr}`)
  return performance.now() - start
}

/** Runs the suite; returns table rows. */
export async function run({ log, budgetMs }) {
  const cases = { 'node -e 0': ['-e', '0'] }
  for (const name of PACKAGES) {
    const url = pathToFileURL(esmEntry(name)).href
    cases[name] = ['-e', `import(${JSON.stringify(url)}).catch((e) => { console.error(e); process.exit(1) })`]
  }
  const names = Object.keys(cases)
  const perRepeat = []
  const reps = await repeatWithin({ min: 3, max: 11, budgetMs }, async (rep) => {
    const ms = {}
    for (const name of rotate(names, rep)) ms[name] = startMs(cases[name])
    perRepeat.push(ms)
  })
  log(`cold import: ${reps} repeat(s)`)
  const base = median(perRepeat.map((r) => r['node -e 0']))
  return PACKAGES.map((name) => ({
    section: 'Cold import',
    figure: `import ${name}`,
    baseline: 'node -e 0',
    work: 'fresh process',
    values: perRepeat.map((r) => r[name] / r['node -e 0']),
    note: `+${Math.round(median(perRepeat.map((r) => r[name])) - base)} ms over ${Math.round(base)} ms`,
  }))
}
