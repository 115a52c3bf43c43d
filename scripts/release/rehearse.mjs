// The release rehearsal (`pnpm release:rehearse`, run by .ci/run): the real release commands on a
// throwaway copy of the repository (HEAD), publishing to a local Verdaccio, then apps installed
// from that registry with plain npm, as users install them:
//   1. `pnpm release` versions and publishes every public package; the published manifests, tarballs
//      and CHANGELOG entries are checked; private packages never reach the registry.
//   2. a webhook handler (only @amigo-ai/webhooks), a service (umbrella + platform mock) and a
//      Chromium dashboard (only @amigo-ai/realtime) are installed and run.
//   3. a patch changeset for @amigo-ai/webhooks alone is released: only it moves, and an app pinned
//      to the first umbrella still installs.
//   4. a minor changeset for @amigo-ai/core is released (its dependents follow), then an app with
//      the umbrella and the first @amigo-ai/realtime holds two copies of core whose error guards
//      recognise each other's errors.
// Every step is written to stdout and to a transcript file (its path is printed first and last);
// the work folder (copy, registry storage, apps) is removed at the end, even on failure, unless
// --keep is given. Ends with "N passed, M failed".
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createContext, StepFailed } from './rehearsal/context.mjs'
import { dashboardApp } from './rehearsal/dashboard-check.mjs'
import { serviceApp, webhookApp } from './rehearsal/first-apps.mjs'
import { coreMinor, pinnedApp, sideBySide, webhooksPatch } from './rehearsal/later-releases.mjs'
import { checkPrivateNeverPublished, checkPublished, releaseRound } from './rehearsal/release-round.mjs'
import { prepareCopy, startLocalRegistry } from './rehearsal/setup.mjs'
import { createTranscript } from './rehearsal/transcript.mjs'

const keep = process.argv.includes('--keep')
const HARD_LIMIT_MS = 12 * 60_000

const t = createTranscript(join(mkdtempSync(join(tmpdir(), 'amigo-rehearsal-transcript-')), 'transcript.txt'))
const work = mkdtempSync(join(tmpdir(), 'amigo-rehearsal-'))
const ctx = createContext(t, work)
mkdirSync(ctx.apps)
t.info(`transcript: ${t.file}`)
t.info(`work folder: ${work}${keep ? ' (kept: --keep)' : ' (removed at the end)'}`)

let finished = false
async function finish(reason) {
  if (finished) return
  finished = true
  if (reason) t.check('rehearsal completed', false, reason)
  const started = Date.now()
  await ctx.registry?.close().catch(() => {})
  if (ctx.registry) t.info(`Verdaccio stopped (${Date.now() - started} ms)`)
  if (!keep) rmSync(work, { recursive: true, force: true })
  t.info(keep ? `work folder kept: ${work}` : `work folder removed (${Date.now() - started} ms)`)
  t.summary()
  console.log(`transcript: ${t.file}`)
  process.exit(t.counts.failed ? 1 : 0)
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => finish(`stopped by ${signal}`))
setTimeout(() => finish(`still running after ${HARD_LIMIT_MS / 60_000} minutes`), HARD_LIMIT_MS).unref()

// Each phase names what earlier phases must have produced; one whose inputs are missing fails
// with that reason instead of running.
const phases = [
  ['throwaway copy of the repository', [], () => prepareCopy(ctx)],
  ['local registry', [], () => startLocalRegistry(ctx)],
  [
    '1. first release of every public package',
    [],
    async () => {
      ctx.first = await releaseRound(ctx)
      const publics = [...ctx.first.after.keys()]
      t.check(
        'every public package was released',
        ctx.first.changed.length === publics.length,
        ctx.first.changed.join(', '),
      )
      await checkPublished(ctx, ctx.first)
      await checkPrivateNeverPublished(ctx)
    },
  ],
  ['2a. webhook handler with only @amigo-ai/webhooks', ['first'], () => webhookApp(ctx)],
  [
    '2b. service with the umbrella and @amigo-ai/platform-mock',
    ['first'],
    async () => {
      ctx.serviceDir = await serviceApp(ctx)
    },
  ],
  [
    '2c. dashboard with only @amigo-ai/realtime, in Chromium',
    ['serviceDir'],
    () => dashboardApp(ctx, ctx.serviceDir),
  ],
  [
    '3. patch release of @amigo-ai/webhooks alone',
    ['first'],
    async () => {
      ctx.second = await webhooksPatch(ctx, ctx.first)
      await checkPublished(ctx, ctx.second)
    },
  ],
  ['3b. an app pinned to the first umbrella', ['second'], () => pinnedApp(ctx, ctx.first, ctx.second)],
  [
    '4. minor release of @amigo-ai/core',
    ['second'],
    async () => {
      ctx.third = await coreMinor(ctx, ctx.second)
      await checkPublished(ctx, ctx.third)
    },
  ],
  [
    '4b. the umbrella next to the first @amigo-ai/realtime',
    ['third', 'serviceDir'],
    () => sideBySide(ctx, ctx.first, ctx.third, ctx.serviceDir),
  ],
]

// Until the first release is out every failure stops the run; after it, a failed phase is
// reported and the phases that do not need its result still run.
try {
  for (const [title, needs, run] of phases) {
    t.step(title)
    const missing = needs.filter((key) => ctx[key] === undefined)
    if (missing.length) {
      t.check(`${title}: not run`, false, `an earlier phase did not produce ${missing.join(', ')}`)
      continue
    }
    try {
      await run()
    } catch (err) {
      if (!ctx.first) throw err
      t.check(
        `${title}: finished`,
        false,
        err instanceof StepFailed ? err.message : String(err?.stack ?? err),
      )
    }
  }
  t.step('third-party packages fetched through the uplink (everything else came from this run)')
  t.info(ctx.registry.thirdParty().join(', ') || 'none')
  await finish()
} catch (err) {
  await finish(err instanceof StepFailed ? err.message : String(err?.stack ?? err))
}
