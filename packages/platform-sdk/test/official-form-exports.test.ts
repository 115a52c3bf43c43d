// The main entry exports each resource class through src/resources/official-form.js, whose pure
// `withOfficialForm` calls install the openapi-fetch adapter: every class is listed there and is the
// lite entry's class itself; a bundle of an app that imports a class from the main entry can build it
// from an openapi-fetch client, and a bundle of an app that only uses `AmigoClient` carries no adapter
// and refuses the form with a ConfigurationError saying where it is available.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as main from '../src/index'
import * as lite from '../src/lite'

const pkgDir = join(import.meta.dirname, '..')
// A marker of the adapter's code (its refusal of a client lacking the method).
const ADAPTER = 'pass an openapi-fetch client'

const liteExports = new Map<string, unknown>(Object.entries(lite))
const mainExports = new Map<string, unknown>(Object.entries(main))
/** Names of the lite entry's exports that are APIResource or a subclass of it. */
const resourceClasses = [...liteExports]
  .filter(
    ([, v]) => v === lite.APIResource || (typeof v === 'function' && v.prototype instanceof lite.APIResource),
  )
  .map(([name]) => name)
  .sort()

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'amigo-official-form-'))
  mkdirSync(join(dir, 'node_modules', '@amigo-ai'), { recursive: true })
  symlinkSync(pkgDir, join(dir, 'node_modules', '@amigo-ai', 'platform-sdk'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Bundles `app` (an ES module exporting `run`) from the built package; returns its code and `run`. */
async function bundled(name: string, app: string) {
  const out = await build({
    stdin: { contents: app, resolveDir: dir, loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    minify: true,
    logLevel: 'silent',
    tsconfigRaw: '{}',
  })
  const code = out.outputFiles[0]?.text ?? ''
  const file = join(dir, `${name}.mjs`)
  writeFileSync(file, code)
  const mod = (await import(pathToFileURL(file).href)) as { run: () => Promise<unknown> }
  return { code, run: mod.run }
}

// A stand-in for an openapi-fetch client: answers every GET with one page of one agent.
const FAKE_CLIENT = `{
  GET: async () => ({ data: { items: [{ id: 'a1' }], has_more: false }, response: new Response('{}') }),
}`

describe('the official form of the main entry', () => {
  it('lists every resource class, each the lite entry class itself', () => {
    const source = readFileSync(join(pkgDir, 'src', 'resources', 'official-form.js'), 'utf8')
    const wrapped = [
      ...source.matchAll(
        /^export const (\w+) = \/\* @__PURE__ \*\/ withOfficialForm\(\s*classes\.(\w+),?\s*\)$/gm,
      ),
    ]
    expect(wrapped.every((m) => m[1] === m[2])).toBe(true)
    expect(wrapped.map((m) => m[1]).sort()).toEqual(resourceClasses)
    expect(resourceClasses.length).toBeGreaterThan(80)
    for (const name of resourceClasses) expect(mainExports.get(name), name).toBe(liteExports.get(name))
  })

  it('a bundle importing a class from the main entry builds it from an openapi-fetch client', async () => {
    const { code, run } = await bundled(
      'class-app',
      `import { AgentsResource } from '@amigo-ai/platform-sdk'
export const run = () => new AgentsResource(${FAKE_CLIENT}, 'ws').list()`,
    )
    expect(code).toContain(ADAPTER)
    expect(await run()).toMatchObject({ items: [{ id: 'a1' }] })
  })

  it('a bundle using only AmigoClient carries no adapter, and refuses the form naming where it is', async () => {
    const { code, run } = await bundled(
      'client-app',
      `import { AmigoClient, isConfigurationError } from '@amigo-ai/platform-sdk'
export const run = async () => {
  const Agents = new AmigoClient({ apiKey: 'key', workspaceId: 'ws' }).agents.constructor
  try { new Agents(${FAKE_CLIENT}, 'ws') } catch (e) { return [isConfigurationError(e), e.message] }
}`,
    )
    expect(code).not.toContain(ADAPTER)
    expect(await run()).toEqual([
      true,
      expect.stringMatching(/needs a resource class imported from @amigo-ai\/platform-sdk/),
    ])
  })
})
