// api.md is generated from the sources (scripts/api-md.mjs); a stale file, or an auto-paging method
// whose page size disagrees with the spec's `limit` maximum, fails here.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

const pkgDir = fileURLToPath(new URL('..', import.meta.url))

it('api.md matches the sources', { timeout: 120_000 }, () => {
  const run = spawnSync(process.execPath, ['scripts/api-md.mjs', '--check'], {
    cwd: pkgDir,
    encoding: 'utf8',
  })
  expect(run.stderr).toBe('')
  expect(run.status).toBe(0)
  expect(run.stdout).toContain('api.md is up to date')
})
