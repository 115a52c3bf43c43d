// Release rules that a changeset or a manifest edit could break without anyone noticing until
// publish day: version lines, private packages, CHANGELOG.md files, and how the workspace is found.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { publicPackages, workspacePackages } from '../lib/workspace.mjs'
import { releasePlan } from '../release/plan.mjs'

const root = join(import.meta.dirname, '..', '..')
const UMBRELLA = '@amigo-ai/platform-sdk'
const plan = await releasePlan(root)
const next = (name: string) => plan.find((r) => r.name === name)

describe('release plan of the pending changesets', () => {
  it('never bumps a major', () => {
    expect(plan.filter((r) => r.type === 'major').map((r) => r.name)).toEqual([])
  })

  // The umbrella is published under the official SDK's name, whose last release is 0.46.x: its
  // first release from this repository must be the next minor of that line, 0.47.x. When a later
  // minor is released on purpose, move this expectation with it.
  it('releases the umbrella as 0.47.x, continuing the official 0.46 line', () => {
    const umbrella = workspacePackages(root).find((p) => p.name === UMBRELLA)!
    const version = next(UMBRELLA)?.newVersion ?? umbrella.version
    expect(version, `${UMBRELLA} would be released as ${version}`).toMatch(/^0\.47\.\d+$/)
  })

  // A package whose CHANGELOG.md has no release entry yet (only its closing section) has never
  // been published: it sits at 0.0.0 and its first release is 0.1.0.
  it('releases every package that was never published as 0.1.0', () => {
    const unreleased = publicPackages(root).filter((p) => {
      if (p.name === UMBRELLA || !existsSync(join(p.dir, 'CHANGELOG.md'))) return false
      return (readFileSync(join(p.dir, 'CHANGELOG.md'), 'utf8').match(/^## /gm) ?? []).length <= 1
    })
    expect(unreleased.map((p) => [p.name, p.version, next(p.name)?.newVersion])).toEqual(
      unreleased.map((p) => [p.name, '0.0.0', '0.1.0']),
    )
  })

  it('keeps examples, bench and test-server private and out of every release', () => {
    const byDir = new Map(workspacePackages(root).map((p) => [relative(root, p.dir), p]))
    for (const dir of ['examples', 'bench', 'packages/test-server']) {
      expect(byDir.get(dir)?.private, `${dir} must have "private": true`).toBe(true)
    }
    const privateNames = workspacePackages(root)
      .filter((p) => p.private)
      .map((p) => p.name)
    expect(plan.filter((r) => privateNames.includes(r.name)).map((r) => r.name)).toEqual([])
    expect(publicPackages(root).filter((p) => privateNames.includes(p.name))).toEqual([])
  })
})

describe('CHANGELOG.md', () => {
  it.each(publicPackages(root).map((p) => [p.name, p] as const))(
    '%s ships one written for users',
    (name, p) => {
      const text = readFileSync(join(p.dir, 'CHANGELOG.md'), 'utf8')
      expect(p.pkg.files).toContain('CHANGELOG.md')
      expect(text.split('\n')[0]).toBe(`# ${name}`)
      // The section below the title says what came before; changesets inserts entries above it.
      const sections = text.match(/^## .+$/gm) ?? []
      expect(sections.length).toBeGreaterThan(0)
      expect(sections.at(-1)).toMatch(name === UMBRELLA ? /^## 0\.46\.x and earlier$/ : /^## Before 0\.1\.0$/)
    },
  )

  it('gets each release entry above that section, without commit hashes', () => {
    const work = mkdtempSync(join(tmpdir(), 'amigo-changelog-'))
    try {
      const copy = (rel: string) => {
        mkdirSync(join(work, rel, '..'), { recursive: true })
        cpSync(join(root, rel), join(work, rel), { recursive: true })
      }
      for (const rel of ['package.json', 'pnpm-workspace.yaml', '.changeset', 'scripts/release']) copy(rel)
      for (const p of workspacePackages(root)) {
        const rel = relative(root, p.dir)
        copy(join(rel, 'package.json'))
        if (existsSync(join(p.dir, 'CHANGELOG.md'))) copy(join(rel, 'CHANGELOG.md'))
      }
      execFileSync(process.execPath, [join(root, 'node_modules/@changesets/cli/bin.js'), 'version'], {
        cwd: work,
        stdio: 'pipe',
      })
      for (const r of plan) {
        const p = workspacePackages(root).find((w) => w.name === r.name)!
        const text = readFileSync(join(work, relative(root, p.dir), 'CHANGELOG.md'), 'utf8')
        expect(
          text.startsWith(`# ${r.name}\n\n## ${r.newVersion}\n`),
          `${r.name}:\n${text.slice(0, 200)}`,
        ).toBe(true)
        expect(text).not.toMatch(/^- [0-9a-f]{7}: /m)
        const footer = readFileSync(join(p.dir, 'CHANGELOG.md'), 'utf8')
          .split('\n')
          .slice(1)
          .join('\n')
          .trim()
        expect(text.trimEnd().endsWith(footer)).toBe(true)
      }
      // A package released with a new version of a workspace dependency names it on one line.
      for (const r of plan) {
        const p = workspacePackages(root).find((w) => w.name === r.name)!
        const text = readFileSync(join(work, relative(root, p.dir), 'CHANGELOG.md'), 'utf8')
        const deps = Object.keys(p.pkg.dependencies ?? {}).filter((d) => next(d))
        for (const dep of deps) expect(text).toContain(`\`${dep}\` ${next(dep)!.newVersion}`)
      }
      // Every changeset was consumed.
      expect(
        readdirSync(join(work, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md'),
      ).toEqual([])
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  })
})

describe('release scripts', () => {
  it('find the public packages from the workspace, with no list of names of their own', () => {
    const fromDisk = readdirSync(join(root, 'packages'))
      .filter((d) => existsSync(join(root, 'packages', d, 'package.json')))
      .map((d) => JSON.parse(readFileSync(join(root, 'packages', d, 'package.json'), 'utf8')))
      .filter((pkg) => !pkg.private)
      .map((pkg) => pkg.name)
      .sort()
    expect(publicPackages(root).map((p) => p.name)).toEqual(fromDisk)
    for (const file of [
      'scripts/release/release.mjs',
      'scripts/release/plan.mjs',
      'scripts/lib/workspace.mjs',
    ]) {
      expect(readFileSync(join(root, file), 'utf8'), file).not.toContain('@amigo-ai/')
    }
  })
})
