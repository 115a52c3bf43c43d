// The runtime matrix's own moving parts, tested without installing any runtime: the bundle check
// really catches `ws` and Node built-ins, a check is skipped only for a missing export, and the
// event handshake and same-origin forwarding of the local platform behave as the fixtures expect.
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { waitFor } from '../../packages/test-server/src/index'
import { packageTestConfig } from '../../vitest.shared'
import { checkBundles } from '../check-bundles.mjs'
import { missing } from '../runtimes/app.mjs'
import { EVENTS, startPlatform, WARMUP_TYPE } from '../runtimes/platform.mjs'

const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

/** A folder with node_modules/@amigo-ai/platform-sdk (and optionally ws) made of the given files. */
function fakeApp(sdk: Record<string, string>, withWs = false) {
  const dir = mkdtempSync(join(tmpdir(), 'amigo-runtimes-test-'))
  dirs.push(dir)
  const pkg = join(dir, 'node_modules', '@amigo-ai', 'platform-sdk')
  mkdirSync(pkg, { recursive: true })
  for (const [file, text] of Object.entries(sdk)) writeFileSync(join(pkg, file), text)
  if (withWs) {
    mkdirSync(join(dir, 'node_modules', 'ws'))
    writeFileSync(join(dir, 'node_modules', 'ws', 'package.json'), '{"name":"ws","main":"index.js"}')
    writeFileSync(join(dir, 'node_modules', 'ws', 'index.js'), 'module.exports = function WebSocket() {}')
  }
  return dir
}
const manifest = (exportsMap: unknown) =>
  JSON.stringify({ name: '@amigo-ai/platform-sdk', type: 'module', exports: exportsMap })

describe('check-bundles', () => {
  it('passes a web-standards package and reports sizes for both targets', async () => {
    const dir = fakeApp({
      'package.json': manifest('./index.js'),
      'index.js': 'export const ok = () => fetch',
    })
    const out = await checkBundles(dir)
    expect(out.map((r: { name: string; ok: boolean }) => [r.name, r.ok])).toEqual([
      ['browser', true],
      ['worker', true],
    ])
    expect(out[0].detail).toMatch(/KB min, .* KB gzip/)
  })

  it('fails when ws ends up in the bundle', async () => {
    const dir = fakeApp(
      {
        'package.json': manifest('./index.js'),
        'index.js': "import WS from 'ws'\nexport const ok = () => WS",
      },
      true,
    )
    const out = await checkBundles(dir)
    expect(out.every((r: { ok: boolean }) => !r.ok)).toBe(true)
    expect(out[0].detail).toContain('includes ws')
  })

  it('fails on a dynamic import of a computed name (workerd refuses such a script)', async () => {
    const dir = fakeApp({
      'package.json': manifest('./index.js'),
      'index.js':
        "export const load = (name) => import(name)\nexport const fixed = () => import('./index.js')",
    })
    const out = await checkBundles(dir)
    expect(out.every((r: { ok: boolean }) => !r.ok)).toBe(true)
    expect(out[0].detail).toContain('1 dynamic import(s) of a computed name')
  })

  it('fails on a node: import, naming it', async () => {
    const dir = fakeApp({
      'package.json': manifest('./index.js'),
      'index.js': "import { readFileSync } from 'node:fs'\nexport const ok = () => readFileSync",
    })
    const out = await checkBundles(dir)
    expect(out.every((r: { ok: boolean }) => !r.ok)).toBe(true)
    expect(out[1].detail).toContain('node:fs')
  })

  it('honours the browser and workerd export conditions', async () => {
    const dir = fakeApp({
      'package.json': manifest({
        '.': { workerd: './web.js', browser: './web.js', default: './node.js' },
      }),
      'node.js': "import { readFileSync } from 'node:fs'\nexport const ok = () => readFileSync",
      'web.js': 'export const ok = () => fetch',
    })
    const out = await checkBundles(dir)
    expect(out.map((r: { ok: boolean }) => r.ok)).toEqual([true, true])
  })
  it('ignores tsconfig paths of a linked workspace package (resolves through exports, like users)', async () => {
    // As in the workspace: the package is a symlink to a folder outside node_modules whose
    // tsconfig maps a dependency to a Node-only source file.
    const dir = mkdtempSync(join(tmpdir(), 'amigo-runtimes-test-'))
    dirs.push(dir)
    const real = join(dir, 'packages', 'sdk')
    mkdirSync(real, { recursive: true })
    writeFileSync(join(real, 'package.json'), manifest('./web.js'))
    writeFileSync(join(real, 'web.js'), "import { x } from '@amigo-ai/other'\nexport const ok = () => x")
    writeFileSync(
      join(real, 'node.js'),
      "import { readFileSync } from 'node:fs'\nexport const x = readFileSync",
    )
    writeFileSync(
      join(real, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@amigo-ai/other': ['./node.js'] } } }),
    )
    const other = join(real, 'node_modules', '@amigo-ai', 'other')
    mkdirSync(other, { recursive: true })
    writeFileSync(join(other, 'package.json'), '{"name":"@amigo-ai/other","main":"i.js"}')
    writeFileSync(join(other, 'i.js'), 'export const x = 1')
    mkdirSync(join(dir, 'node_modules', '@amigo-ai'), { recursive: true })
    symlinkSync(real, join(dir, 'node_modules', '@amigo-ai', 'platform-sdk'))
    const out = await checkBundles(dir)
    expect(out.map((r: { ok: boolean; detail: string }) => [r.ok, r.detail])).toEqual([
      [true, expect.any(String)],
      [true, expect.any(String)],
    ])
  })
})

describe('missing()', () => {
  const mods = {
    '@amigo-ai/webhooks': { parseWebhookEvent() {} },
    '@amigo-ai/platform-sdk': { __importError: new Error('Cannot find module x\nstack') },
  }
  it('is null when every export is there', () => {
    expect(missing(mods, [['@amigo-ai/webhooks', 'parseWebhookEvent']])).toBeNull()
  })
  it('names the export a package lacks', () => {
    expect(missing(mods, [['@amigo-ai/webhooks', 'signWebhookPayload']])).toBe(
      'missing: @amigo-ai/webhooks export signWebhookPayload',
    )
  })
  it('names a package that does not import or was not packed', () => {
    expect(missing(mods, [['@amigo-ai/platform-sdk', 'AmigoClient']])).toBe(
      '@amigo-ai/platform-sdk does not import: Cannot find module x',
    )
    expect(missing(mods, [['@amigo-ai/realtime', 'x']])).toBe('@amigo-ai/realtime was not packed')
  })
})

describe('the local platform of a runtime check', () => {
  it('warms up until ready, then emits the events in order, and forwards other paths', async () => {
    const upstream = createServer((req, res) => res.end(`upstream ${req.method} ${req.url}`))
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
    const emitted: [string, unknown][] = []
    const fakeMock = {
      async startMockPlatform() {
        const address = upstream.address() as { port: number }
        return {
          url: `http://127.0.0.1:${address.port}`,
          apiKey: 'key',
          workspaceId: 'ws',
          emit: (type: string, data: unknown) => emitted.push([type, data]),
          close: async () => {},
        }
      },
    }
    const platform = await startPlatform(fakeMock, { '/page': ['text/html', '<p>page</p>'] })
    try {
      const post = async (path: string) => (await fetch(platform.origin + path, { method: 'POST' })).json()
      await post('/control/begin')
      await waitFor(() => emitted.length > 0, 3000, 'a warm-up event')
      expect(emitted[0]![0]).toBe(WARMUP_TYPE)
      const { sent } = await post('/control/ready')
      expect(sent).toEqual(EVENTS.map(([type]) => type))
      const warmups = emitted.length - EVENTS.length
      expect(emitted.slice(warmups)).toEqual(EVENTS)
      await new Promise((r) => setTimeout(r, 150))
      expect(emitted.length - EVENTS.length).toBe(warmups)
      expect(await (await fetch(`${platform.origin}/page`)).text()).toBe('<p>page</p>')
      expect(await (await fetch(`${platform.origin}/v1/ws/agents?limit=1`)).text()).toBe(
        'upstream GET /v1/ws/agents?limit=1',
      )
      expect(platform.env).toMatchObject({ AMIGO_API_KEY: 'key', AMIGO_WORKSPACE_ID: 'ws' })
    } finally {
      await platform.close()
      upstream.close()
    }
  })
})

describe('the control routes', () => {
  it('answer 500 with the reason when the mock cannot emit, and the server keeps serving', async () => {
    const fakeMock = {
      async startMockPlatform() {
        return {
          url: 'http://127.0.0.1:9',
          apiKey: 'key',
          workspaceId: 'ws',
          emit: () => {
            throw new Error('emit is not implemented')
          },
          close: async () => {},
        }
      },
    }
    const platform = await startPlatform(fakeMock, { '/page': ['text/html', 'ok'] })
    try {
      const res = await fetch(`${platform.origin}/control/ready`, { method: 'POST' })
      expect(res.status).toBe(500)
      expect(await res.json()).toEqual({ error: 'emit is not implemented' })
      expect(await (await fetch(`${platform.origin}/page`)).text()).toBe('ok')
    } finally {
      await platform.close()
    }
  })
})

describe('the Node 22/24 unit suites', () => {
  const sdk = new URL('../../packages/platform-sdk/', import.meta.url)
  /** The `exclude` of a package's vitest config with AMIGO_VERSION_SUITE as given. */
  async function excluded(suite: string | undefined, load: () => Promise<{ test?: { exclude?: string[] } }>) {
    const saved = process.env.AMIGO_VERSION_SUITE
    if (suite === undefined) delete process.env.AMIGO_VERSION_SUITE
    else process.env.AMIGO_VERSION_SUITE = suite
    try {
      return (await load()).test?.exclude ?? []
    } finally {
      if (saved === undefined) delete process.env.AMIGO_VERSION_SUITE
      else process.env.AMIGO_VERSION_SUITE = saved
    }
  }
  const withFile = async () =>
    packageTestConfig(new URL('package.json', sdk), { versionIndependent: ['test/x.test.ts'] })

  it('leave out the version-independent files, and only they do', async () => {
    expect(await excluded('1', withFile)).toContain('test/x.test.ts')
    expect(await excluded(undefined, withFile)).not.toContain('test/x.test.ts')
    const defaults = await excluded(undefined, withFile)
    expect(await excluded('1', withFile)).toEqual([...defaults, 'test/x.test.ts'])
  })

  it("the umbrella's version-independent files exist, so leaving them out leaves out something", async () => {
    // Afresh each time: the config is made when its module is evaluated.
    const config = async () => {
      vi.resetModules()
      return (await import('../../packages/platform-sdk/vitest.config')).default
    }
    const always = await excluded(undefined, config)
    const added = (await excluded('1', config)).filter((f) => !always.includes(f))
    expect(added).toEqual(['test/readme-examples.test.ts', 'test/api-md.test.ts'])
    for (const file of added) expect(existsSync(new URL(file, sdk)), file).toBe(true)
  })
})
