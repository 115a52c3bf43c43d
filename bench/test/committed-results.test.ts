// The committed bench results (issue 16's acceptance item: "the bench table in
// bench/results/latest.md refreshed, with the official figures as the baseline to beat"): the
// README's copy is the table of results/latest.md, and that table holds a row for each figure
// recorded of the official single-package SDK, so a run that lost them, or a README left behind a
// newer run, fails here.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { TABLE_MARKER, withLatestTable } from '../lib/readme-table.mjs'

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8')
const latest = read('../results/latest.md')

describe('committed bench results', () => {
  it("README.md ends with results/latest.md's table, as the last full run wrote it", () => {
    const readme = read('../README.md')
    expect(readme).toContain(TABLE_MARKER)
    expect(withLatestTable(readme, latest)).toBe(readme)
  })

  it('the table compares with the official SDK 0.46 on cold import, bundle size and type-check', () => {
    const official = latest.split('\n').filter((line) => /official (single-package )?SDK 0\.46/.test(line))
    for (const section of ['Cold import', 'Bundle size', 'Consumer type-check'])
      expect(
        official.some((line) => line.startsWith(`| ${section}`)),
        section,
      ).toBe(true)
  })
})

describe('withLatestTable', () => {
  it('replaces what follows the marker with the run, title left out; leaves a README without it', () => {
    const run = '# Benchmark results\n\n- Date: now\n\n| a |\n'
    expect(withLatestTable(`intro\n${TABLE_MARKER}\n\nold table\n`, run)).toBe(
      `intro\n${TABLE_MARKER}\n\n- Date: now\n\n| a |\n`,
    )
    expect(withLatestTable('no marker here\n', run)).toBe('no marker here\n')
  })
})
