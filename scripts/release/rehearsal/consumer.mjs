// Consumer apps as users make them: an empty folder outside the repository, a package.json, and
// plain `npm install <packages> --registry <local registry>` (no workspace, no links, no lockfile
// from us). The app's own source files are copied from ./apps.
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const appsDir = new URL('./apps/', import.meta.url).pathname

/** Creates the app folder with `files` from ./apps (results.mjs always) and a minimal package.json. */
export function createApp(dir, files) {
  mkdirSync(dir, { recursive: true })
  const name = `rehearsal-${dir.split('/').pop()}`
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name, private: true, type: 'module' }, null, 2)}\n`,
  )
  for (const f of ['results.mjs', ...files]) copyFileSync(join(appsDir, f), join(dir, f))
  return dir
}

/** npm's arguments for installing `specs` from `registry` only (its own cache, no audit or funding calls). */
export const npmInstallArgs = (specs, { registry, cache }) => [
  'install',
  ...specs,
  `--registry=${registry}`,
  `--cache=${cache}`,
  '--prefer-online',
  '--no-audit',
  '--no-fund',
  '--loglevel=error',
]

/** Every package in the app's node_modules tree, nested copies included: `[{ name, version, path }]`. */
export function installedPackages(app) {
  const found = []
  const walk = (modules) => {
    if (!existsSync(modules)) return
    for (const entry of readdirSync(modules)) {
      if (entry.startsWith('.')) continue
      const names = entry.startsWith('@')
        ? readdirSync(join(modules, entry)).map((n) => `${entry}/${n}`)
        : [entry]
      for (const name of names) {
        const dir = join(modules, name)
        const manifest = join(dir, 'package.json')
        if (!existsSync(manifest)) continue
        const { version } = JSON.parse(readFileSync(manifest, 'utf8'))
        found.push({ name, version, path: relative(app, dir) })
        walk(join(dir, 'node_modules'))
      }
    }
  }
  walk(join(app, 'node_modules'))
  return found.sort((a, b) => a.path.localeCompare(b.path))
}

/**
 * Starts a long-running app file (`node <file>`) that prints `LISTENING <port>`; resolves
 * `{ port, stop() }`. Rejects with the app's output if it exits or stays silent for `timeoutMs`.
 */
export function startServerApp(app, file, env, timeoutMs = 20_000) {
  const child = spawn(process.execPath, [file], { cwd: app, env: { ...process.env, ...env }, stdio: 'pipe' })
  let output = ''
  let listening = false
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const stop = async () => {
    child.stdin.end()
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000)
    await exited
    clearTimeout(kill)
  }
  return new Promise((resolve, reject) => {
    const fail = (why) => {
      child.kill('SIGKILL')
      reject(new Error(`${file} ${why}:\n${output}`))
    }
    const timer = setTimeout(() => fail(`did not listen within ${timeoutMs} ms`), timeoutMs)
    child.stderr.on('data', (d) => {
      output += d
    })
    child.stdout.on('data', (d) => {
      output += d
      const m = /LISTENING (\d+)/.exec(output)
      if (!m || listening) return
      listening = true
      clearTimeout(timer)
      resolve({ port: Number(m[1]), stop })
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      if (!listening) fail(`exited with code ${code} before listening`)
    })
  })
}
