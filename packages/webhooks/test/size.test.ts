import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
// @ts-expect-error: plain .mjs script without type declarations
import { BUDGET, measure } from '../scripts/size.mjs'

it(`ESM bundle stays under ${BUDGET} B minified + gzipped`, async () => {
  const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url))
  const { minified, gzipped } = (await measure(entry)) as { minified: number; gzipped: number }
  console.log(`@amigo-ai/webhooks size: ${minified} B minified, ${gzipped} B gzipped (budget ${BUDGET} B)`)
  expect(gzipped).toBeLessThan(BUDGET)
  expect(gzipped).toBeGreaterThan(500) // a real bundle was measured, not an empty file
})
