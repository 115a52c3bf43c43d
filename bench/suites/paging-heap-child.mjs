// Child process of the paging suite: walks `total` items with one contestant alone and prints its
// peak live-heap growth: heap used after a forced GC, sampled about 40 times along the walk, minus
// the same figure at the start. (Without the GC the figure would mostly count garbage not yet
// collected, which depends on when V8 happens to collect rather than on what the code keeps.)
// Usage: node --expose-gc paging-heap-child.mjs <origin> <total> <contestant>
import { contestants, PAGE_SIZE } from './paging-contestants.mjs'

const [origin, total, name] = process.argv.slice(2)
// Warm up first (two pages), so that fetch's own lazily loaded internals are not counted as growth.
const warm = contestants[name](origin, 2 * PAGE_SIZE)
while (!warm.done) await warm.step()
const walker = contestants[name](origin, Number(total))
const every = Math.max(1, Math.floor(Number(total) / PAGE_SIZE / 40))
const live = () => {
  globalThis.gc()
  return process.memoryUsage().heapUsed
}
const base = live()
let peak = 0
let items = 0
for (let page = 1; !walker.done; page++) {
  items += await walker.step()
  if (page % every === 0) peak = Math.max(peak, live() - base)
}
const end = live() - base
if (items !== Number(total)) throw new Error(`walked ${items} of ${total} items`)
process.stdout.write(JSON.stringify({ peak: Math.max(peak, end), end }))
