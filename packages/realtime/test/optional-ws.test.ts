// `ws` is an optional peer dependency: it is loaded by a non-literal specifier only where the runtime
// has no global WebSocket (Node 20), so bundlers never include it, and when it is not installed the
// caller is told exactly what to do. The runtime check runs the BUILT package (ESM and CJS) in a Node
// child process from a folder where `ws` cannot be resolved.
import { spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { afterAll, describe, expect, it } from 'vitest'

const pkgDir = new URL('..', import.meta.url).pathname
const built = existsSync(join(pkgDir, 'dist', 'index.js'))
const BUILD_FIRST = 'build first: pnpm --filter @amigo-ai/realtime build'
const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

/** An app folder holding a copy of the built package and its dependencies, but no `ws`. */
function appWithoutWs(): string {
  const app = mkdtempSync(join(tmpdir(), 'realtime-no-ws-'))
  dirs.push(app)
  const scope = join(app, 'node_modules', '@amigo-ai')
  mkdirSync(join(scope, 'realtime'), { recursive: true })
  cpSync(join(pkgDir, 'package.json'), join(scope, 'realtime', 'package.json'))
  cpSync(join(pkgDir, 'dist'), join(scope, 'realtime', 'dist'), { recursive: true })
  symlinkSync(realpathSync(join(pkgDir, 'node_modules', '@amigo-ai', 'core')), join(scope, 'core'))
  symlinkSync(
    realpathSync(join(pkgDir, 'node_modules', 'eventsource-parser')),
    join(app, 'node_modules', 'eventsource-parser'),
  )
  return app
}

// Opens a managed socket with no global WebSocket and prints how it ended.
const SCRIPT = (load: string) => `${load}
delete globalThis.WebSocket
const socket = createReconnectingWebSocket({
  url: 'ws://127.0.0.1:9/never',
  onMessage() {},
  onError: (e) => console.log(JSON.stringify({ reason: e.reason, message: e.message, cause: e.cause?.name })),
})
socket.done.then(() => console.log('done'))
`

describe('ws is an optional peer', () => {
  it('without ws and without a global WebSocket, the error says to install ws or pass WebSocket', () => {
    expect(built, BUILD_FIRST).toBe(true)
    const app = appWithoutWs()
    for (const [file, load] of [
      ['esm.mjs', "import { createReconnectingWebSocket } from '@amigo-ai/realtime'"],
      ['cjs.cjs', "const { createReconnectingWebSocket } = require('@amigo-ai/realtime')"],
    ] as const) {
      writeFileSync(join(app, file), SCRIPT(load))
      const r = spawnSync(process.execPath, [file], { cwd: app, encoding: 'utf8', timeout: 30_000 })
      expect(r.stderr).toBe('')
      const [line, done] = r.stdout.trim().split('\n')
      const ended = JSON.parse(line!)
      expect(ended.reason).toBe('open_failed')
      expect(ended.cause).toBe('ConfigurationError')
      expect(ended.message).toContain('run `npm install ws`')
      expect(ended.message).toContain('pass a WebSocket class as the `WebSocket` option')
      expect(done).toBe('done')
    }
  })

  it('a Node bundle of the built package leaves ws out and keeps the runtime lookup', async () => {
    expect(built, BUILD_FIRST).toBe(true)
    const app = appWithoutWs()
    const result = await build({
      stdin: { contents: "export * from '@amigo-ai/realtime'", resolveDir: app, loader: 'js' },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      metafile: true,
      logLevel: 'silent',
      tsconfigRaw: '{}',
    })
    const inputs = Object.keys(result.metafile.inputs)
    expect(inputs.some((p) => p.includes('realtime/dist/index.js'))).toBe(true)
    expect(inputs.filter((p) => /(^|\/)ws\//.test(p))).toEqual([])
    expect(result.outputFiles[0]!.text).toMatch(
      /import\(\s*\/\* webpackIgnore: true \*\/\s*\/\* @vite-ignore \*\/\s*WS\s*\)/,
    )
  })
})
