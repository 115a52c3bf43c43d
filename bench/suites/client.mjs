// Client construction: `new AmigoClient(config)` and `client.withOptions(...)` against what they wrap,
// `new Transport(config)` and `transport.withOptions(...)`, in the same process, interleaved in
// blocks. Resources are built on first access, so a client costs about what its transport costs
// whatever the number of resources; the note gives the time per call and the resource count.
import { AmigoClient, APIResource, Transport } from '@amigo-ai/platform-sdk'
import { repeatWithin } from '../lib/repeat.mjs'
import { rotate } from '../lib/stats.mjs'

const CONFIG = { apiKey: 'bench-key', workspaceId: 'ws-bench', baseUrl: 'http://127.0.0.1:9' }

/** Microseconds per call of `fn`, over a block of `n` calls. */
function perCall(fn, n) {
  const start = performance.now()
  let keep
  for (let i = 0; i < n; i++) keep = fn(i)
  const us = ((performance.now() - start) * 1000) / n
  if (keep === undefined) throw new Error('nothing built')
  return us
}

/** Runs the suite; returns table rows. */
export async function run({ log, budgetMs, calls = 20_000 }) {
  const client = new AmigoClient(CONFIG)
  const transport = new Transport(CONFIG)
  // Resources are enumerable getters that build on first read: they are counted on a throwaway
  // client, so the measured one has built none.
  const probe = new AmigoClient(CONFIG)
  let resources = 0
  for (const name in probe) if (probe[name] instanceof APIResource) resources++
  const cases = {
    'new AmigoClient': () => new AmigoClient(CONFIG),
    'new Transport': () => new Transport(CONFIG),
    'client.withOptions': () => client.withOptions({ timeout: 1000 }),
    'transport.withOptions': () => transport.withOptions({ timeout: 1000 }),
  }
  for (const fn of Object.values(cases)) perCall(fn, 2000) // warm up
  const names = Object.keys(cases)
  const perRepeat = []
  const reps = await repeatWithin({ min: 5, max: 21, budgetMs }, async (rep) => {
    const us = {}
    for (const name of rotate(names, rep)) us[name] = perCall(cases[name], calls)
    perRepeat.push(us)
  })
  log(`client construction: ${reps} repeat(s)`)
  const row = (ours, base) => {
    const values = perRepeat.map((r) => r[ours] / r[base])
    const mid = [...perRepeat].sort((a, b) => a[ours] - b[ours])[perRepeat.length >> 1]
    return {
      section: 'Client construction',
      figure: ours,
      baseline: base,
      work: `${calls} calls, ${resources} resources registered`,
      values,
      note: `${mid[ours].toFixed(2)} µs vs ${mid[base].toFixed(2)} µs per call`,
    }
  }
  return [row('new AmigoClient', 'new Transport'), row('client.withOptions', 'transport.withOptions')]
}
