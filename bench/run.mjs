// `pnpm bench`: runs every suite against the BUILT packages (dist, via node_modules), prints one
// table of ratios and writes it to results/latest.md. Usage:
//   node run.mjs                 all suites (about 5 minutes on a quiet 2-core machine)
//   node run.mjs sse webhooks    only these suites (written to results/partial.md instead)
//   BENCH_QUICK=1 node run.mjs   tiny sizes, one repeat: checks that everything runs, figures meaningless
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { TABLE_MARKER, withLatestTable } from './lib/readme-table.mjs'
import { startServer } from './lib/server.mjs'
import { missed, renderTable } from './lib/table.mjs'

const QUICK = process.env.BENCH_QUICK === '1'
const only = process.argv.slice(2)
const log = (msg) => console.error(`[bench ${((performance.now() - t0) / 1000).toFixed(0)}s] ${msg}`)
const t0 = performance.now()

// Growth steps: the same figure at 1x, 10x and 100x the work; bigger steps get fewer repeats.
const SIZES = QUICK
  ? [{ label: '1x', factor: 1, repeats: { min: 1, max: 1, budgetMs: 0 } }]
  : [
      // The small sizes are short and noisy on shared machines, so they get more repeats.
      { label: '1x', factor: 1, repeats: { min: 5, max: 41, budgetMs: 10_000 } },
      { label: '10x', factor: 10, repeats: { min: 3, max: 9, budgetMs: 20_000 } },
      { label: '100x', factor: 100, repeats: { min: 2, max: 3, budgetMs: 30_000 } },
    ]
const budget = (ms) => (QUICK ? 0 : ms)

const suites = {
  requests: async (s) => (await import('./suites/requests.mjs')).run({ origin: s.origin, sizes: SIZES, log }),
  paging: async (s) => (await import('./suites/paging.mjs')).run({ origin: s.origin, sizes: SIZES, log }),
  webhooks: async () => (await import('./suites/webhooks.mjs')).run({ log, budgetMs: budget(20_000) }),
  sse: async (s) =>
    (await import('./suites/sse.mjs')).run({
      origin: s.origin,
      events: QUICK ? 200 : 10_000,
      log,
      budgetMs: budget(20_000),
    }),
  websocket: async (s) =>
    (await import('./suites/websocket.mjs')).run({
      wsOrigin: s.wsOrigin,
      messages: QUICK ? 200 : 20_000,
      log,
      budgetMs: budget(15_000),
    }),
  'cold-import': async () =>
    (await import('./suites/cold-import.mjs')).run({ log, budgetMs: budget(15_000) }),
  'cli-start': async () => (await import('./suites/cli-start.mjs')).run({ log, budgetMs: budget(15_000) }),
  bundle: async () => (await import('./suites/bundle.mjs')).run({ log }),
  client: async () =>
    (await import('./suites/client.mjs')).run({ log, budgetMs: budget(10_000), calls: QUICK ? 200 : 20_000 }),
  typecheck: async () => (await import('./suites/typecheck.mjs')).run({ log, budgetMs: budget(30_000) }),
}

const unknown = only.filter((name) => !(name in suites))
if (unknown.length) {
  console.error(`unknown suite(s): ${unknown.join(', ')}; known: ${Object.keys(suites).join(', ')}`)
  process.exit(2)
}

const loadBefore = loadavg()[0]
const server = await startServer()
const rows = []
try {
  for (const [name, suite] of Object.entries(suites)) {
    if (only.length && !only.includes(name)) continue
    log(`${name}…`)
    rows.push(...(await suite(server)))
  }
} finally {
  await server.close()
}

const seconds = Math.round((performance.now() - t0) / 1000)
const table = renderTable(rows)
const header = [
  `Date: ${new Date().toISOString()}`,
  `Node: ${process.version} (${process.platform}/${process.arch})`,
  `CPU: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}; load average ${loadBefore.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end`,
  `Run: ${seconds} s${QUICK ? ' (BENCH_QUICK: sizes too small for the figures to mean anything)' : ''}${only.length ? `; suites: ${only.join(', ')}` : ''}`,
  'Every figure is ours ÷ the baseline, measured in this same run, interleaved; min / median / max over n repeats.',
  'Time figures (latency): lower is better. Rate figures (items/s, verifications/s, events/s, messages/s): higher is better.',
].join('\n')
const misses = missed(rows)
const summary = misses.length
  ? `Targets missed at the median: ${misses.map((r) => `${r.figure} vs ${r.baseline} (${r.work})`).join('; ')}`
  : 'Every target met at the median.'
const markdown = `# Benchmark results\n\n${header
  .split('\n')
  .map((l) => `- ${l}`)
  .join('\n')}\n\n${table}\n\n${summary}\n`
console.log(`${header}\n\n${table}\n\n${summary}`)
mkdirSync(new URL('./results/', import.meta.url), { recursive: true })
const file = only.length || QUICK ? 'partial.md' : 'latest.md'
writeFileSync(new URL(`./results/${file}`, import.meta.url), markdown)
log(`wrote results/${file}`)
if (file === 'latest.md') {
  const readme = new URL('./README.md', import.meta.url)
  const text = readFileSync(readme, 'utf8')
  if (text.includes(TABLE_MARKER)) {
    writeFileSync(readme, withLatestTable(text, markdown))
    log('updated the table in README.md')
  }
}
