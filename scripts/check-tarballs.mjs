// Tests every package as users get it: `pnpm pack`, install the tarballs into a fresh project
// outside the workspace (no workspace links), then run each package's smoke files with ESM
// `import` and CJS `require` (packages/<dir>/test/tarball/smoke.{mjs,cjs}), and compile a
// TypeScript consumer of every entry against the installed declarations. A bin-only package (the
// ESM-only CLI, with no `exports["."]`) has only smoke.mjs, which runs its installed bin.
//   node scripts/check-tarballs.mjs [names...]
// With names (the release passes the packages it is about to publish), only those are packed and
// smoke-tested; the @amigo-ai dependencies they do not name come from the registry, at the versions
// already published there, which is the combination users will install.
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { installApp, packAll, publicPackages } from './lib/pack.mjs'
import { COMPILERS, ENVIRONMENTS, typecheckConsumer } from './lib/typecheck-consumer.mjs'

// Everything installing the umbrella puts in node_modules. A new runtime dependency of the umbrella or
// of a package it depends on is a cost to every user of the SDK: add it here on purpose.
const UMBRELLA_INSTALLS = [
  '@amigo-ai/auth-node',
  '@amigo-ai/core',
  '@amigo-ai/platform-sdk',
  '@amigo-ai/realtime',
  '@amigo-ai/webhooks',
  'eventsource-parser',
]

const work = mkdtempSync(join(tmpdir(), 'amigo-tarballs-'))
const app = join(work, 'app')
let failures = 0
try {
  const only = process.argv.slice(2)
  const pkgs = publicPackages().filter((p) => !only.length || only.includes(p.name))
  const unknown = only.filter((name) => !pkgs.some((p) => p.name === name))
  if (unknown.length) throw new Error(`not a published workspace package: ${unknown.join(', ')}`)
  const tarballs = packAll(pkgs, join(work, 'packs'))
  installApp(app, tarballs)
  for (const { dir, pkg } of pkgs) {
    const binOnly = Boolean(pkg.bin) && !pkg.exports?.['.']
    for (const ext of binOnly ? ['mjs'] : ['mjs', 'cjs']) {
      const src = join(dir, 'test', 'tarball', `smoke.${ext}`)
      if (!existsSync(src)) {
        failures++
        console.error(`✗ ${pkg.name}: missing test/tarball/smoke.${ext}`)
        continue
      }
      const dest = join(app, `${basename(dir)}-smoke.${ext}`)
      copyFileSync(src, dest)
      const r = spawnSync('node', [dest], { cwd: app, encoding: 'utf8', timeout: 60_000 })
      if (r.status !== 0) {
        failures++
        console.error(
          `✗ ${pkg.name} (${binOnly ? 'bin' : ext === 'mjs' ? 'ESM import' : 'CJS require'})\n${r.stdout}${r.stderr}`,
        )
      } else
        console.log(
          `✓ ${pkg.name} (${binOnly ? 'bin' : ext === 'mjs' ? 'ESM import' : 'CJS require'}) ${r.stdout.trim().split('\n').pop()}`,
        )
    }
  }
  // The declarations as installed, compiled the strictest usual way in each kind of project by the
  // workspace's compiler, and in the default one by the oldest supported (see typecheck-consumer.mjs).
  const runs = [
    ...ENVIRONMENTS.map((env) => ({ env, compiler: COMPILERS[0] })),
    ...COMPILERS.slice(1).map((compiler) => ({ env: ENVIRONMENTS[0], compiler })),
  ]
  // Each run is one tsc process: as many at a time as there are cores, reported in order.
  const checked = await pooled(
    runs.map(
      ({ env, compiler }, i) =>
        () =>
          typecheckConsumer(app, pkgs, compiler.tsc, env, `consumer-${i}`),
    ),
    availableParallelism(),
  )
  for (const [i, { env, compiler }] of runs.entries()) {
    const types = checked[i]
    const what = `(${env.name}, TypeScript ${compiler.version}, nodenext, skipLibCheck false)`
    if (types.ok) console.log(`✓ type declarations of ${types.entries} entries ${what}`)
    else {
      failures++
      console.error(`✗ type declarations ${what}\n${types.out}`)
    }
  }
  if (!only.length) failures += umbrellaInstallProblems(tarballs, join(work, 'umbrella-app'))
} finally {
  rmSync(work, { recursive: true, force: true })
}
process.exit(failures ? 1 : 0)

/** Runs `tasks` (functions returning promises), at most `limit` at a time; resolves their results in order. */
async function pooled(tasks, limit) {
  const results = []
  let next = 0
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++
      results[i] = await tasks[i]()
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker))
  return results
}

/**
 * Installs the umbrella alone (its @amigo-ai dependencies from their tarballs too) and compares what
 * npm put in node_modules with UMBRELLA_INSTALLS: a backend that replaces the single-package SDK gets
 * our packages and their own runtime dependencies, nothing that only the CLI needs (`open`, auth-node's
 * optional peer for the browser sign-in, or the mock's). Returns the number of failures (0 or 1).
 */
function umbrellaInstallProblems(tarballs, dir) {
  const umbrella = '@amigo-ai/platform-sdk'
  installApp(dir, { [umbrella]: tarballs[umbrella] }, {}, tarballs)
  const lock = JSON.parse(readFileSync(join(dir, 'node_modules', '.package-lock.json'), 'utf8'))
  const installed = [...new Set(Object.keys(lock.packages).map((p) => p.split('node_modules/').pop()))]
    .filter(Boolean)
    .sort()
  const extra = installed.filter((name) => !UMBRELLA_INSTALLS.includes(name))
  const missing = UMBRELLA_INSTALLS.filter((name) => !installed.includes(name))
  if (!extra.length && !missing.length) {
    console.log(`✓ ${umbrella} alone installs ${installed.length} packages: ${installed.join(', ')}`)
    return 0
  }
  const wrong = [extra.length && `also ${extra.join(', ')}`, missing.length && `not ${missing.join(', ')}`]
  console.error(
    `✗ ${umbrella} alone installs ${wrong.filter(Boolean).join('; ')} (UMBRELLA_INSTALLS in scripts/check-tarballs.mjs)`,
  )
  return 1
}
