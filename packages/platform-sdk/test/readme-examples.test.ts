// Typechecks every README code sample (test/readme-examples/*.ts) against the package. When a build
// newer than the sources exists, the samples are checked against the published `dist/index.d.ts`
// (what users compile against); otherwise against the sources, so the test never reads a stale build.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const pkgDir = fileURLToPath(new URL('..', import.meta.url))
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

function distIsFresh(): boolean {
  const dts = join(pkgDir, 'dist', 'index.d.ts')
  if (!existsSync(dts)) return false
  const deps = ['core', 'realtime', 'webhooks', 'auth-node'].map((d) =>
    join(pkgDir, '..', d, 'dist', 'index.d.ts'),
  )
  return deps.every(existsSync) && statSync(dts).mtimeMs >= newestMtime(join(pkgDir, 'src'))
}

// The product README lives beside the repository in development checkouts only; when it is there, each
// fixture's sample must still be a verbatim excerpt of it.
const referenceReadme = join(pkgDir, '..', '..', '..', 'shared', 'product', 'reference-README.txt')

const samplesOf = (text: string): string[] =>
  text
    .split('// ---- example ----\n')
    .slice(1)
    .map((part) =>
      (part.split('// ---- end of example')[0] ?? '')
        .replace(/\n+$/, '')
        .split('\n')
        .map((line) => line.trimEnd())
        .join('\n'),
    )

describe('README examples', () => {
  it.skipIf(!existsSync(referenceReadme))('each fixture sample is a verbatim excerpt of the README', () => {
    const readme = readFileSync(referenceReadme, 'utf8')
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
    for (const file of readdirSync(fixturesDir).filter((f) => f.endsWith('.ts'))) {
      for (const sample of samplesOf(readFileSync(join(fixturesDir, file), 'utf8'))) {
        expect(readme.includes(sample), `${file}: sample differs from the README`).toBe(true)
      }
    }
  })

  it('has one fixture per sample, each marking where the unchanged sample starts', () => {
    const files = readdirSync(fixturesDir).filter((f) => f.endsWith('.ts'))
    expect(files.length).toBeGreaterThanOrEqual(45)
    for (const file of files) {
      const text = readFileSync(join(fixturesDir, file), 'utf8')
      expect(text, file).toContain('// ---- example ----')
    }
  })

  it('every sample compiles against the package', { timeout: 180_000 }, () => {
    const project = distIsFresh() ? 'tsconfig.json' : 'tsconfig.src.json'
    const run = spawnSync(process.execPath, [tsc, '-p', join(fixturesDir, project)], {
      cwd: fixturesDir,
      encoding: 'utf8',
    })
    expect(run.stdout + run.stderr, `tsc -p ${project}`).toBe('')
    expect(run.status).toBe(0)
  })
})
