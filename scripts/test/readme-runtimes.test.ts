// The README's runtime table must be the one docs/runtimes.md documents, and every runtime it lists
// must be one the matrix in scripts/runtimes/run.mjs actually runs: a listed runtime is a promise.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')
const read = (rel: string) => readFileSync(join(root, rel), 'utf8')
const tableRows = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    )

describe('README runtime table', () => {
  const readme = read('README.md')
  const block = /<!-- runtimes-table:start[^>]*-->\n([\s\S]*?)<!-- runtimes-table:end -->/.exec(readme)

  it('is present and identical to docs/runtimes.md', () => {
    expect(block, 'README.md needs the runtimes-table markers').not.toBeNull()
    const docTable = /(\| Runtime[\s\S]*?)\n\n/.exec(read('docs/runtimes.md'))
    expect(docTable).not.toBeNull()
    expect(tableRows(block![1]!)).toEqual(tableRows(docTable![1]!))
  })

  it('lists only runtimes the matrix runs', () => {
    const run = read('scripts/runtimes/run.mjs')
    const runtimeOf: Record<string, string> = {
      'Node.js 20': 'node20',
      'Node.js 22': 'node22',
      'Node.js 24': 'node24',
      Bun: 'bun',
      Deno: 'deno',
      'Cloudflare Workers': 'workers',
      'Chromium (headless)': 'chromium',
      Bundlers: 'bundles',
    }
    const names = tableRows(block![1]!)
      .slice(1)
      .map((row) => row[0]!)
    expect(names.length).toBeGreaterThan(0)
    for (const name of names) {
      const key = runtimeOf[name]
      expect(key, `no matrix entry known for "${name}"`).toBeDefined()
      expect(run).toContain(`'${key}'`)
    }
  })
})
