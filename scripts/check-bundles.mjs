// Two checks of what apps bundle, from the BUILT packages resolved through node_modules and package
// exports as a user's bundler resolves them (never the workspace's tsconfig paths):
// - checkBundles: the umbrella @amigo-ai/platform-sdk bundled whole by esbuild for a browser and for a
//   Worker contains no Node built-in (node:* or bare fs/path/...) and no `ws`;
// - checkBudgets: small apps (see BUDGETS) stay within their gzip -9 budgets with no `ws` in them, and
//   code-split builds keep realtime out of the entry chunk (see SPLITS).
// By default it bundles the workspace's built dist (run after `build`); `--from <dir>` bundles from an
// app that installed the packed tarballs (scripts/runtimes/).
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import ts from 'typescript'

const root = new URL('..', import.meta.url).pathname

/** The esbuild targets the umbrella must bundle for. */
export const targets = {
  browser: { platform: 'browser' },
  worker: {
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['browser', 'module', 'main'],
  },
}

const builtins = builtinModules.filter((m) => !m.startsWith('_')).map((m) => m.replace(/\//g, '\\/'))
const forbidden = new RegExp(
  `(?:require|import)\\s*\\(\\s*["'](node:[^"']+|ws|${builtins.join('|')})["']\\s*\\)|from\\s*["'](node:[^"']+|ws|${builtins.join('|')})["']`,
)

/**
 * How many `import(x)` calls of `code` take a computed name rather than a literal: workerd refuses
 * to load any script holding one, and no bundler can see what it loads.
 */
export function computedImports(code) {
  let count = 0
  const visit = (node) => {
    if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      !(node.arguments[0] && ts.isStringLiteralLike(node.arguments[0]))
    )
      count++
    ts.forEachChild(node, visit)
  }
  visit(ts.createSourceFile('bundle.js', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS))
  return count
}

/** Bundles `entry` (an import statement) from `resolveDir` for one target; returns a description or throws. */
export async function bundleFor(name, resolveDir, contents) {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'js', sourcefile: `${name}-entry.js` },
    bundle: true,
    write: false,
    format: 'esm',
    minify: true,
    metafile: true,
    logLevel: 'silent',
    // Resolve like a user's bundler: through package.json exports, never the workspace's
    // tsconfig paths (they point @amigo-ai/* at src/, which would bypass the export conditions).
    tsconfigRaw: '{}',
    ...targets[name],
  }).catch((err) => {
    const msgs = (err.errors ?? []).map((e) => `${e.text}${e.location ? ` (${e.location.file})` : ''}`)
    throw new Error(`esbuild failed for ${name}:\n  ${msgs.join('\n  ') || err.message}`)
  })
  const text = result.outputFiles[0].text
  const inputs = Object.keys(result.metafile.inputs)
  const wsInput = inputs.find((p) => /(^|\/)node_modules\/ws\//.test(p))
  if (wsInput) throw new Error(`${name} bundle includes ws (${wsInput})`)
  const hit = text.match(forbidden)
  if (hit) throw new Error(`${name} bundle still imports ${hit[1] ?? hit[2]}`)
  const computed = computedImports(text)
  if (computed) throw new Error(`${name} bundle holds ${computed} dynamic import(s) of a computed name`)
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`
  return `${kb(text.length)} min, ${kb(gzipSync(text).length)} gzip, ${inputs.length} inputs`
}

/** Checks the umbrella for every target from `resolveDir`; returns `[{ name, ok, detail }]`. */
export async function checkBundles(resolveDir) {
  const out = []
  for (const name of Object.keys(targets)) {
    try {
      const detail = await bundleFor(
        name,
        resolveDir,
        "import * as sdk from '@amigo-ai/platform-sdk'\nglobalThis.__amigo = sdk\n",
      )
      out.push({ name, ok: true, detail })
    } catch (err) {
      out.push({ name, ok: false, detail: err.message })
    }
  }
  return out
}

export const CLIENT_APP = `import { AmigoClient } from '@amigo-ai/platform-sdk'
const client = new AmigoClient({ apiKey: 'key', workspaceId: 'ws' })
const page = await client.agents.list({ limit: 10 })
console.log(page.items.length)`
export const LITE_APP = `import { AgentsResource, createAmigo } from '@amigo-ai/platform-sdk/lite'
const agents = new AgentsResource(createAmigo({ apiKey: 'key', workspaceId: 'ws' }))
const page = await agents.list({ limit: 10 })
console.log(page.items.length)`
const CLIENT_REALTIME_APP = `import { AmigoClient } from '@amigo-ai/platform-sdk'
const client = new AmigoClient({ apiKey: 'key', workspaceId: 'ws', realtime: () => import('@amigo-ai/realtime') })
client.events.subscribeToWorkspace({ onEvent: (event) => console.log(event.event_type) })`
export const SSE_APP = `import { subscribeToWorkspaceEvents } from '@amigo-ai/realtime'
subscribeToWorkspaceEvents({ workspaceId: 'ws', token: 't', onEvent: (e) => console.log(e.event_type) })`

/**
 * Gzip (-9) budgets of small apps, in KB; none may contain `ws`. `targetKb`, where it differs, is the
 * size goal (18 KB, under the official SDK 0.46's 18.8 KB for the same app; 8 KB for `lite`);
 * `maxKb` is what the packages reach with a little room, so that growth fails here while the goal
 * stays printed (and in bench/results) until it is met. The AmigoClient app passed the official
 * SDK's 18.8 KB (by about 1.5%) with the input checks of the security review of 2026-12-07 (hangs,
 * an endless auto-pager, a leaked key, bodies sent as `{}` or with `null` for NaN): winning that
 * back is open work.
 */
export const BUDGETS = [
  {
    name: 'AmigoClient agents.list app (node)',
    platform: 'node',
    app: CLIENT_APP,
    maxKb: 19.1,
    targetKb: 18,
  },
  {
    name: 'AmigoClient agents.list app (browser)',
    platform: 'browser',
    app: CLIENT_APP,
    maxKb: 19.1,
    targetKb: 18,
  },
  { name: 'lite agents.list app (node)', platform: 'node', app: LITE_APP, maxKb: 9.74, targetKb: 8 },
  { name: 'lite agents.list app (browser)', platform: 'browser', app: LITE_APP, maxKb: 9.74, targetKb: 8 },
  {
    name: '@amigo-ai/webhooks whole entry',
    platform: 'browser',
    app: "export * from '@amigo-ai/webhooks'",
    maxKb: 2.02,
  },
  { name: 'realtime SSE app (subscribeToWorkspaceEvents)', platform: 'browser', app: SSE_APP, maxKb: 6.16 },
]

const REALTIME_MAIN = /(^|\/)realtime\/dist\/(index|browser)\.(c?js)$/
const EVENTSOURCE_PARSER = /(^|\/)node_modules\/eventsource-parser\//
/**
 * Texts found only in realtime's connection code (its WebSocket loader, its callback guard). The
 * umbrella's Node build carries that code inside its own files (packages/platform-sdk/tsup.config.ts),
 * where no input path names realtime, so an entry chunk is searched for these too.
 */
export const REALTIME_MARKERS = ['has no global WebSocket', '@amigo-ai/realtime: ']

/**
 * Code-split builds (esbuild `splitting`, ESM, as Vite, Next and webpack apps ship): the entry chunk
 * never holds realtime's connection code or eventsource-parser; an app that uses realtime through the
 * `realtime` option gets them in a chunk of its own.
 */
export const SPLITS = [
  { name: 'AmigoClient agents.list app, code-split (browser)', platform: 'browser', app: CLIENT_APP },
  { name: 'AmigoClient agents.list app, code-split (node)', platform: 'node', app: CLIENT_APP },
  {
    name: 'AmigoClient app using events, code-split (browser)',
    platform: 'browser',
    app: CLIENT_REALTIME_APP,
    realtimeChunk: true,
  },
]

const kb = (n) => `${(n / 1024).toFixed(2)} KB`
const wsIn = (inputs) => inputs.find((p) => /(^|\/)node_modules\/ws\//.test(p))

async function buildApp(resolveDir, contents, platform, extra = {}) {
  return build({
    stdin: { contents, resolveDir, loader: 'js', sourcefile: 'app.js' },
    bundle: true,
    write: false,
    format: 'esm',
    minify: true,
    metafile: true,
    logLevel: 'silent',
    platform,
    outdir: join(resolveDir, '.budget-out'),
    tsconfigRaw: '{}',
    ...extra,
  })
}

/** One budget: bundles the app single-file; ok when within `maxKb` gzipped and free of `ws`. */
async function checkBudget(resolveDir, { name, platform, app, maxKb, targetKb }) {
  const result = await buildApp(resolveDir, app, platform)
  const gz = gzipSync(result.outputFiles[0].contents, { level: 9 }).length
  const ws = wsIn(Object.keys(result.metafile.inputs))
  const ok = !ws && gz <= maxKb * 1024
  const goal =
    targetKb === undefined ? '' : `, goal ${targetKb} KB ${gz <= targetKb * 1024 ? 'met' : 'not met yet'}`
  const detail = `${kb(gz)} gzip (budget ${maxKb} KB${goal})${ws ? `; includes ws (${ws})` : ''}`
  return { name, ok, detail, bytes: gz, maxKb }
}

/** One code-split build: the entry chunk must hold no realtime connection code nor eventsource-parser. */
async function checkSplit(resolveDir, { name, platform, app, realtimeChunk }) {
  const result = await buildApp(resolveDir, app, platform, { splitting: true })
  const [entryPath, entry] = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint)
  const others = Object.values(result.metafile.outputs).filter((o) => o !== entry)
  const problems = []
  const entryInputs = Object.keys(entry.inputs)
  for (const p of entryInputs.filter((p) => REALTIME_MAIN.test(p) || EVENTSOURCE_PARSER.test(p)))
    problems.push(`entry chunk includes ${p}`)
  // The metafile's paths are relative to the working directory; the output files' are absolute.
  const entryText = result.outputFiles.find((f) => f.path === resolve(entryPath)).text
  for (const marker of REALTIME_MARKERS.filter((m) => entryText.includes(m)))
    problems.push(`entry chunk holds realtime code ("${marker}")`)
  const ws = wsIn(Object.keys(result.metafile.inputs))
  if (ws) problems.push(`includes ws (${ws})`)
  if (realtimeChunk && !others.some((o) => Object.keys(o.inputs).some((p) => REALTIME_MAIN.test(p))))
    problems.push('realtime is in no other chunk')
  const detail = `entry chunk ${kb(entry.bytes)} min, ${others.length} other chunk(s)${problems.length ? `; ${problems.join('; ')}` : ''}`
  return { name, ok: problems.length === 0, detail }
}

/** Every budget and code-split check from `resolveDir`; returns `[{ name, ok, detail }]`. */
export async function checkBudgets(resolveDir, budgets = BUDGETS, splits = SPLITS) {
  const out = []
  for (const budget of budgets) out.push(await settle(budget.name, () => checkBudget(resolveDir, budget)))
  for (const split of splits) out.push(await settle(split.name, () => checkSplit(resolveDir, split)))
  return out
}

async function settle(name, run) {
  try {
    return await run()
  } catch (err) {
    const msgs = (err.errors ?? []).map((e) => `${e.text}${e.location ? ` (${e.location.file})` : ''}`)
    return { name, ok: false, detail: `esbuild failed: ${msgs.join('; ') || err.message}` }
  }
}

/** A throwaway folder whose node_modules links to the workspace's packages (resolved to their dist). */
function workspaceResolveDir() {
  const dir = mkdtempSync(join(tmpdir(), 'amigo-bundles-'))
  mkdirSync(join(dir, 'node_modules', '@amigo-ai'), { recursive: true })
  for (const name of ['platform-sdk', 'realtime', 'webhooks'])
    symlinkSync(join(root, 'packages', name), join(dir, 'node_modules', '@amigo-ai', name))
  return dir
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const fromAt = process.argv.indexOf('--from')
  const dir = fromAt > 0 ? process.argv[fromAt + 1] : workspaceResolveDir()
  try {
    const results = await checkBundles(dir)
    for (const r of results) console.log(`${r.ok ? '✓' : '✗'} platform-sdk bundle for ${r.name}: ${r.detail}`)
    const budgets = await checkBudgets(dir)
    for (const r of budgets) console.log(`${r.ok ? '✓' : '✗'} ${r.name}: ${r.detail}`)
    process.exitCode = [...results, ...budgets].every((r) => r.ok) ? 0 : 1
  } finally {
    if (fromAt < 0) rmSync(dir, { recursive: true, force: true })
  }
}
