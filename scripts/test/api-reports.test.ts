// The API report check (`scripts/api-reports.mjs`) on a throwaway workspace holding a copy of the
// built @amigo-ai/webhooks (the smallest published package with two entry points): it passes while
// the committed reports match the declarations, and fails naming the package and the entry when the
// surface changes, a report is missing or one is left over. Needs `pnpm build` (the test command
// runs it first); nothing is rebuilt here.
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { repoRoot, runNode } from './sandbox'

const script = join(repoRoot, 'scripts', 'api-reports.mjs')
const source = join(repoRoot, 'packages', 'webhooks')
const pkgDir = (root: string) => join(root, 'packages', 'webhooks')

/** A workspace of one package: its package.json, built dist and committed api/ reports. */
function copyWorkspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'amigo-api-reports-'))
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'api-reports-fixture', private: true }))
  writeFileSync(join(root, 'pnpm-workspace.yaml'), 'packages:\n  - packages/*\n')
  for (const part of ['package.json', 'dist', 'api'])
    cpSync(join(source, part), join(pkgDir(root), part), { recursive: true })
  return root
}

const check = (root: string) => runNode(repoRoot, script, ['--check', '--root', root])
const update = (root: string) => runNode(repoRoot, script, ['--update', '--root', root])

describe('API reports', () => {
  let root: string
  beforeEach(() => {
    expect(
      existsSync(join(source, 'dist', 'index.d.ts')),
      'packages/webhooks is not built: run `pnpm build`',
    ).toBe(true)
    root = copyWorkspace()
  })
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  it('pass on the committed reports of the built package', async () => {
    const r = await check(root)
    expect(r.stderr).toBe('')
    expect(r.stdout).toContain('2 API reports are current')
    expect(r.code).toBe(0)
  })

  // One throwaway workspace with every kind of change at once (each run of the script starts
  // api-extractor and TypeScript, a few seconds on a loaded machine): an export added to `./sign`,
  // a `browser` condition on `.` with its own declaration file (no report yet), a leftover report.
  it('fail naming each package entry whose surface changed, then pass once --update wrote them', async () => {
    const dir = pkgDir(root)
    appendFileSync(join(dir, 'dist', 'sign.d.ts'), '\nexport declare function addedForTest(): void;\n')
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    manifest.exports['.'] = { browser: { import: { types: './dist/sign.d.ts' } }, ...manifest.exports['.'] }
    writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest))
    writeFileSync(join(dir, 'api', 'gone.api.md'), '')

    const failed = await check(root)
    expect(failed.code).toBe(1)
    expect(failed.stderr).toContain('@amigo-ai/webhooks "./sign": packages/webhooks/api/sign.api.md differs')
    expect(failed.stderr).toContain('+export function addedForTest(): void;')
    expect(failed.stderr).toContain(
      '@amigo-ai/webhooks "." (browser condition): packages/webhooks/api/index.browser.api.md is missing',
    )
    expect(failed.stderr).toContain('packages/webhooks/api/gone.api.md: no such entry point')
    expect(failed.stderr).not.toContain('api/index.api.md')
    expect(failed.stderr).toContain('Run `pnpm api:update`')
    expect(failed.stderr).toContain('changeset')

    expect((await update(root)).code).toBe(0)
    const report = (name: string) => readFileSync(join(dir, 'api', name), 'utf8')
    expect(report('sign.api.md')).toContain('export function addedForTest(): void;')
    expect(report('index.browser.api.md')).toBe(report('sign.api.md'))
    expect(existsSync(join(dir, 'api', 'gone.api.md'))).toBe(false)
    const passed = await check(root)
    expect(passed.stderr).toBe('')
    expect(passed.code).toBe(0)
  })
})
