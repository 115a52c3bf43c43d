// Cold import: a fresh `node` that imports one package's built ESM entry, against a fresh `node -e 0`
// (the runtime's own start-up), in turn, repeated. Two figures per package: wall time (what a user
// waits) and the process's CPU time (user + system, read by the child itself when the import is
// done), which a busy shared machine disturbs far less. The "empty ES module" row imports an empty
// file: the cost of Node's ES module loader alone, the floor any package's import starts from. The
// "as ten files" row imports the umbrella's web build, which holds the same code with its packages
// apart: what the Node build saves by carrying them, measured in the same run.
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BENCH_DIR, distEntry, PACKAGES } from '../lib/packages.mjs'
import { repeatWithin } from '../lib/repeat.mjs'
import { median, rotate } from '../lib/stats.mjs'

const TARGETS = { '@amigo-ai/core': { max: 1.05 }, '@amigo-ai/platform-sdk': { max: 1.1 } }

// Measured side by side with ours by the author of issue 16 (the official package is not on npm
// where this bench runs, so it cannot be measured here): import of the official SDK 0.46 ÷ `node -e 0`.
const OFFICIAL = {
  figure: 'import of the official single-package SDK 0.46 (recorded, issue 16)',
  ratio: 1.15,
}

/**
 * The umbrella's web build: the same code as its Node build, but importing core, realtime, webhooks
 * and auth-node as packages, so Node loads ten files rather than two. It shows, in the same run,
 * what the Node build saves by carrying them (packages/platform-sdk/tsup.config.ts).
 */
export const umbrellaAsPackages = () => join(dirname(distEntry('@amigo-ai/platform-sdk')), 'web', 'index.js')

const PRINT_CPU = 'const u = process.cpuUsage(); console.log(u.user + u.system)'

/** Wall ms and CPU ms of one fresh node running `code`. */
function measure(code) {
  const start = performance.now()
  const out = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', timeout: 60_000 })
  const wall = performance.now() - start
  if (out.status !== 0) throw new Error(`node -e failed: ${out.stderr}`)
  return { wall, cpu: Number(out.stdout.trim().split('\n').pop()) / 1000 }
}

const importing = (url) =>
  `import(${JSON.stringify(url)}).then(() => { ${PRINT_CPU} }, (e) => { console.error(e); process.exit(1) })`
// `require` of the CommonJS entry: what a CommonJS app pays, with no ES module loader to start.
const requiring = (path) => `require(${JSON.stringify(path)}); ${PRINT_CPU}`
const REQUIRED = ['@amigo-ai/core', '@amigo-ai/platform-sdk']

/** Runs the suite; returns table rows. */
export async function run({ log, budgetMs }) {
  const emptyModule = join(BENCH_DIR, '.tmp', 'empty-module.mjs')
  mkdirSync(join(BENCH_DIR, '.tmp'), { recursive: true })
  writeFileSync(emptyModule, '')
  // Each case: the code a fresh node runs, and the figure's name in the table.
  const cases = {
    'node -e 0': { code: PRINT_CPU },
    empty: {
      code: importing(pathToFileURL(emptyModule).href),
      label: 'import of an empty ES module (the floor)',
    },
  }
  const names = [...PACKAGES, '@amigo-ai/platform-sdk/lite']
  for (const name of names)
    cases[name] = { code: importing(pathToFileURL(distEntry(name)).href), label: `import ${name}` }
  cases['umbrella as packages'] = {
    code: importing(pathToFileURL(umbrellaAsPackages()).href),
    label: 'import @amigo-ai/platform-sdk as ten files (its web build: the same code, its packages apart)',
  }
  for (const name of REQUIRED)
    cases[`require ${name}`] = {
      code: requiring(distEntry(name, 'require')),
      label: `require ${name} (CommonJS entry)`,
    }
  const order = Object.keys(cases)
  const perRepeat = []
  const reps = await repeatWithin({ min: 3, max: 21, budgetMs }, async (rep) => {
    const ms = {}
    for (const key of rotate(order, rep)) ms[key] = measure(cases[key].code)
    perRepeat.push(ms)
  })
  log(`cold import: ${reps} repeat(s)`)
  const base = (key) => median(perRepeat.map((r) => r['node -e 0'][key]))
  const rows = []
  for (const name of order.slice(1)) {
    for (const key of ['wall', 'cpu']) {
      rows.push({
        section: 'Cold import',
        figure: `${cases[name].label}, ${key === 'wall' ? 'wall time' : 'CPU time'}`,
        baseline: 'node -e 0',
        work: 'fresh process',
        values: perRepeat.map((r) => r[name][key] / r['node -e 0'][key]),
        target: key === 'wall' ? TARGETS[name] : undefined,
        note: `+${Math.round(median(perRepeat.map((r) => r[name][key])) - base(key))} ms over ${Math.round(base(key))} ms`,
      })
    }
  }
  rows.push({
    section: 'Cold import',
    figure: OFFICIAL.figure,
    baseline: 'node -e 0',
    work: 'fresh process',
    values: [OFFICIAL.ratio],
    note: 'recorded baseline to beat, not measured in this run',
  })
  return rows
}
