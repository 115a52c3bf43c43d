// Packs the workspace's public packages with `pnpm pack` and installs the tarballs into a fresh
// project outside the workspace, the way users get them (no workspace links). Shared by
// scripts/check-tarballs.mjs and the runtime matrix (scripts/runtimes/).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** The repository root. */
export const root = new URL('../..', import.meta.url).pathname

/** Runs a command and returns its stdout; throws with the output when it fails. */
function run(cmd, args, cwd, env) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: env ?? process.env })
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}\n${r.stdout}${r.stderr}`)
  return r.stdout
}

/** The workspace's publishable packages: `{ dir, pkg }` for every non-private packages/<dir>. */
export function publicPackages() {
  return readdirSync(join(root, 'packages'))
    .filter((dir) => existsSync(join(root, 'packages', dir, 'package.json')))
    .map((dir) => ({
      dir,
      pkg: JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')),
    }))
    .filter(({ pkg }) => !pkg.private)
}

/** Packs every public package into `dest`; returns `{ [name]: 'file:<abs path of the .tgz>' }`. */
export function packAll(pkgs, dest) {
  mkdirSync(dest, { recursive: true })
  const tarballs = {}
  for (const { dir, pkg } of pkgs) {
    run('pnpm', ['pack', '--pack-destination', dest], join(root, 'packages', dir))
    const file = `${pkg.name.replace('@', '').replace('/', '-')}-${pkg.version}.tgz`
    if (!readdirSync(dest).includes(file)) throw new Error(`pnpm pack of ${pkg.name} did not write ${file}`)
    tarballs[pkg.name] = `file:${join(dest, file)}`
  }
  return tarballs
}

/** Writes a package.json depending on the tarballs (and overriding every transitive use of them) and npm-installs it. */
export function installApp(app, tarballs, extra = {}) {
  mkdirSync(app, { recursive: true })
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify(
      {
        name: 'tarball-app',
        private: true,
        dependencies: { ...tarballs, ...extra },
        overrides: tarballs,
      },
      null,
      2,
    ),
  )
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], app)
}
