#!/usr/bin/env node
// `pnpm openapi:sync [--from URL|FILE] [--timeout MS] [--no-overlay] [--keep-prose]`
// Downloads (or reads) an OpenAPI document, validates it with @readme/openapi-parser, keeps it without
// its prose as the upstream snapshot (spec/upstream/openapi-facts.json), replaces its prose with our
// own summaries, re-applies our README overlay where the document lacks it, normalises it (sorted
// keys, 2-space indent), then writes the snapshot, openapi.json and the generated types together and
// prints what changed.
// Any failure → one-line error, exit 1, and no file touched (everything is prepared in memory and
// in temp files first; the renames happen only at the end).
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { diffSpecs, formatDiff } from './spec/diff.mjs'
import { canonicalJson, listOperations } from './spec/json.mjs'
import { applyOverlay, SPEC_DESCRIPTION, SPEC_TITLE, SUMMARIES } from './spec/overlay.mjs'
import { SPEC, UPSTREAM_SNAPSHOT } from './spec/paths.mjs'
import { stripProse } from './spec/prose.mjs'
import { summarise } from './spec/summaries.mjs'
import { validateOpenApi } from './spec/validate.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const DEFAULT_URL = 'https://api.platform.amigo.ai/openapi.json'
const DEFAULT_TIMEOUT_MS = 30_000

class SyncError extends Error {}

function parseArgs(argv) {
  const opts = { from: DEFAULT_URL, timeoutMs: DEFAULT_TIMEOUT_MS, overlay: true, keepProse: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = () => {
      const v = argv[++i]
      if (v === undefined) throw new SyncError(`${a} needs a value`)
      return v
    }
    if (a === '--from') opts.from = value()
    else if (a.startsWith('--from=')) opts.from = a.slice(7)
    else if (a === '--timeout') opts.timeoutMs = Number(value())
    else if (a.startsWith('--timeout=')) opts.timeoutMs = Number(a.slice(10))
    else if (a === '--no-overlay') opts.overlay = false
    else if (a === '--keep-prose') opts.keepProse = true
    else
      throw new SyncError(
        `unknown argument ${a} (usage: openapi:sync [--from URL|FILE] [--timeout MS] [--no-overlay] [--keep-prose])`,
      )
  }
  if (!Number.isFinite(opts.timeoutMs) || opts.timeoutMs <= 0)
    throw new SyncError('--timeout must be a positive number of milliseconds')
  return opts
}

// Only scheme, host and path are shown; a query string could carry a token.
const safeUrl = (u) => `${u.protocol}//${u.host}${u.pathname}`

async function fetchText(from, timeoutMs) {
  const url = new URL(from)
  let res
  try {
    res = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'application/json' },
    })
  } catch (err) {
    if (err?.name === 'TimeoutError' || err?.name === 'AbortError') {
      throw new SyncError(`timed out after ${timeoutMs} ms fetching ${safeUrl(url)}`)
    }
    const cause = err?.cause?.code ?? err?.cause?.message ?? err?.message
    throw new SyncError(`network error fetching ${safeUrl(url)}: ${cause}`)
  }
  try {
    if (!res.ok) throw new SyncError(`HTTP ${res.status} fetching ${safeUrl(url)}`)
    return await res.text()
  } catch (err) {
    if (err instanceof SyncError) throw err
    if (err?.name === 'TimeoutError' || err?.name === 'AbortError') {
      throw new SyncError(`timed out after ${timeoutMs} ms reading ${safeUrl(url)}`)
    }
    throw new SyncError(`network error reading ${safeUrl(url)}: ${err?.message}`)
  }
}

async function load(from, timeoutMs) {
  if (/^https?:\/\//i.test(from)) return fetchText(from, timeoutMs)
  const path = resolve(from.startsWith('file://') ? fileURLToPath(from) : from)
  try {
    return readFileSync(path, 'utf8')
  } catch (err) {
    throw new SyncError(`cannot read ${path}: ${err.code ?? err.message}`)
  }
}

/** The input parsed as a valid OpenAPI 3.x document, or a SyncError saying why it is not one. */
async function readSpec(opts) {
  const text = await load(opts.from, opts.timeoutMs)
  let spec
  try {
    spec = JSON.parse(text)
  } catch (err) {
    throw new SyncError(`input is not JSON: ${err.message}`)
  }
  const problems = await validateOpenApi(spec)
  if (problems.length) {
    const more = problems.length > 1 ? ` (+${problems.length - 1} more)` : ''
    throw new SyncError(`input is not a valid OpenAPI 3.x document: ${problems[0]}${more}`)
  }
  return spec
}

/**
 * Turns the upstream document into ours, in place: upstream prose replaced by ours (unless
 * `keepProse`), the README overlay applied (its skipped steps pushed to `warnings`), every
 * operation given a summary.
 */
async function makeOurs(spec, opts, warnings) {
  if (!opts.keepProse) {
    stripProse(spec)
    spec.info = { ...spec.info, title: SPEC_TITLE, description: SPEC_DESCRIPTION }
  }
  const beforeOverlay = opts.overlay ? canonicalJson(spec) : ''
  if (opts.overlay) applyOverlay(spec, { fill: true, warnings })
  // re-validate only when the overlay added something (its additions reference upstream schemas)
  if (opts.overlay && canonicalJson(spec) !== beforeOverlay) {
    const again = await validateOpenApi(spec)
    if (again.length) throw new SyncError(`spec is invalid after applying our overlay: ${again[0]}`)
  }
  for (const { method, path, operationId, op } of listOperations(spec)) {
    if (!op.summary && operationId)
      op.summary = SUMMARIES[operationId] ?? summarise(operationId, method, path)
  }
}

/** Writes every `[path, content]`: all staged as temporary files first, then renamed into place. */
function writeAll(outputs) {
  const staged = []
  try {
    for (const [target, content] of outputs) {
      mkdirSync(dirname(target), { recursive: true })
      const tmp = `${target}.sync-${process.pid}.tmp`
      writeFileSync(tmp, content)
      staged.push([tmp, target])
    }
  } catch (err) {
    for (const [tmp] of staged) rmSync(tmp, { force: true })
    throw new SyncError(`cannot write output: ${err.message}`)
  }
  for (const [tmp, target] of staged) renameSync(tmp, target)
}

/** Run the sync; returns the report text. Throws SyncError for expected failures. */
export async function sync(opts) {
  const spec = await readSpec(opts)
  // the snapshot never keeps upstream prose, even with --keep-prose (see scripts/spec/prose.mjs)
  const snapshot = canonicalJson(stripProse(structuredClone(spec)))
  const warnings = []
  await makeOurs(spec, opts, warnings)
  const normalised = canonicalJson(spec)
  const finalSpec = JSON.parse(normalised)

  let files
  try {
    // openapi-typescript is heavy to load; only pay for it once the input is known to be good
    const { generateAll } = await import('./spec/generate.mjs')
    files = await generateAll(finalSpec)
  } catch (err) {
    throw new SyncError(`type generation failed: ${err.message}`)
  }

  const specPath = join(root, SPEC)
  const before = existsSync(specPath) ? JSON.parse(readFileSync(specPath, 'utf8')) : {}
  const report = formatDiff(diffSpecs(before, finalSpec))
  writeAll([
    [join(root, UPSTREAM_SNAPSHOT), snapshot],
    [specPath, normalised],
    ...Object.entries(files).map(([rel, c]) => [join(root, rel), c]),
  ])

  const ops = listOperations(finalSpec).length
  const schemas = Object.keys(finalSpec.components?.schemas ?? {}).length
  const source = /^https?:\/\//i.test(opts.from) ? safeUrl(new URL(opts.from)) : opts.from
  const head = `openapi:sync: wrote ${UPSTREAM_SNAPSHOT} and ${SPEC} (${ops} operations, ${schemas} schemas) from ${source} and regenerated ${Object.keys(files).length} type files`
  const warn = warnings.map((w) => `warning: README overlay step skipped: ${w}`)
  return [head, ...warn, report].join('\n')
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(await sync(parseArgs(process.argv.slice(2))))
  } catch (err) {
    const msg =
      err instanceof SyncError
        ? err.message
        : `unexpected failure: ${String(err?.message ?? err).split('\n')[0]}`
    console.error(`openapi:sync: ${msg}`)
    process.exit(1)
  }
}
