// The whole unit suite (every workspace package's `test` script) under one Node version. It runs
// through `pnpm -r` rather than turbo, so no cached run of one version is ever replayed for
// another and no package is rebuilt; CI_NODE_VERSION is set anyway for anything that keys on it.
// The counts come from the vitest JSON reports each package writes to test-results/.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { exec, tail } from './exec.mjs'

const root = new URL('../..', import.meta.url).pathname
const reportDirs = () => [
  ...readdirSync(join(root, 'packages')).map((d) => join(root, 'packages', d, 'test-results')),
  join(root, 'examples', 'test-results'),
  join(root, 'bench', 'test-results'),
]

/** Runs the suite with `nodeBin` first on PATH; returns one check result. */
export async function nodeSuite(nodeBin, version) {
  for (const dir of reportDirs()) rmSync(dir, { recursive: true, force: true })
  const major = version.replace(/^v/, '').split('.')[0]
  const { FORCE_COLOR: _, ...inherited } = process.env
  const env = {
    ...inherited,
    PATH: `${dirname(nodeBin)}:${process.env.PATH}`,
    CI_NODE_VERSION: major,
    NO_COLOR: '1',
  }
  // pnpm's own shebang picks the first node on PATH, so vitest runs on `nodeBin`; prove it.
  const seen = await exec('pnpm', ['exec', 'node', '-p', 'process.version'], { cwd: root, env })
  if (seen.stdout.trim() !== version) {
    return { ok: false, detail: `pnpm ran node ${seen.stdout.trim() || seen.stderr}, expected ${version}` }
  }
  const r = await exec('pnpm', ['-r', '--workspace-concurrency=1', '--no-bail', 'test'], {
    cwd: root,
    env,
    timeoutMs: 600_000,
  })
  let passed = 0
  let failed = 0
  let skipped = 0
  for (const dir of reportDirs()) {
    if (!existsSync(dir)) continue
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const report = JSON.parse(readFileSync(join(dir, file), 'utf8'))
      passed += report.numPassedTests ?? 0
      failed += report.numFailedTests ?? 0
      skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
    }
  }
  const counts = `${passed} tests passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`
  if (r.code !== 0 || failed) {
    // The failing tests and packages, not pages of passing output.
    const output = r.output
    let pkg = ''
    const why = new Set()
    for (const line of output.split('\n').map((l) => l.trim())) {
      const run = line.match(/^RUN\s+v[\d.]+\s+(\S+)/)
      if (run) pkg = relative(root, run[1])
      else if (/^FAIL\s|No test files found/.test(line)) why.add(`${pkg}: ${line}`)
      else if (/failed in \d+ package/.test(line)) why.add(line)
    }
    const repro = `reproduce: PATH=${dirname(nodeBin)}:$PATH pnpm -r --no-bail test`
    return {
      ok: false,
      detail: [
        `${counts}${r.timedOut ? ' (timed out)' : ''}`,
        ...(why.size ? why : [tail(output, 30)]),
        repro,
      ].join('\n'),
    }
  }
  return { ok: true, detail: counts }
}
