// Every changeset must be one changesets can read: frontmatter naming published packages of this
// workspace with a bump type, then a summary users will read in the CHANGELOG.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')
const published = new Set(
  readdirSync(join(root, 'packages'))
    .map((d) => JSON.parse(readFileSync(join(root, 'packages', d, 'package.json'), 'utf8')))
    .filter((p) => !p.private)
    .map((p) => p.name as string),
)
const files = readdirSync(join(root, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md')

describe('changesets', () => {
  it('exist for every published package', () => {
    const named = new Set(
      files.flatMap((f) =>
        [...readFileSync(join(root, '.changeset', f), 'utf8').matchAll(/^"(@amigo-ai\/[^"]+)":/gm)].map(
          (m) => m[1],
        ),
      ),
    )
    expect([...published].filter((p) => !named.has(p))).toEqual([])
  })

  it.each(files)('%s has valid frontmatter and a summary', (file) => {
    const text = readFileSync(join(root, '.changeset', file), 'utf8')
    const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)
    expect(match, `${file} must start with a --- frontmatter block`).not.toBeNull()
    const lines = match![1].split('\n').filter((l) => l.trim())
    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines) {
      const entry = /^"([^"]+)":\s*(major|minor|patch)$/.exec(line.trim())
      expect(entry, `${file}: "${line}" is not "<package>": major|minor|patch`).not.toBeNull()
      expect(published.has(entry![1]), `${file}: ${entry![1]} is not a published workspace package`).toBe(
        true,
      )
    }
    expect(match![2].trim().length).toBeGreaterThan(20)
  })
})

describe('changeset version', () => {
  it('bumps the packages a changeset names and the umbrella that carries them, no other, with CHANGELOGs', () => {
    // A copy of the workspace manifests with one changeset: versions are independent.
    const work = mkdtempSync(join(tmpdir(), 'amigo-changesets-'))
    try {
      for (const f of ['package.json', 'pnpm-workspace.yaml']) cpSync(join(root, f), join(work, f))
      mkdirSync(join(work, '.changeset'))
      cpSync(join(root, '.changeset', 'config.json'), join(work, '.changeset', 'config.json'))
      cpSync(join(root, '.changeset', 'webhooks-initial.md'), join(work, '.changeset', 'webhooks-initial.md'))
      // The CHANGELOG writer the config names (scripts/release/changelog.cjs).
      cpSync(join(root, 'scripts', 'release'), join(work, 'scripts', 'release'), { recursive: true })
      for (const dir of [
        'examples',
        'bench',
        ...readdirSync(join(root, 'packages')).map((d) => `packages/${d}`),
      ]) {
        mkdirSync(join(work, dir), { recursive: true })
        cpSync(join(root, dir, 'package.json'), join(work, dir, 'package.json'))
      }
      const versionBefore = (dir: string) =>
        JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')).version
      const versionAfter = (dir: string) =>
        JSON.parse(readFileSync(join(work, dir, 'package.json'), 'utf8')).version
      execFileSync(process.execPath, [join(root, 'node_modules/@changesets/cli/bin.js'), 'version'], {
        cwd: work,
        stdio: 'pipe',
      })
      expect(versionAfter('packages/webhooks')).not.toBe(versionBefore('packages/webhooks'))
      // The umbrella's Node build carries webhooks' code (packages/platform-sdk/tsup.config.ts), so
      // a webhooks fix reaches its users only in a release of the umbrella too.
      expect(versionAfter('packages/platform-sdk')).not.toBe(versionBefore('packages/platform-sdk'))
      expect(versionAfter('packages/core')).toBe(versionBefore('packages/core'))
      expect(versionAfter('packages/realtime')).toBe(versionBefore('packages/realtime'))
      expect(readFileSync(join(work, 'packages/webhooks/CHANGELOG.md'), 'utf8')).toContain(
        '@amigo-ai/webhooks',
      )
      expect(existsSync(join(work, 'packages/core/CHANGELOG.md'))).toBe(false)
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  })
})
