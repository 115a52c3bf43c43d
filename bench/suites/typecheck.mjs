// Consumer type-check: `tsc --noEmit` on a file making six resource calls through AmigoClient, against
// the same file with the client typed `any` (no SDK import), in turn, repeated. Time is wall time of
// the tsc process; memory is tsc's own "Memory used" figure. Two compiler settings: `skipLibCheck`
// off (tsc's default, so every declaration file the SDK brings is checked) and on (what `tsc --init`
// writes).
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { BENCH_DIR } from '../lib/packages.mjs'
import { repeatWithin } from '../lib/repeat.mjs'
import { median, rotate } from '../lib/stats.mjs'

const CALLS = `export const agents = await client.agents.list({ limit: 10 })
export const agent = await client.agents.get('agent-id')
export const calls = await client.calls.list({ limit: 5 })
export const entity = await client.world.getEntity('entity-id')
export const conversations = await client.conversations.list()
export const service = await client.services.get('service-id')
export const firstAgent: string | undefined = agents.items[0]?.name
`
const WITH_SDK = `import { AmigoClient } from '@amigo-ai/platform-sdk'
const client = new AmigoClient({ apiKey: 'key', workspaceId: 'ws' })
${CALLS}`
const WITHOUT_SDK = `// biome-ignore lint/suspicious/noExplicitAny: the no-SDK baseline
const client: any = {}
${CALLS}`

const tsconfig = (skipLibCheck) => ({
  compilerOptions: {
    target: 'es2022',
    module: 'esnext',
    moduleResolution: 'bundler',
    strict: true,
    skipLibCheck,
    noEmit: true,
    types: [],
    lib: ['es2022', 'dom'],
  },
})

// Measured side by side by the author of issue 16 (the official package is not on npm where this
// bench runs): the same kind of file, ours before this work and the official SDK 0.46.
const RECORDED = [
  { who: 'the official SDK 0.46', time: 3.67, memory: '355 MB' },
  { who: 'this SDK before issue 16', time: 2.36, memory: '178 MB' },
]

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
  const dirs = {}
  for (const skip of [false, true]) {
    for (const sdk of [true, false]) {
      const dir = join(root, `${sdk ? 'with' : 'without'}-sdk-skiplibcheck-${skip}`)
      mkdirSync(dir, { recursive: true })
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig(skip), null, 2))
      writeFileSync(join(dir, 'app.ts'), sdk ? WITH_SDK : WITHOUT_SDK)
      dirs[`${sdk}:${skip}`] = dir
    }
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
  const rows = []
  for (const skip of [false, true]) {
    const ours = `true:${skip}`
    const base = `false:${skip}`
    const work = `6 resource calls, skipLibCheck ${skip ? 'on' : 'off'}`
    rows.push(
      {
        section: 'Consumer type-check',
        figure: 'tsc --noEmit time',
        baseline: 'same file without the SDK',
        work,
        values: perRepeat.map((r) => r[ours].ms / r[base].ms),
        target: { max: 2 },
        note: `${(med(ours, 'ms') / 1000).toFixed(1)} s vs ${(med(base, 'ms') / 1000).toFixed(1)} s`,
      },
      {
        section: 'Consumer type-check',
        figure: 'tsc --noEmit memory',
        baseline: 'same file without the SDK',
        work,
        values: perRepeat.map((r) => r[ours].memKb / r[base].memKb),
        target: { max: 2 },
        note: `${Math.round(med(ours, 'memKb') / 1024)} MB vs ${Math.round(med(base, 'memKb') / 1024)} MB`,
      },
    )
  }
  for (const { who, time, memory } of RECORDED) {
    rows.push({
      section: 'Consumer type-check',
      figure: `tsc --noEmit time, ${who} (recorded, issue 16)`,
      baseline: 'same file without the SDK',
      work: '6 resource calls',
      values: [time],
      note: `memory ${memory}; recorded, not measured in this run`,
    })
  }
  return rows
}
