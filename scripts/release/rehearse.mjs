// The release rehearsal (`pnpm release:rehearse`, run by .ci/run): the real release commands on a
// throwaway copy of the repository (HEAD), publishing to a local Verdaccio, then apps installed
// from that registry with plain npm, as users install them:
//   1. `pnpm release` versions and publishes every public package; the published manifests, tarballs
//      and CHANGELOG entries are checked; private packages never reach the registry.
//   2. a webhook handler (only @amigo-ai/webhooks), a service (umbrella + platform mock), a
//      Chromium dashboard (only @amigo-ai/realtime) and the `amigo` command are installed and run.
//   3. a patch changeset for @amigo-ai/webhooks alone is released: only it moves, and an app pinned
//      to the first umbrella still installs.
//   4. a minor changeset for @amigo-ai/core is released (its dependents follow), then an app with
//      the umbrella and the first @amigo-ai/realtime holds two copies of core whose error guards
//      recognise each other's errors.
// The releases (CPU) and the apps (mostly waiting on installs and a browser) run side by side; each
// phase's lines are printed once it and the phases before it are done, so the transcript reads in
// the order above. It goes to stdout and to a file (its path is printed first and last); the work
// folder (copy, registry storage, apps) is removed at the end, even on failure, unless --keep.
// Ends with "N passed, M failed".
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createContext, StepFailed } from './rehearsal/context.mjs'
import { dashboardApp } from './rehearsal/dashboard-check.mjs'
import { cliApp, serviceApp, webhookApp } from './rehearsal/first-apps.mjs'
import { coreMinor, pinnedApp, sideBySide, webhooksPatch } from './rehearsal/later-releases.mjs'
import { checkPrivateNeverPublished, checkPublished, releaseRound } from './rehearsal/release-round.mjs'
import { prepareCopy, startLocalRegistry } from './rehearsal/setup.mjs'
import { createTranscript } from './rehearsal/transcript.mjs'

const keep = process.argv.includes('--keep')
// A backstop for a hang that no command timeout catches (a run normally takes a few minutes).
const HARD_LIMIT_MS = 20 * 60_000

const t = createTranscript(join(mkdtempSync(join(tmpdir(), 'amigo-rehearsal-transcript-')), 'transcript.txt'))
const work = mkdtempSync(join(tmpdir(), 'amigo-rehearsal-'))
const ctx = createContext(t, work)
mkdirSync(ctx.apps)
t.info(`transcript: ${t.file}`)
t.info(`work folder: ${work}${keep ? ' (kept: --keep)' : ' (removed at the end)'}`)
t.info('after the first release, releases and apps run side by side: each phase is printed once done,')
t.info('in order, so a phase may start (see its time) before the one printed above it ended')

async function firstRelease(c) {
  const round = await releaseRound(c)
  const publics = [...round.after.keys()]
  c.t.check(
    'every public package was published',
    round.released.length === publics.length,
    round.released.join(', '),
  )
  await checkPublished(c, round)
  await checkPrivateNeverPublished(c)
  return round
}

async function laterRelease(c, release, previous) {
  const round = await release(c, previous)
  await checkPublished(c, round)
  return round
}

// In transcript order. `track` 'release' phases run one after another (they share the copy);
// 'apps' phases run one after another alongside them; each starts once the phases it `needs`
// have produced their result. Setup and the first release come before either track.
const phases = [
  { key: 'copy', title: 'throwaway copy of the repository', run: (c) => prepareCopy(c) },
  {
    key: 'registry',
    title: 'local registry',
    run: async (c) => {
      const { env } = await startLocalRegistry(c, (registry) => {
        ctx.registry = registry
      })
      ctx.env = env
    },
  },
  { key: 'first', title: '1. first release of every public package', run: firstRelease },
  {
    key: 'webhook',
    track: 'apps',
    needs: ['first'],
    title: '2a. webhook handler with only @amigo-ai/webhooks',
    run: (c) => webhookApp(c),
  },
  {
    key: 'service',
    track: 'apps',
    needs: ['first'],
    title: '2b. service with the umbrella and @amigo-ai/platform-mock',
    run: (c) => serviceApp(c),
  },
  {
    key: 'dashboard',
    track: 'apps',
    needs: ['service'],
    title: '2c. dashboard with only @amigo-ai/realtime, in Chromium',
    run: (c, r) => dashboardApp(c, r.service),
  },
  {
    key: 'cli',
    track: 'apps',
    needs: ['first'],
    title: '2d. the amigo command from @amigo-ai/cli',
    run: (c, r) => cliApp(c, r.first),
  },
  {
    key: 'second',
    track: 'release',
    needs: ['first'],
    title: '3. patch release of @amigo-ai/webhooks alone',
    run: (c, r) => laterRelease(c, webhooksPatch, r.first),
  },
  {
    key: 'pinned',
    track: 'apps',
    needs: ['first', 'second'],
    title: '3b. an app pinned to the first umbrella',
    run: (c, r) => pinnedApp(c, r.first, r.second),
  },
  {
    key: 'third',
    track: 'release',
    needs: ['second'],
    title: '4. minor release of @amigo-ai/core',
    run: (c, r) => laterRelease(c, coreMinor, r.second),
  },
  {
    key: 'sideBySide',
    track: 'apps',
    needs: ['first', 'third', 'service'],
    title: '4b. the umbrella next to the first @amigo-ai/realtime',
    run: (c, r) => sideBySide(c, r.first, r.third, r.service),
  },
]

const deferred = () => {
  let resolve
  const promise = new Promise((r) => {
    resolve = r
  })
  return { promise, resolve }
}
const results = {}
const settled = new Map(phases.map((p) => [p.key, deferred()]))
const forks = new Map()

/** Runs one phase in its own transcript fork; records its result (undefined when it failed). */
async function runPhase(phase) {
  const out = t.fork()
  forks.set(phase.key, out)
  const inputs = await Promise.all((phase.needs ?? []).map((key) => settled.get(key).promise))
  if (finished) return settled.get(phase.key).resolve(undefined)
  out.step(phase.title)
  const missing = (phase.needs ?? []).filter((_, i) => inputs[i] === undefined)
  try {
    if (missing.length)
      out.check(`${phase.title}: not run`, false, `an earlier phase did not produce ${missing.join(', ')}`)
    else results[phase.key] = (await phase.run(ctx.writingTo(out), results)) ?? true
  } catch (err) {
    // A command killed because the run is ending is not a failure of its own.
    if (finished) return settled.get(phase.key).resolve(undefined)
    out.check(
      `${phase.title}: finished`,
      false,
      err instanceof StepFailed ? err.message : String(err?.stack ?? err),
    )
  }
  settled.get(phase.key).resolve(results[phase.key])
}

/** Prints each phase's lines, in transcript order, once it and every phase before it are done. */
async function printInOrder() {
  for (const phase of phases) {
    await settled.get(phase.key).promise
    if (finished) return
    forks.get(phase.key)?.flush()
  }
}

let finished = false
async function finish(reason) {
  if (finished) return
  finished = true
  for (const phase of phases) forks.get(phase.key)?.flush()
  if (reason) t.check('rehearsal completed', false, reason)
  const started = Date.now()
  await ctx.stopCommands()
  await ctx.registry?.close().catch(() => {})
  if (ctx.registry) t.info(`Verdaccio stopped (${Date.now() - started} ms)`)
  try {
    if (!keep) rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
    t.info(keep ? `work folder kept: ${work}` : `work folder removed (${Date.now() - started} ms)`)
    if (keep && ctx.registry) {
      t.info('to serve what this run published again (it prints its URL; stop it with Ctrl-C):')
      t.info(`  node scripts/release/rehearsal/verdaccio-child.mjs ${ctx.registry.configFile}`)
    }
  } catch (err) {
    t.check('work folder removed', false, `${work}: ${err.message}`)
  }
  t.summary()
  console.log(`transcript: ${t.file}`)
  process.exit(t.counts.failed ? 1 : 0)
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => finish(`stopped by ${signal}`))
for (const event of ['uncaughtException', 'unhandledRejection']) {
  process.on(event, (err) => finish(`${event}: ${err?.stack ?? err}`))
}
setTimeout(() => finish(`still running after ${HARD_LIMIT_MS / 60_000} minutes`), HARD_LIMIT_MS).unref()

try {
  const printing = printInOrder()
  // Setup and the first release stop everything when they fail.
  for (const phase of phases.filter((p) => !p.track)) {
    await runPhase(phase)
    if (results[phase.key] === undefined) {
      for (const rest of phases) settled.get(rest.key).resolve(results[rest.key])
      break
    }
  }
  const track = async (name) => {
    for (const phase of phases.filter((p) => p.track === name)) await runPhase(phase)
  }
  await Promise.all([track('release'), track('apps')])
  await printing
  if (ctx.registry && !finished) {
    t.step('third-party packages fetched through the uplink (everything else came from this run)')
    t.info(ctx.registry.thirdParty().join(', ') || 'none')
  }
  await finish()
} catch (err) {
  await finish(String(err?.stack ?? err))
}
