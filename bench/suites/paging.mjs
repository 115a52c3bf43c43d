// Auto-paging: items per second through listAutoPaging against a hand-written fetch loop, page by
// page in turn, and the peak heap growth of each walking alone (in its own process).
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { repeatWithin } from '../lib/repeat.mjs'
import { median, rotate } from '../lib/stats.mjs'
import { contestants } from './paging-contestants.mjs'

const run$ = promisify(execFile)
const CHILD = fileURLToPath(new URL('./paging-heap-child.mjs', import.meta.url))

/** Walks `total` items with every contestant, alternating page by page; returns { name: ms }. */
async function walkInterleaved(origin, total) {
  const names = Object.keys(contestants)
  const walkers = Object.fromEntries(names.map((k) => [k, contestants[k](origin, total)]))
  const ms = Object.fromEntries(names.map((k) => [k, 0]))
  const items = Object.fromEntries(names.map((k) => [k, 0]))
  for (let page = 0; names.some((k) => !walkers[k].done); page++) {
    for (const name of rotate(names, page % names.length)) {
      if (walkers[name].done) continue
      const start = performance.now()
      items[name] += await walkers[name].step()
      ms[name] += performance.now() - start
    }
  }
  for (const name of names)
    if (items[name] !== total) throw new Error(`${name} walked ${items[name]} of ${total}`)
  return ms
}

async function heapOf(origin, total, name) {
  const { stdout } = await run$(process.execPath, ['--expose-gc', CHILD, origin, String(total), name], {
    timeout: 600_000,
  })
  return JSON.parse(stdout)
}

/** Runs the suite; returns table rows. */
export async function run({ origin, sizes, log }) {
  await walkInterleaved(origin, 200) // warm up
  const rows = []
  const heap = {}
  for (const size of sizes) {
    const total = 1000 * size.factor
    const perRepeat = []
    const reps = await repeatWithin(size.repeats, async () =>
      perRepeat.push(await walkInterleaved(origin, total)),
    )
    rows.push({
      section: 'Auto-paging',
      figure: 'listAutoPaging items/s',
      baseline: 'hand fetch loop',
      work: `${size.label} (${total} items, pages of 20)`,
      values: perRepeat.map((r) => r['hand fetch loop'] / r.listAutoPaging),
      target: { min: 0.9 },
      note: `hand loop ${Math.round(total / (median(perRepeat.map((r) => r['hand fetch loop'])) / 1000))} items/s`,
    })
    heap[size.label] = {}
    for (const name of Object.keys(contestants)) heap[size.label][name] = await heapOf(origin, total, name)
    log(`paging ${size.label}: ${reps} repeat(s) of ${total} items; heap ${JSON.stringify(heap[size.label])}`)
    const kb = (b) => `${Math.round(b / 1024)} KB`
    const h = heap[size.label]
    rows.push({
      section: 'Auto-paging',
      figure: 'listAutoPaging peak live-heap growth',
      baseline: 'hand fetch loop',
      work: `${size.label} (${total} items, pages of 20)`,
      values: [h.listAutoPaging.peak / h['hand fetch loop'].peak],
      note: `ours ${kb(h.listAutoPaging.peak)}, hand loop ${kb(h['hand fetch loop'].peak)}`,
    })
  }
  // Flat memory: peak growth at the largest size over the peak at a tenth of it, ours and the hand loop's.
  const labels = sizes.map((s) => s.label)
  for (let i = 1; i < labels.length; i++) {
    const [small, big] = [heap[labels[i - 1]], heap[labels[i]]]
    const ours = big.listAutoPaging.peak / small.listAutoPaging.peak
    const hand = big['hand fetch loop'].peak / small['hand fetch loop'].peak
    rows.push({
      section: 'Auto-paging',
      figure: `peak live-heap growth ${labels[i]} ÷ ${labels[i - 1]} (10x the items)`,
      baseline: 'same figure of the hand loop',
      work: `${labels[i - 1]} → ${labels[i]}`,
      values: [ours / hand],
      note: `ours ${ours.toFixed(2)}x, hand loop ${hand.toFixed(2)}x (flat ≈ 1, linear growth = 10)`,
    })
  }
  return rows
}
