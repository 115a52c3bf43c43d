// The temporary app every runtime check uses: the public packages packed with `pnpm pack` and
// npm-installed from the tarballs (no workspace links), plus a probe of what they export so a
// check can say precisely which piece is missing.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { installApp, packAll, publicPackages } from '../lib/pack.mjs'

/** Packs and installs the tarballs into a new temp folder; returns `{ work, app, tarballs }`. */
export function createApp() {
  const work = mkdtempSync(join(tmpdir(), 'amigo-runtimes-'))
  const app = join(work, 'app')
  const tarballs = packAll(publicPackages(), join(work, 'packs'))
  installApp(app, tarballs)
  return { work, app, tarballs }
}

/** The ESM entry files of an installed package by specifier (`name`, `name/sub`), from its exports map. */
function esmEntries(app, name) {
  const dir = join(app, 'node_modules', name)
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  const subpaths = pkg.exports && !pkg.exports.import ? Object.entries(pkg.exports) : [['.', pkg.exports]]
  const out = {}
  for (const [sub, target] of subpaths) {
    if (sub === './package.json') continue
    const file = target?.import?.default ?? target?.import ?? target?.default ?? pkg.module ?? pkg.main
    out[sub === '.' ? name : `${name}/${sub.slice(2)}`] = pathToFileURL(
      join(dir, typeof file === 'string' ? file : 'index.js'),
    ).href
  }
  return out
}

/**
 * Imports every installed @amigo-ai package and subpath entry (ESM); returns `{ [specifier]: module }`
 * (failed imports: `{ __importError }`).
 */
export async function loadPackages(app, tarballs) {
  const mods = {}
  for (const name of Object.keys(tarballs)) {
    let entries
    try {
      entries = esmEntries(app, name)
    } catch (err) {
      mods[name] = { __importError: err }
      continue
    }
    for (const [specifier, url] of Object.entries(entries)) {
      try {
        mods[specifier] = await import(url)
      } catch (err) {
        mods[specifier] = { __importError: err }
      }
    }
  }
  return mods
}

/**
 * What a check needs, as `[package, export]` pairs (export 'client.events' means an AmigoClient
 * instance with `events.subscribeToWorkspace`). Returns null when all are there, else why the check
 * fails: a package not packed, not importable, or without an export the check uses.
 */
export function missing(mods, needs) {
  const absent = []
  for (const [name, what] of needs) {
    const mod = mods[name]
    if (!mod) return `${name} was not packed`
    if (mod.__importError) return `${name} does not import: ${mod.__importError.message.split('\n')[0]}`
    if (what === 'client.events') {
      let ok = false
      try {
        const c = new mod.AmigoClient({
          apiKey: 'probe',
          workspaceId: 'probe',
          baseUrl: 'http://127.0.0.1:9',
        })
        ok = typeof c.events?.subscribeToWorkspace === 'function'
      } catch {}
      if (!ok) absent.push(`${name} AmigoClient#events.subscribeToWorkspace`)
    } else if (mod[what] === undefined) absent.push(`${name} export ${what}`)
  }
  return absent.length ? `missing: ${absent.join(', ')}` : null
}
