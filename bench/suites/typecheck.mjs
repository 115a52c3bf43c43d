// Consumer type-check: `tsc --noEmit` on a file that calls twenty resources through AmigoClient,
// against the same file with the client typed `any` (no SDK import), in turn, repeated. Time is
// wall time of the tsc process; memory is tsc's own "Memory used" figure.
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { BENCH_DIR } from '../lib/packages.mjs'
import { repeatWithin } from '../lib/repeat.mjs'
import { median, rotate } from '../lib/stats.mjs'

const RESOURCES = [
  'agents',
  'actions',
  'services',
  'calls',
  'conversations',
  'integrations',
  'dataSources',
  'surfaces',
  'operators',
  'triggers',
  'reviewQueue',
  'functions',
  'workspaceDataQueries',
  'externalIntegrations',
  'apiKeys',
  'skills',
  'contextGraphs',
  'personas',
  'phoneNumbers',
  'webhookDestinations',
]

const calls = RESOURCES.map((r, i) => `export const r${i} = await client.${r}.list()`).join('\n')
const WITH_SDK = `import { AmigoClient } from '@amigo-ai/platform-sdk'
const client = new AmigoClient({ apiKey: 'key', workspaceId: 'ws' })
${calls}
export const firstAgent: string | undefined = r0.items[0]?.name
`
const WITHOUT_SDK = `// biome-ignore lint/suspicious/noExplicitAny: the no-SDK baseline
const client: any = {}
${calls}
export const firstAgent: string | undefined = r0.items[0]?.name
`
const TSCONFIG = {
  compilerOptions: {
    target: 'es2022',
    module: 'esnext',
    moduleResolution: 'bundler',
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
    lib: ['es2022', 'dom'],
  },
}

function tsc(dir) {
  const bin = createRequire(join(BENCH_DIR, 'package.json')).resolve('typescript/bin/tsc')
  const start = performance.now()
  const out = spawnSync(process.execPath, [bin, '-p', dir, '--extendedDiagnostics'], {
    encoding: 'utf8',
    timeout: 300_000,
  })
  const ms = performance.now() - start
  if (out.status !== 0) throw new Error(`tsc failed in ${dir}:\n${out.stdout}${out.stderr}`)
  const mem = /Memory used:\s+(\d+)K/.exec(out.stdout)
  return { ms, memKb: mem ? Number(mem[1]) : Number.NaN }
}

/** Runs the suite; returns table rows. */
export async function run({ log, budgetMs }) {
  const root = join(BENCH_DIR, '.tmp/typecheck')
  const dirs = { 'with SDK': join(root, 'with-sdk'), 'without SDK': join(root, 'without-sdk') }
  for (const [name, dir] of Object.entries(dirs)) {
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2))
    writeFileSync(join(dir, 'app.ts'), name === 'with SDK' ? WITH_SDK : WITHOUT_SDK)
  }
  const names = Object.keys(dirs)
  const perRepeat = []
  const reps = await repeatWithin({ min: 2, max: 5, budgetMs }, async (rep) => {
    const r = {}
    for (const name of rotate(names, rep)) r[name] = tsc(dirs[name])
    perRepeat.push(r)
  })
  log(`typecheck: ${reps} repeat(s)`)
  const med = (name, key) => median(perRepeat.map((r) => r[name][key]))
  return [
    {
      section: 'Consumer type-check',
      figure: 'tsc --noEmit time, 20 resources',
      baseline: 'same file without the SDK',
      work: `${RESOURCES.length} list() calls`,
      values: perRepeat.map((r) => r['with SDK'].ms / r['without SDK'].ms),
      note: `${(med('with SDK', 'ms') / 1000).toFixed(1)} s vs ${(med('without SDK', 'ms') / 1000).toFixed(1)} s`,
    },
    {
      section: 'Consumer type-check',
      figure: 'tsc --noEmit memory, 20 resources',
      baseline: 'same file without the SDK',
      work: `${RESOURCES.length} list() calls`,
      values: perRepeat.map((r) => r['with SDK'].memKb / r['without SDK'].memKb),
      note: `${Math.round(med('with SDK', 'memKb') / 1024)} MB vs ${Math.round(med('without SDK', 'memKb') / 1024)} MB`,
    },
  ]
}
