// The bundle budgets and code-split checks of scripts/check-bundles.mjs: they pass on the workspace
// build, and they do fail on an app over its budget, an app carrying ws, and an entry chunk holding
// realtime's connection code (by its file, or by its texts inside another package's file) or
// eventsource-parser.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { BUDGETS, checkBudgets, REALTIME_MARKERS } from '../check-bundles.mjs'
import { repoRoot } from './sandbox'

const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

/** A folder whose node_modules holds the given packages: `{ 'name': { 'file': text } }`. */
function app(packages: Record<string, Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'amigo-budgets-test-'))
  dirs.push(dir)
  for (const [name, files] of Object.entries(packages)) {
    for (const [file, text] of Object.entries(files)) {
      const path = join(dir, 'node_modules', name, file)
      mkdirSync(join(path, '..'), { recursive: true })
      writeFileSync(path, text)
    }
  }
  return dir
}
const pkg = (name: string, main: string) => JSON.stringify({ name, type: 'module', exports: main })

const built = ['platform-sdk', 'realtime', 'webhooks'].every((p) =>
  existsSync(join(repoRoot, 'packages', p, 'dist')),
)

describe('bundle budgets', () => {
  it('pass on the workspace build, each app within budget and free of ws', async () => {
    expect(built, 'build first: pnpm build').toBe(true)
    const dir = mkdtempSync(join(tmpdir(), 'amigo-budgets-ws-'))
    dirs.push(dir)
    mkdirSync(join(dir, 'node_modules', '@amigo-ai'), { recursive: true })
    for (const name of ['platform-sdk', 'realtime', 'webhooks'])
      symlinkSync(join(repoRoot, 'packages', name), join(dir, 'node_modules', '@amigo-ai', name))
    const results = await checkBudgets(dir)
    expect(results.filter((r: { ok: boolean }) => !r.ok)).toEqual([])
    expect(results).toHaveLength(BUDGETS.length + 3)
  })

  it('fails an app over its budget or carrying ws, naming why', async () => {
    const dir = app({
      big: {
        'package.json': pkg('big', './index.js'),
        'index.js': `export const blob = ${JSON.stringify(randomBytes(3000).toString('base64'))}`,
      },
      ws: {
        'package.json': JSON.stringify({ name: 'ws', main: 'index.js' }),
        'index.js': 'module.exports = class WebSocket {}',
      },
      socky: {
        'package.json': pkg('socky', './index.js'),
        'index.js': "import WS from 'ws'\nexport const open = () => new WS()",
      },
    })
    const [over, withWs] = await checkBudgets(
      dir,
      [
        {
          name: 'big app',
          platform: 'browser',
          app: "import { blob } from 'big'\nconsole.log(blob)",
          maxKb: 1,
        },
        { name: 'ws app', platform: 'node', app: "import { open } from 'socky'\nopen()", maxKb: 100 },
      ],
      [],
    )
    expect(over.ok).toBe(false)
    expect(over.detail).toMatch(/KB gzip \(budget 1 KB\)/)
    expect(withWs.ok).toBe(false)
    expect(withWs.detail).toContain('includes ws')
  })

  it('fails a code-split build whose entry chunk holds realtime or eventsource-parser', async () => {
    const dir = app({
      'eventsource-parser': {
        'package.json': pkg('eventsource-parser', './index.js'),
        'index.js': "export const createParser = () => console.log('parser')",
      },
      '@amigo-ai/realtime': {
        'package.json': pkg('@amigo-ai/realtime', './dist/index.js'),
        'dist/index.js':
          "import { createParser } from 'eventsource-parser'\nexport const subscribe = () => createParser(console.log('subscribe'))",
      },
    })
    const [eager, lazy] = await checkBudgets(
      dir,
      [],
      [
        {
          name: 'eager',
          platform: 'browser',
          app: "import { subscribe } from '@amigo-ai/realtime'\nsubscribe()",
        },
        {
          name: 'lazy',
          platform: 'browser',
          app: "import('@amigo-ai/realtime').then((m) => m.subscribe())",
          realtimeChunk: true,
        },
      ],
    )
    expect(eager.ok).toBe(false)
    expect(eager.detail).toMatch(/entry chunk includes \S*node_modules\/@amigo-ai\/realtime\/dist\/index\.js/)
    expect(eager.detail).toMatch(/entry chunk includes \S*node_modules\/eventsource-parser\//)
    expect(lazy.ok).toBe(true)
  })

  it("finds realtime's connection code inside another package's file by its texts", async () => {
    // Each marker is still in realtime's built connection code, so the search cannot go stale.
    const realtimeDist = readFileSync(join(repoRoot, 'packages/realtime/dist/index.js'), 'utf8')
    for (const marker of REALTIME_MARKERS) expect(realtimeDist).toContain(marker)
    const dir = app({
      umbrella: {
        'package.json': pkg('umbrella', './index.js'),
        'index.js': `export const connect = () => { throw new Error(${JSON.stringify(`${REALTIME_MARKERS[0]} here`)}) }`,
      },
    })
    const [split] = await checkBudgets(
      dir,
      [],
      [{ name: 'carried', platform: 'node', app: "import { connect } from 'umbrella'\nconnect()" }],
    )
    expect(split.ok).toBe(false)
    expect(split.detail).toContain(`entry chunk holds realtime code ("${REALTIME_MARKERS[0]}")`)
  })
})
