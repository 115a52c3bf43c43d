// Request overhead: the same GET of one page of agents through raw fetch, openapi-fetch alone, and
// AmigoClient (resource method and low-level helper), one at a time and 50 at a time.
import { AmigoClient } from '@amigo-ai/platform-sdk'
import createClient from 'openapi-fetch'
import { TOKEN, WORKSPACE_ID } from '../lib/fixtures.mjs'
import { repeatWithin } from '../lib/repeat.mjs'
import { median, quantile, rotate } from '../lib/stats.mjs'

const PATH = '/v1/{workspace_id}/agents'

/** The four ways to make the call; each checks the status and parses the JSON page. */
export function contestants(origin) {
  const url = `${origin}/v1/${WORKSPACE_ID}/agents`
  const headers = { authorization: `Bearer ${TOKEN}`, accept: 'application/json' }
  const openapi = createClient({ baseUrl: origin, headers })
  const client = new AmigoClient({ apiKey: TOKEN, workspaceId: WORKSPACE_ID, baseUrl: origin })
  const check = (items) => {
    if (!Array.isArray(items) || items.length !== 20) throw new Error('unexpected page')
  }
  return {
    'raw fetch': async () => {
      const res = await fetch(url, { headers })
      if (!res.ok) throw new Error(`HTTP ${res.status}`)
      check((await res.json()).items)
    },
    'openapi-fetch': async () => {
      const { data, error } = await openapi.GET(PATH, { params: { path: { workspace_id: WORKSPACE_ID } } })
      if (error) throw new Error('HTTP error')
      check(data.items)
    },
    'AmigoClient agents.list': async () => check((await client.agents.list()).items),
    'AmigoClient GET': async () => check((await client.GET(PATH)).data.items),
  }
}

/**
 * Latencies (ms) of `n` calls per contestant. Contestants take turns request by request
 * (sequential) or wave by wave (`width` requests in flight at once), so a burst of load from
 * elsewhere on the machine hits them all alike.
 */
async function interleaved(calls, names, n, width, offset = 0) {
  const out = Object.fromEntries(names.map((name) => [name, []]))
  for (let done = 0, wave = 0; done < n; done += width, wave++) {
    const size = Math.min(width, n - done)
    // `offset` (the repeat number) moves the order on between repeats too: with a single wave per
    // repeat (50 concurrent at 1x) the same contestant would otherwise always go first.
    for (const name of rotate(names, (wave + offset) % names.length)) {
      const call = calls[name]
      await Promise.all(
        Array.from({ length: size }, async () => {
          const start = performance.now()
          await call()
          out[name].push(performance.now() - start)
        }),
      )
    }
  }
  return out
}

/** Runs the suite; returns table rows. */
export async function run({ origin, sizes, log }) {
  const calls = contestants(origin)
  const names = Object.keys(calls)
  await interleaved(calls, names, 100, 10) // warm up the JIT and the connection pool
  const modes = [
    { label: 'sequential', width: 1, unit: 20 },
    { label: '50 concurrent', width: 50, unit: 50 },
  ]
  const rows = []
  for (const mode of modes) {
    for (const size of sizes) {
      const n = mode.unit * size.factor
      const perRepeat = [] // [{ name: { p50, p99 } }]
      const reps = await repeatWithin(size.repeats, async (rep) => {
        const lat = await interleaved(calls, names, n, mode.width, rep)
        perRepeat.push(
          Object.fromEntries(names.map((k) => [k, { p50: median(lat[k]), p99: quantile(lat[k], 0.99) }])),
        )
      })
      log(`requests ${mode.label} ${size.label}: ${reps} repeat(s) of ${n} GETs each`)
      for (const name of names.slice(1)) {
        for (const stat of ['p50', 'p99']) {
          rows.push({
            section: 'Request overhead',
            figure: `${name}, ${mode.label}, ${stat === 'p50' ? 'median' : 'p99'} latency`,
            baseline: 'raw fetch',
            work: `${size.label} (${n} GETs)`,
            values: perRepeat.map((r) => r[name][stat] / r['raw fetch'][stat]),
            target: stat === 'p50' && name.startsWith('AmigoClient') ? { max: 1.1 } : undefined,
            note: `raw fetch ${stat === 'p50' ? 'median' : 'p99'} ${median(perRepeat.map((r) => r['raw fetch'][stat])).toFixed(2)} ms`,
          })
        }
      }
    }
  }
  return rows
}
