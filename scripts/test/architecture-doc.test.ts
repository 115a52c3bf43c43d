// docs/architecture.md lists what core knows of the Amigo API; every wire name it cites must still
// be in core's sources, so moving that knowledge out of core means updating the document.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from './sandbox'

const doc = readFileSync(join(repoRoot, 'docs/architecture.md'), 'utf8')
const section = doc.split('### What core knows of the Amigo API')[1]?.split(/\n#{2,3} /)[0] ?? ''

const coreSources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? coreSources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  )
const core = coreSources(join(repoRoot, 'packages/core/src'))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n')

/** Backticked names in the table's first column that look like wire names (no spaces, no `<`). */
const wireNames = [
  ...new Set(
    section
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| convention'))
      .flatMap((line) => [...(line.split(' | ')[0] ?? '').matchAll(/`([^`\s<]+)`/g)].map((m) => m[1]!)),
  ),
]

describe('docs/architecture.md: what core knows', () => {
  it('has the section, citing the conventions', () => {
    expect(section).toContain('| convention |')
    expect(wireNames).toEqual(
      expect.arrayContaining(['https://api.platform.amigo.ai', '{workspace_id}', 'x-amigo-client', 'detail']),
    )
  })

  it.each(wireNames)('core still knows `%s`', (name) => {
    const bare = name.replace(/^\{(.*)\}$/, '$1') // `{workspace_id}` is a path parameter name
    expect(core.includes(bare), `${name} is cited in docs/architecture.md but not in packages/core/src`).toBe(
      true,
    )
  })

  it('the layering check and its test point at this document', () => {
    for (const file of ['scripts/check-layering.mjs', 'scripts/test/layering.test.ts']) {
      expect(readFileSync(join(repoRoot, file), 'utf8'), file).toContain('docs/architecture.md')
    }
  })
})
