// The umbrella @amigo-ai/platform-sdk bundled by esbuild for a browser and for a Worker must
// contain no Node built-in (node:* or bare fs/path/...) and no `ws`: those users get the web
// standards build only. By default it bundles the workspace's built dist (run after `build`);
// `--from <dir>` bundles from an app that installed the packed tarballs (scripts/runtimes/).
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

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

/** A throwaway folder whose node_modules links to the workspace's packages (resolved to their dist). */
function workspaceResolveDir() {
  const dir = mkdtempSync(join(tmpdir(), 'amigo-bundles-'))
  mkdirSync(join(dir, 'node_modules', '@amigo-ai'), { recursive: true })
  symlinkSync(join(root, 'packages', 'platform-sdk'), join(dir, 'node_modules', '@amigo-ai', 'platform-sdk'))
  return dir
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const fromAt = process.argv.indexOf('--from')
  const dir = fromAt > 0 ? process.argv[fromAt + 1] : workspaceResolveDir()
  try {
    const results = await checkBundles(dir)
    for (const r of results) console.log(`${r.ok ? '✓' : '✗'} platform-sdk bundle for ${r.name}: ${r.detail}`)
    process.exitCode = results.every((r) => r.ok) ? 0 : 1
  } finally {
    if (fromAt < 0) rmSync(dir, { recursive: true, force: true })
  }
}
