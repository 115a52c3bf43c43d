// A throwaway npm registry for the release rehearsal: Verdaccio from the workspace's dev
// dependencies, storage in a temp folder, on a free loopback port.
//   - `@amigo-ai/*` is served only from what is published to it: no uplink, so an install that
//     needs any @amigo-ai package must get it from this registry (the real npm is never asked).
//   - every other package (third-party dependencies such as `ws` or `eventsource-parser`) is
//     proxied to the npm registry this machine is configured with; `thirdParty()` lists what came
//     through, so the transcript shows exactly what was fetched from outside.
// Anyone may publish `@amigo-ai/*` (anonymous publish; the registry lives only as long as the run).
import { spawn } from 'node:child_process'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const childScript = new URL('./verdaccio-child.mjs', import.meta.url).pathname

const config = ({ storage, uplink, log }) => `# written by scripts/release/verdaccio.mjs for one rehearsal
storage: ${JSON.stringify(storage)}
auth:
  htpasswd:
    file: ${JSON.stringify(join(storage, '..', 'htpasswd'))}
    max_users: -1
uplinks:
  npmjs:
    url: ${JSON.stringify(uplink)}
    timeout: 60s
    max_fails: 5
packages:
  '@amigo-ai/*':
    access: $all
    publish: $all
    unpublish: $all
  '**':
    access: $all
    publish: $authenticated
    proxy: npmjs
server:
  keepAliveTimeout: 5
publish:
  allow_offline: true
web:
  enable: false
log: { type: file, path: ${JSON.stringify(log)}, level: warn }
`

/**
 * Starts the registry in `dir` (created); resolves `{ url, storage, log, thirdParty(), close() }`.
 * `uplink` is the registry third-party packages are proxied to.
 */
export async function startRegistry(dir, { uplink, timeoutMs = 30_000 }) {
  const storage = join(dir, 'storage')
  const log = join(dir, 'verdaccio.log')
  mkdirSync(storage, { recursive: true })
  const configFile = join(dir, 'config.yaml')
  writeFileSync(configFile, config({ storage, uplink, log }))
  const child = spawn(process.execPath, [childScript, configFile], {
    cwd: dir,
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Verdaccio did not start within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    )
    const onData = (d) => {
      output += d
      const m = /LISTENING (\S+)/.exec(output)
      if (m) {
        clearTimeout(timer)
        resolve(m[1])
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (d) => {
      output += d
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`Verdaccio exited (code ${code}) before listening:\n${output}`))
    })
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  return {
    url,
    storage,
    log,
    configFile,
    /** Package names stored from the uplink (everything in storage outside @amigo-ai). */
    thirdParty() {
      return readdirSync(storage)
        .filter((d) => !d.startsWith('.'))
        .flatMap((d) => (d.startsWith('@') ? readdirSync(join(storage, d)).map((n) => `${d}/${n}`) : [d]))
        .filter((n) => !n.startsWith('@amigo-ai/'))
        .sort()
    },
    /** Stops the registry (closing its stdin; killed if it has not exited 5 s later). */
    async close() {
      if (child.exitCode !== null) return
      child.stdin.end()
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
      await exited
      clearTimeout(timer)
    },
  }
}
