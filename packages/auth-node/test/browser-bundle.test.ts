import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type BuildOptions, build } from 'esbuild'
import { describe, expect, it } from 'vitest'

// The browser/edge entry must bundle for `platform: 'browser'` with no Node built-in left in it,
// and still work: universal functions run, Node-only ones throw a clear error when called.
const pkgDir = new URL('..', import.meta.url).pathname
const coreSrc = new URL('../../core/src/index.ts', import.meta.url).pathname
const builtins = builtinModules.filter((m) => !m.startsWith('_'))
const nodeImport = new RegExp(
  `(?:require|import)\\s*\\(\\s*["'](node:[^"']+|${builtins.join('|')})["']\\s*\\)|from\\s*["'](node:[^"']+|${builtins.join('|')})["']`,
)

async function bundle(entry: string, extra: BuildOptions = {}) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    metafile: true,
    logLevel: 'silent',
    alias: { '@amigo-ai/core': coreSrc },
    define: { __PACKAGE_VERSION__: '"0.0.0-test"' },
    ...extra,
  })
  return { text: result.outputFiles?.[0]?.text ?? '', inputs: Object.keys(result.metafile?.inputs ?? {}) }
}

describe('browser entry', () => {
  it('bundles for the browser with no node: import and no Node-only source file', async () => {
    const { text, inputs } = await bundle(join(pkgDir, 'src/browser.ts'))
    expect(text.length).toBeGreaterThan(1000)
    expect(text).not.toMatch(nodeImport)
    expect(text).not.toContain('node:')
    expect(inputs.filter((p) => p.includes('src/node/'))).toEqual([])
    expect(inputs.some((p) => p.includes('/open/'))).toBe(false)
  })

  it('the Node entry, by contrast, does import Node modules (the check above can fail)', async () => {
    const { text } = await bundle(join(pkgDir, 'src/index.ts'), { external: ['node:*'] })
    expect(text).toMatch(nodeImport)
  })

  it('the Node entry bundles without resolving `open`, the optional peer loaded at run time', async () => {
    // `open` is installed in this workspace, so a literal import would put it in the bundle; an app
    // that does not install it would fail to build.
    const { text, inputs } = await bundle(join(pkgDir, 'src/index.ts'), { platform: 'node', external: [] })
    expect(inputs.filter((p) => p.includes('node_modules'))).toEqual([])
    expect(text).not.toMatch(/import\(\s*["']open["']\s*\)/)
  })

  it('the bundled browser build works, and Node-only exports throw only when called', async () => {
    const { text } = await bundle(join(pkgDir, 'src/browser.ts'))
    const dir = mkdtempSync(join(tmpdir(), 'amigo-browser-bundle-'))
    try {
      const file = join(dir, 'bundle.mjs')
      writeFileSync(file, text)
      const m = await import(pathToFileURL(file).href)
      expect(
        m.formatDeviceCodeInstructions({ user_code: 'AB-CD', verification_uri: 'https://x/device' }),
      ).toContain('AB-CD')
      const storage = new m.MemoryTokenStorage()
      const tokens = new m.TokenManager({ storage })
      await tokens.store({
        accessToken: 'tok',
        refreshToken: '',
        expiresAt: Math.floor(Date.now() / 1000) + 3600,
        workspaceId: 'w',
      })
      expect(await tokens.getAccessToken()).toEqual({ token: 'tok', workspaceId: 'w' })
      expect(typeof m.loginWithDeviceCode).toBe('function')
      expect(m.formatWorkspaceList([{ workspace_id: 'w-1' }])).toContain('1. w-1')

      // There is no file system here: a TokenManager needs a storage, and says so.
      const noStorage = (() => {
        try {
          new m.TokenManager()
        } catch (e) {
          return e as Error
        }
      })()
      expect(m.isNodeOnlyError(noStorage)).toBe(true)
      expect(noStorage?.message).toMatch(/pass storage: new MemoryTokenStorage\(\)/)

      const ctor = (() => {
        try {
          new m.FileTokenStorage()
        } catch (e) {
          return e as Error
        }
      })()
      expect(m.isNodeOnlyError(ctor)).toBe(true)
      expect(ctor?.message).toMatch(/FileTokenStorage needs Node\.js/)
      const opened = await m.openBrowser('https://x').catch((e: unknown) => e)
      expect(m.isNodeOnlyError(opened)).toBe(true)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('package.json routes browser, worker and edge conditions to the browser build', () => {
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'))
    const root = pkg.exports['.']
    for (const condition of ['browser', 'worker', 'edge-light', 'workerd']) {
      expect(root[condition]?.import?.default, condition).toBe('./dist/browser.js')
      expect(root[condition]?.require?.default, condition).toBe('./dist/browser.cjs')
    }
    expect(Object.keys(root).slice(-2)).toEqual(['import', 'require'])
    expect(readFileSync(join(pkgDir, 'tsup.config.ts'), 'utf8')).toMatch(/browser: 'src\/browser\.ts'/)
  })

  // Through the real package name and exports map: needs the built dist (`pnpm build` first).
  it('bundles the built package by name for the browser', async () => {
    expect(
      existsSync(join(pkgDir, 'dist/browser.js')),
      'build first: pnpm --filter @amigo-ai/auth-node build',
    ).toBe(true)
    const dir = mkdtempSync(join(tmpdir(), 'amigo-browser-pkg-'))
    try {
      mkdirSync(join(dir, 'node_modules', '@amigo-ai'), { recursive: true })
      symlinkSync(pkgDir, join(dir, 'node_modules', '@amigo-ai', 'auth-node'))
      const entry = join(dir, 'entry.js')
      writeFileSync(entry, "import * as auth from '@amigo-ai/auth-node'\nglobalThis.__auth = auth\n")
      // As a user's bundler would: package exports and dist, no workspace tsconfig paths.
      const { text, inputs } = await bundle(entry, { alias: {}, absWorkingDir: dir, tsconfigRaw: {} })
      expect(inputs.some((p) => p.endsWith('auth-node/dist/browser.js'))).toBe(true)
      expect(text).not.toMatch(nodeImport)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
