import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { type BuildOptions, build } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { browserNodeStubs } from '../build/browser-node-stubs'

const pkgDir = new URL('..', import.meta.url).pathname
const coreSrc = new URL('../../core/src/index.ts', import.meta.url).pathname
const nodeImport = /(?:from\s*|import\s*\(\s*|require\s*\(\s*)["'](?:node:[^"']*|ws)["']/
const isNodeLoader = (p: string) =>
  p.endsWith('src/node/load-ws.ts') || /node_modules\/(\.pnpm\/ws@|ws\/)/.test(p)

// Bundles like an app would (minified, tree-shaken) from the package sources; by default for a
// browser, with the plugin the package's own browser build uses (src/node/* → *.browser.ts).
async function bundle(contents: string, extra: BuildOptions = {}) {
  const result = await build({
    stdin: { contents, resolveDir: pkgDir, loader: 'ts', sourcefile: 'app.ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    minify: true,
    metafile: true,
    logLevel: 'silent',
    define: { __PACKAGE_VERSION__: '"0.0.0-test"' },
    alias: { '@amigo-ai/core': coreSrc },
    plugins: [browserNodeStubs()],
    ...extra,
  })
  const text = result.outputFiles![0]!.text
  return { text, inputs: Object.keys(result.metafile!.inputs), gzip: gzipSync(text).length }
}

describe('browser bundle', () => {
  // Its size is budgeted by scripts/check-bundles.mjs (the SSE app), from the built package.
  it('the SSE subscriber alone carries eventsource-parser and none of the WebSocket code', async () => {
    const { text, inputs } = await bundle(
      "import { subscribeToWorkspaceEvents } from './src/index'\n(globalThis as any).sub = subscribeToWorkspaceEvents\n",
    )
    expect(inputs.some((p) => p.includes('eventsource-parser'))).toBe(true)
    // Tree-shaken: the WebSocket half of the package is not in it.
    expect(text).not.toContain('Cannot send: the WebSocket')
  })

  it('the urls entry carries neither the connection code nor eventsource-parser', async () => {
    const { text, inputs, gzip } = await bundle(
      "import * as urls from './src/urls'\n(globalThis as any).urls = urls\n",
    )
    console.log(`@amigo-ai/realtime/urls browser bundle: ${(gzip / 1024).toFixed(2)} KB min+gzip`)
    expect(inputs.some((p) => p.includes('eventsource-parser'))).toBe(false)
    expect(inputs.some((p) => /src\/(websocket|workspace-events|sse)\//.test(p))).toBe(false)
    expect(text).toContain('/agent/text-stream')
    expect(gzip).toBeLessThan(2.25 * 1024) // six builders, with core's ConfigurationError
  })

  it('the whole package has neither ws nor any node: module in a browser build', async () => {
    const { text, inputs, gzip } = await bundle(
      "import * as rt from './src/index'\n(globalThis as any).rt = rt\n",
    )
    console.log(`whole @amigo-ai/realtime browser bundle: ${(gzip / 1024).toFixed(2)} KB min+gzip`)
    expect(inputs.filter(isNodeLoader)).toEqual([])
    expect(inputs.some((p) => p.endsWith('src/node/load-ws.browser.ts'))).toBe(true)
    expect(text).not.toMatch(nodeImport)
    expect(text).not.toContain('node:')
  })

  it('a Node build of the same sources does use the ws loader (so the check above can fail)', async () => {
    const { inputs, text } = await bundle("export * from './src/index'", { platform: 'node', plugins: [] })
    expect(inputs.some((p) => p.endsWith('src/node/load-ws.ts'))).toBe(true)
    expect(text).toContain('optional "ws" package could not be loaded')
  })

  it('the plugin strips the loader for worker (neutral platform) targets too', async () => {
    const { inputs, text } = await bundle("export * from './src/index'", {
      platform: 'neutral',
      mainFields: ['module', 'main'],
    })
    expect(inputs.filter(isNodeLoader)).toEqual([])
    expect(text).not.toMatch(nodeImport)
  })

  it('an installed (built) package resolves to dist/browser.js for browser and worker bundlers', async () => {
    expect(
      existsSync(new URL('../dist/browser.js', import.meta.url)),
      'build first: pnpm --filter @amigo-ai/realtime build',
    ).toBe(true)
    const app = mkdtempSync(join(tmpdir(), 'realtime-bundle-'))
    try {
      mkdirSync(join(app, 'node_modules', '@amigo-ai'), { recursive: true })
      symlinkSync(pkgDir, join(app, 'node_modules', '@amigo-ai', 'realtime'))
      for (const target of [
        { platform: 'browser' as const },
        {
          platform: 'neutral' as const,
          conditions: ['worker', 'browser'],
          mainFields: ['browser', 'module', 'main'],
        },
      ]) {
        const result = await build({
          stdin: { contents: "export * from '@amigo-ai/realtime'", resolveDir: app, loader: 'js' },
          bundle: true,
          write: false,
          format: 'esm',
          metafile: true,
          logLevel: 'silent',
          external: ['@amigo-ai/core', 'eventsource-parser'],
          ...target,
        })
        const inputs = Object.keys(result.metafile.inputs)
        expect(inputs.some((p) => p.endsWith('dist/browser.js'))).toBe(true)
        expect(inputs.filter(isNodeLoader)).toEqual([])
        expect(result.outputFiles[0]!.text).not.toMatch(nodeImport)
      }
    } finally {
      rmSync(app, { recursive: true, force: true })
    }
  })
})
