// Installs a consumer app from the local registry into the transcript: the npm command and what
// landed in node_modules (@amigo-ai packages from this run, third-party ones through the uplink).
import { join } from 'node:path'
import { createApp, installedPackages, npmInstallArgs } from './consumer.mjs'

// npm settings a parent process exported (npm_config_*) must not reach the user's plain install.
export const userEnv = () =>
  Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)))

/** Creates app `name` with `files`, npm-installs `specs`; resolves `{ dir, installed }`. */
export async function installApp(ctx, name, files, specs) {
  const dir = createApp(join(ctx.apps, name), files)
  await ctx.sh('npm', npmInstallArgs(specs, { registry: ctx.registry.url, cache: ctx.cache }), {
    cwd: dir,
    env: userEnv(),
  })
  const installed = installedPackages(dir)
  const list = (pkgs) =>
    pkgs.map((p) => `${p.path.replace(/^node_modules\//, '')}@${p.version}`).join(', ') || 'none'
  const ours = installed.filter((p) => p.name.startsWith('@amigo-ai/'))
  ctx.t.info(`node_modules of ${name}, published in this run: ${list(ours)}`)
  ctx.t.info(
    `node_modules of ${name}, third-party (through the uplink): ${list(installed.filter((p) => !ours.includes(p)))}`,
  )
  return { dir, installed }
}
