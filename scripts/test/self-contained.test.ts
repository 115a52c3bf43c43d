// The repository builds, regenerates and tests itself from its own files: no tracked file may read
// or mention a folder beside the checkout (a contributor's clone has nothing there). This file,
// which spells the patterns out, is the one file not searched.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from './sandbox'

const sibling = ['..', 'shared'].join('/')
const OUTSIDE = [
  // a relative path to a sibling folder of the checkout
  new RegExp(`${sibling.replace(/\./g, '\\.')}\\b`),
  // the same path built from segments: join(dir, '..', '..', 'shared')
  new RegExp(`['"]\\.\\.['"],\\s*['"]${'shared'}['"]`),
  // the absolute location of the development machine's shared folder
  new RegExp(['', 'work', 'shared'].join('/')),
]

const pointsOutside = (text: string) => OUTSIDE.some((re) => re.test(text))

const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: repoRoot, encoding: 'utf8' })
  .split('\0')
  .filter((file) => file && file !== 'scripts/test/self-contained.test.ts')

describe('the repository stands on its own', () => {
  it('lists its tracked files', () => {
    expect(tracked).toContain('package.json')
    expect(tracked).toContain('spec/upstream/openapi-facts.json')
  })

  it('no tracked file reads or mentions a folder outside the checkout', () => {
    const offenders: string[] = []
    for (const file of tracked) {
      let text: string
      try {
        text = readFileSync(join(repoRoot, file), 'utf8')
      } catch {
        continue // deleted in the working tree
      }
      const lines = text.split('\n')
      lines.forEach((line, i) => {
        if (pointsOutside(line)) offenders.push(`${file}:${i + 1}: ${line.trim()}`)
      })
    }
    expect(offenders).toEqual([])
  })

  it('the patterns catch each way of writing such a path', () => {
    const samples = [
      `const p = '${sibling}/platform-api/x.json'`,
      `join(dir, '..', '..', 'shared', 'x')`,
      `read ${['', 'work', 'shared'].join('/')}/x`,
    ]
    for (const sample of samples) expect(pointsOutside(sample), sample).toBe(true)
    expect(pointsOutside("import { x } from '../vitest.shared'")).toBe(false)
    expect(pointsOutside("from '../_shared/env'")).toBe(false)
  })
})
