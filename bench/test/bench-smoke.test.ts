// Cheap checks of the bench's own machinery (no timing): the statistics, the repeat budget, the
// built entries the cold-import suite starts, the verdicts in the table, and that both paging
// contestants walk a loopback list completely.
import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { distEntry } from '../lib/packages.mjs'
import { repeatWithin } from '../lib/repeat.mjs'
import { startServer } from '../lib/server.mjs'
import { median, quantile, rotate, spread } from '../lib/stats.mjs'
import { missed, renderTable } from '../lib/table.mjs'
import { umbrellaAsPackages } from '../suites/cold-import.mjs'
import { contestants } from '../suites/paging-contestants.mjs'

describe('stats', () => {
  it('quantiles by nearest rank, spread and rotation', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.99)).toBe(10)
    expect(quantile([], 0.5)).toBeNaN()
    expect(spread([2, 1, 4])).toEqual({ min: 1, median: 2, max: 4, n: 3 })
    expect(rotate(['a', 'b', 'c'], 1)).toEqual(['b', 'c', 'a'])
  })

  it('repeatWithin does at least min and at most max repeats', async () => {
    let calls = 0
    expect(await repeatWithin({ min: 2, max: 5, budgetMs: 0 }, () => calls++)).toBe(2)
    expect(await repeatWithin({ min: 1, max: 3, budgetMs: 60_000 }, () => calls++)).toBe(3)
    expect(calls).toBe(5)
  })
})

describe('packages', () => {
  it('finds the built ESM and CommonJS entries the cold-import suite starts', () => {
    for (const name of ['@amigo-ai/core', '@amigo-ai/platform-sdk']) {
      const esm = distEntry(name)
      const cjs = distEntry(name, 'require')
      expect(esm).toMatch(/dist\/index\.js$/)
      expect(cjs).toMatch(/dist\/index\.cjs$/)
      expect(existsSync(esm) && existsSync(cjs)).toBe(true)
    }
    expect(distEntry('@amigo-ai/platform-sdk/lite')).toMatch(/dist\/lite\.js$/)
    expect(existsSync(umbrellaAsPackages())).toBe(true)
  })
})

describe('table', () => {
  const rows = [
    {
      section: 'S',
      figure: 'fast',
      baseline: 'b',
      work: '1x',
      values: [1.0, 1.05, 1.2],
      target: { max: 1.1 },
    },
    {
      section: 'S',
      figure: 'slow',
      baseline: 'b',
      work: '1x',
      values: [0.5, 0.6, 0.7],
      target: { min: 0.9 },
    },
    { section: 'S', figure: 'info', baseline: 'b', work: '1x', values: [2] },
  ]
  it('judges targets at the median and prints min / median / max', () => {
    const table = renderTable(rows)
    expect(table).toMatch(/\| fast .*\| 1\.00x \| 1\.05x +\| 1\.20x \| 3 \| ≤ 1\.10 met +\|/)
    expect(table).toMatch(/\| slow .*\| ≥ 0\.90 MISSED /)
    expect(missed(rows).map((r) => r.figure)).toEqual(['slow'])
  })
})

describe('paging contestants over loopback', () => {
  let server: { origin: string; close(): Promise<void> }
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(async () => {
    await server.close()
  })

  for (const name of Object.keys(contestants)) {
    it(`${name} walks all 45 items (3 pages) and stops`, async () => {
      const walker = contestants[name](server.origin, 45)
      const pages: number[] = []
      while (!walker.done) pages.push(await walker.step())
      expect(pages).toEqual([20, 20, 5])
    })
  }
})
