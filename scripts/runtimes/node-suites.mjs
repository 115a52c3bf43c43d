// The whole unit suite (every workspace package's `test` script) under one Node version. It runs
// through `pnpm -r` rather than turbo, so no cached run of one version is ever replayed for
// another and no package is rebuilt; CI_NODE_VERSION is set anyway for anything that keys on it.
// The counts come from the vitest JSON reports each package writes to test-results/node<major>/ (one
// folder per version, so two versions can run at once; see JSON_REPORT in vitest.shared.ts).
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { exec, tail } from './exec.mjs'
import { PNPM_SUMMARY, suiteFailureReasons } from './suite-failures.mjs'

const root = new URL('../..', import.meta.url).pathname
const workspaceDirs = () => [
  ...readdirSync(join(root, 'packages')).map((d) => join(root, 'packages', d)),
  join(root, 'examples'),
  join(root, 'bench'),
]
const reportDir = (major) => join('test-results', `node${major}`)
const reportDirs = (major) => workspaceDirs().map((d) => join(d, reportDir(major)))
/** Workspace folders with a `test` script: each must leave a report, or it did not run. */
const testedDirs = () =>
  workspaceDirs().filter((d) => {
    const file = join(d, 'package.json')
    return existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).scripts?.test
  })

/** Runs the suite with `nodeBin` first on PATH; returns one check result. */
export async function nodeSuite(nodeBin, version) {
  const major = version.replace(/^v/, '').split('.')[0]
  for (const dir of reportDirs(major)) rmSync(dir, { recursive: true, force: true })
  const { FORCE_COLOR: _, ...inherited } = process.env
  const env = {
    ...inherited,
    PATH: `${dirname(nodeBin)}:${process.env.PATH}`,
    CI_NODE_VERSION: major,
    AMIGO_TEST_REPORT_DIR: reportDir(major),
    // Checks whose outcome no Node version changes (type checks, generated files) ran on Node 20
    // already; the other versions leave them out (`versionIndependent` in vitest.shared.ts).
    AMIGO_VERSION_SUITE: major === '20' ? '0' : '1',
    NO_COLOR: '1',
  }
  // pnpm's own shebang picks the first node on PATH, so vitest runs on `nodeBin`; prove it.
  const seen = await exec('pnpm', ['exec', 'node', '-p', 'process.version'], { cwd: root, env })
  if (seen.stdout.trim() !== version) {
    return { ok: false, detail: `pnpm ran node ${seen.stdout.trim() || seen.stderr}, expected ${version}` }
  }
  // --no-sort: a failing package must not stop the packages that depend on it from being tested.
  const r = await exec('pnpm', ['-r', '--workspace-concurrency=1', '--no-bail', '--no-sort', 'test'], {
    cwd: root,
    env,
    timeoutMs: 600_000,
  })
  let passed = 0
  let failed = 0
  let skipped = 0
  // A file can fail with every test in it passed (an afterAll hook that threw or timed out).
  let failedFiles = 0
  for (const dir of reportDirs(major)) {
    if (!existsSync(dir)) continue
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const report = JSON.parse(readFileSync(join(dir, file), 'utf8'))
      passed += report.numPassedTests ?? 0
      failed += report.numFailedTests ?? 0
      skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
      failedFiles += (report.testResults ?? []).filter((t) => t.status === 'failed').length
    }
  }
  const counts = [
    `${passed} tests passed, ${failed} failed`,
    skipped ? `, ${skipped} skipped` : '',
    failedFiles ? ` (${failedFiles} test file${failedFiles === 1 ? '' : 's'} failed)` : '',
  ].join('')
  const silent = testedDirs().filter((d) => !existsSync(join(d, reportDir(major))))
  if (r.code !== 0 || failed || silent.length) {
    // The failing tests and packages, not pages of passing output.
    const why = [
      ...silent.map((d) => `${relative(root, d)}: wrote no test report (its tests did not run)`),
      ...suiteFailureReasons(r.output, root),
    ]
    const repro = `reproduce: PATH=${dirname(nodeBin)}:$PATH pnpm -r --no-bail --no-sort test`
    return {
      ok: false,
      detail: [
        `${counts}${r.timedOut ? ' (timed out)' : ''}`,
        // pnpm's own summary alone says nothing about why: then the output's end does.
        ...why,
        ...(why.some((l) => !PNPM_SUMMARY.test(l)) ? [] : [tail(r.output, 30)]),
        repro,
      ].join('\n'),
    }
  }
  return { ok: true, detail: counts }
}
