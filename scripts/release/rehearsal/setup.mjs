// The rehearsal's stage: a throwaway copy of the repository at HEAD (a `git clone --shared` into
// the work folder; the real checkout is only read) installed from the lockfile, and a local
// Verdaccio that the copy publishes to.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { repoRoot, workspacePackages } from '../../lib/workspace.mjs'
import { configuredRegistry } from '../plan.mjs'
import { copyEnvironment, StepFailed } from './context.mjs'
import { packument } from './registry-read.mjs'
import { startRegistry } from './verdaccio.mjs'

const git = (...args) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim()

/** Clones HEAD of the checkout into ctx.copy and installs it. */
export async function prepareCopy(ctx) {
  const { t } = ctx
  const head = git('rev-parse', 'HEAD')
  t.info(`checkout: ${repoRoot} at ${head.slice(0, 12)} (${git('log', '-1', '--format=%s').slice(0, 90)})`)
  if (git('status', '--porcelain'))
    t.info('the checkout has uncommitted changes: they are not rehearsed (HEAD is)')
  await ctx.sh('git', ['clone', '--quiet', '--shared', '--no-checkout', repoRoot, ctx.copy], {
    cwd: ctx.work,
  })
  await ctx.sh('git', ['checkout', '--quiet', '--detach', head])
  await ctx.sh('pnpm', ['install', '--frozen-lockfile', '--prefer-offline', '--reporter=append-only'])
  const pkgs = workspacePackages(ctx.copy)
  t.info(`workspace packages found by pnpm in the copy:`)
  for (const p of pkgs)
    t.info(
      `  ${p.name.padEnd(26)} ${p.version.padEnd(8)} ${p.private ? 'private: never published' : 'public'}`,
    )
}

/**
 * Starts Verdaccio, points the copy at it, and checks it holds no @amigo-ai package yet; resolves
 * `{ registry, env }` (env: for commands in the copy). The registry is handed to `onStart` as soon
 * as it runs, so it is stopped at the end even if a check here fails.
 */
export async function startLocalRegistry(ctx, onStart) {
  const { t } = ctx
  const uplink = await configuredRegistry(repoRoot)
  const registry = await startRegistry(join(ctx.work, 'registry'), { uplink })
  onStart(registry)
  t.info(`Verdaccio ${verdaccioVersion()} on ${registry.url}, storage ${ctx.show(registry.storage)}`)
  t.info(`@amigo-ai/*: local only (no uplink); other packages: proxied to ${uplink}`)
  const env = copyEnvironment(registry.url, ctx.cache)
  writeFileSync(join(ctx.copy, '.npmrc'), `registry=${registry.url}\n`)
  t.info(`wrote <work>/repo/.npmrc: registry=${registry.url}`)
  const seen = (await ctx.sh('npm', ['config', 'get', 'registry'], { env })).stdout.trim()
  if (!t.check('npm in the copy publishes to the local registry', seen === registry.url, seen)) {
    throw new StepFailed(`the copy's registry is ${seen}: refusing to publish anywhere but ${registry.url}`)
  }
  const names = workspacePackages(ctx.copy).map((p) => p.name)
  const present = []
  for (const name of names) if (await packument(registry.url, name)) present.push(name)
  t.check(
    'the registry starts with no @amigo-ai package',
    present.length === 0,
    present.join(', ') || `${names.length} names asked, all 404`,
  )
  return { registry, env }
}

const verdaccioVersion = () => createRequire(import.meta.url)('verdaccio/package.json').version
