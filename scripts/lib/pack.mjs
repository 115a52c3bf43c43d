// Packs the workspace's public packages with `pnpm pack` and installs the tarballs into a fresh
// project outside the workspace, the way users get them (no workspace links). Shared by
// scripts/check-tarballs.mjs and the runtime matrix (scripts/runtimes/).
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { publicPackages } from './workspace.mjs'

export { publicPackages }

/** Runs a command and returns its stdout; throws with the output when it fails. */
function run(cmd, args, cwd, env) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: env ?? process.env })
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}\n${r.stdout}${r.stderr}`)
  return r.stdout
}

/** Packs every given package (see publicPackages) into `dest`; returns `{ [name]: 'file:<abs path of the .tgz>' }`. */
export function packAll(pkgs, dest) {
  mkdirSync(dest, { recursive: true })
  const tarballs = {}
  for (const { dir, pkg } of pkgs) {
    run('pnpm', ['pack', '--pack-destination', dest], dir)
    const file = `${pkg.name.replace('@', '').replace('/', '-')}-${pkg.version}.tgz`
    if (!readdirSync(dest).includes(file)) throw new Error(`pnpm pack of ${pkg.name} did not write ${file}`)
    tarballs[pkg.name] = `file:${join(dest, file)}`
  }
  return tarballs
}

/**
 * Writes a package.json depending on the tarballs and `extra`, every transitive use of a package in
 * `overrides` (by default the tarballs) taken from its tarball too, and npm-installs it.
 */
export function installApp(app, tarballs, extra = {}, overrides = tarballs) {
  mkdirSync(app, { recursive: true })
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify(
      {
        name: 'tarball-app',
        private: true,
        dependencies: { ...tarballs, ...extra },
        overrides,
      },
      null,
      2,
    ),
  )
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], app)
}
