// After the first release: a patch of @amigo-ai/webhooks alone (what moves, what an app pinned to
// the first umbrella gets), then a minor of @amigo-ai/core (which dependents follow), and an app
// holding the umbrella next to the first @amigo-ai/realtime, with two copies of core.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadMock } from '../../runtimes/platform.mjs'
import { reportResults } from './first-apps.mjs'
import { installApp } from './install-app.mjs'
import { internalDependencies, publishedManifest } from './registry-read.mjs'
import { releaseRound } from './release-round.mjs'

const changeset = (pkg, bump, text) => `---\n"${pkg}": ${bump}\n---\n\n${text}\n`
const WEBHOOKS = '@amigo-ai/webhooks'
const CORE = '@amigo-ai/core'
const UMBRELLA = '@amigo-ai/platform-sdk'

/** The published packages (at their current versions) that list `dep` in their dependencies, with the range. */
async function dependentsOf(ctx, versions, dep) {
  const out = []
  for (const [name, { version }] of versions) {
    const range = internalDependencies(await publishedManifest(ctx.registry.url, name, version)).find(
      ([d]) => d === dep,
    )?.[1]
    if (range) out.push({ name, version, range })
  }
  return out
}

/** The policy in the copy's changesets config, and what it did to each published dependent of `dep`. */
function explainDependents(ctx, round, dep, dependents) {
  const { t } = ctx
  const config = JSON.parse(readFileSync(join(ctx.copy, '.changeset', 'config.json'), 'utf8'))
  t.info(
    `policy (.changeset/config.json): updateInternalDependencies "${config.updateInternalDependencies}".`,
  )
  t.info('A package without a changeset of its own is bumped (patch) only when a dependency it uses leaves')
  t.info('the range its published manifest accepts; a release inside that range leaves dependents alone, and')
  t.info('their users get the new dependency through the range they already have.')
  const next = round.after.get(dep).version
  for (const d of dependents) {
    const now = round.after.get(d.name).version
    const outcome = now === d.version ? 'not bumped' : `patch to ${now}`
    t.info(`  ${d.name}@${d.version} depends on ${dep} ${d.range}; ${dep} is now ${next}: ${outcome}`)
  }
}

export async function webhooksPatch(ctx, first) {
  const { t } = ctx
  const dependents = await dependentsOf(ctx, first.after, WEBHOOKS)
  const round = await releaseRound(ctx, {
    'rehearsal-webhooks-patch.md': changeset(
      WEBHOOKS,
      'patch',
      'Rehearsal: a patch of the webhook verifier alone.',
    ),
  })
  explainDependents(ctx, round, WEBHOOKS, dependents)
  t.check(
    `only ${WEBHOOKS} got a new version and was published`,
    round.changed.join() === WEBHOOKS && round.released.join() === WEBHOOKS,
    `new versions: ${round.changed.join(', ') || 'none'}; published: ${round.released.join(', ') || 'none'}`,
  )
  return round
}

export async function pinnedApp(ctx, first, second) {
  const pinned = first.after.get(UMBRELLA).version
  const { dir, installed } = await installApp(
    ctx,
    'pinned-umbrella',
    ['pinned.mjs'],
    [`${UMBRELLA}@${pinned}`, '--save-exact'],
  )
  const version = (name) => installed.find((p) => p.name === name)?.version
  ctx.t.check(
    `an app pinned to ${UMBRELLA}@${pinned} still installs it`,
    version(UMBRELLA) === pinned,
    `installed ${version(UMBRELLA)}`,
  )
  ctx.t.check(
    `and gets ${WEBHOOKS} ${second.after.get(WEBHOOKS).version} through the umbrella's range`,
    version(WEBHOOKS) === second.after.get(WEBHOOKS).version,
    `installed ${version(WEBHOOKS)}`,
  )
  reportResults(ctx, 'pinned app', await ctx.runApp(dir, 'pinned.mjs'), 1)
}

export async function coreMinor(ctx, second) {
  const { t } = ctx
  const dependents = await dependentsOf(ctx, second.after, CORE)
  const round = await releaseRound(
    ctx,
    {
      'rehearsal-core-minor.md': changeset(
        CORE,
        'minor',
        'Rehearsal: a minor release of the transport (0.x: outside `^` ranges of the previous minor).',
      ),
    },
    { dry: false },
  )
  explainDependents(ctx, round, CORE, dependents)
  const expected = [CORE, ...dependents.map((d) => d.name)].sort().join(', ')
  t.check(
    `${CORE} and the packages depending on it got new versions and were published, nothing else`,
    round.changed.sort().join(', ') === expected && round.released.sort().join(', ') === expected,
    `new versions: ${round.changed.join(', ')}; published: ${round.released.join(', ')}`,
  )
  return round
}

export async function sideBySide(ctx, first, third, serviceDir) {
  const { t } = ctx
  const realtime = first.after.get('@amigo-ai/realtime').version
  const umbrella = third.after.get(UMBRELLA).version
  const { dir, installed } = await installApp(
    ctx,
    'side-by-side',
    ['side-by-side.mjs'],
    [`${UMBRELLA}@${umbrella}`, `@amigo-ai/realtime@${realtime}`, '--save-exact'],
  )
  const cores = installed.filter((p) => p.name === CORE)
  t.check(
    `two copies of ${CORE} in node_modules`,
    cores.length === 2 && cores[0].version !== cores[1].version,
    cores.map((c) => `${c.path}@${c.version}`).join(', '),
  )
  const { startMockPlatform } = await loadMock(serviceDir)
  const mock = await startMockPlatform({ port: 0, seed: 1, latencyMs: 0 })
  try {
    const env = {
      ...process.env,
      AMIGO_BASE_URL: mock.url,
      AMIGO_API_KEY: mock.apiKey,
      AMIGO_WORKSPACE_ID: mock.workspaceId,
    }
    t.info(`platform mock for the app on ${mock.url}`)
    reportResults(ctx, 'side by side', await ctx.runApp(dir, 'side-by-side.mjs', env), 4)
  } finally {
    await mock.close()
  }
}
