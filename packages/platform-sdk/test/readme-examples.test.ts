// Typechecks every README code sample against the packages: the product README's samples
// (test/readme-examples/*.ts) and every TypeScript block of this repository's package READMEs
// (test/readme-examples/<package dir>/*.ts). When builds newer than the sources exist, the samples are
// checked against the published `dist/*.d.ts` (what users compile against); otherwise against the
// sources, so the test never reads a stale build.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { normalizeSample, readmeFixtureProblems, withReadmeLines } from './helpers/readme-blocks'

const pkgDir = fileURLToPath(new URL('..', import.meta.url))
const repoRoot = join(pkgDir, '..', '..')
const fixturesDir = join(pkgDir, 'test', 'readme-examples')
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

// Every package a sample imports: the SDK, its dependencies and the mock (its README's sample).
const checkedPackages = ['platform-sdk', 'core', 'realtime', 'webhooks', 'auth-node', 'mock']

function distIsFresh(): boolean {
  return checkedPackages.every((dir) => {
    const dts = join(pkgDir, '..', dir, 'dist', 'index.d.ts')
    return existsSync(dts) && statSync(dts).mtimeMs >= newestMtime(join(pkgDir, '..', dir, 'src'))
  })
}

// What each fixture's samples hash to, recorded when they were copied from the product README (the
// official SDK 0.46 README): a sample edited to make it compile changes its hash.
const recordedDigests = join(fixturesDir, 'samples.sha256.json')

const samplesOf = (text: string): string[] =>
  text
    .split('// ---- example ----\n')
    .slice(1)
    .map((part) => normalizeSample(part.split('// ---- end of example')[0] ?? ''))

const fixtureFiles = () =>
  readdirSync(fixturesDir)
    .filter((f) => f.endsWith('.ts'))
    .sort()

/** SHA-256 of a fixture's samples (trailing spaces and blank lines at the end ignored). */
const digestOf = (file: string): string =>
  createHash('sha256')
    .update(samplesOf(readFileSync(join(fixturesDir, file), 'utf8')).join('\n// ----\n'))
    .digest('hex')

describe('README examples', () => {
  it('each fixture sample is unchanged since it was copied from the README', () => {
    const recorded: Record<string, string> = JSON.parse(readFileSync(recordedDigests, 'utf8'))
    expect(Object.keys(recorded).sort()).toEqual(fixtureFiles())
    for (const file of fixtureFiles()) {
      expect(digestOf(file), `${file}: the sample below "// ---- example ----" was edited`).toBe(
        recorded[file],
      )
    }
  })

  it('has one fixture per sample, each marking where the unchanged sample starts', () => {
    const files = fixtureFiles()
    expect(files.length).toBeGreaterThanOrEqual(45)
    for (const file of files) {
      const text = readFileSync(join(fixturesDir, file), 'utf8')
      expect(text, file).toContain('// ---- example ----')
    }
  })

  it('each TypeScript block of a package README is the sample of one fixture', () => {
    const sampleOf = (path: string) => samplesOf(readFileSync(path, 'utf8')).join('\n')
    expect(readmeFixtureProblems(repoRoot, fixturesDir, sampleOf)).toEqual([])
  })

  it('every sample compiles against the package', { timeout: 180_000 }, () => {
    const project = distIsFresh() ? 'tsconfig.json' : 'tsconfig.src.json'
    const run = spawnSync(process.execPath, [tsc, '-p', join(fixturesDir, project)], {
      cwd: fixturesDir,
      encoding: 'utf8',
    })
    expect(withReadmeLines(run.stdout + run.stderr, repoRoot, fixturesDir), `tsc -p ${project}`).toBe('')
    expect(run.status).toBe(0)
  })
})
