// Installs a consumer app from the local registry into the transcript: the npm command, what
// landed in node_modules, and which third-party packages the registry had to fetch for it.
import { join } from 'node:path'
import { createApp, installedPackages, npmInstallArgs } from './consumer.mjs'

// npm settings a parent process exported (npm_config_*) must not reach the user's plain install.
const userEnv = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)))

/** Creates app `name` with `files`, npm-installs `specs`; resolves `{ dir, installed }`. */
export async function installApp(ctx, name, files, specs) {
  const dir = createApp(join(ctx.apps, name), files)
  const known = new Set(ctx.registry.thirdParty())
  await ctx.sh('npm', npmInstallArgs(specs, { registry: ctx.registry.url, cache: ctx.cache }), {
    cwd: dir,
    env: userEnv(),
  })
  const installed = installedPackages(dir)
  ctx.t.info(
    `node_modules of ${name}: ${installed.map((p) => `${p.path.replace(/^node_modules\//, '')}@${p.version}`).join(', ')}`,
  )
  const fetched = ctx.registry.thirdParty().filter((n) => !known.has(n))
  ctx.t.info(
    `third-party packages the registry fetched from its uplink for this app: ${fetched.join(', ') || 'none'}`,
  )
  return { dir, installed }
}
