import { VERSION } from '../version'

import type { HeaderValues } from './config'

/** Header values a caller may pass: any HeadersInit, or a record where `null` removes a default. */
export type HeaderLayer = HeaderValues | undefined

/** A record value as sent: a list of values becomes one comma-separated value, as `Headers.append` would. */
const text = (v: string | number | boolean | (string | number | boolean)[]): string =>
  Array.isArray(v) ? v.join(', ') : String(v)

/** Lower-cased header names to values: what the transport hands fetch for one attempt. */
export type HeaderRecord = Record<string, string>

/**
 * Applies header layers in order onto a plain record (later layers win, names compared
 * case-insensitively, `null` deletes). A record rather than a `Headers`: fetch builds its own
 * `Headers` from whatever it is given, so building one here too would cost a second copy per request.
 */
export function applyHeaders(target: HeaderRecord, ...layers: HeaderLayer[]): HeaderRecord {
  return apply(target, layers, false) as HeaderRecord
}

/** Merges two layers into one record, keeping a `null` (a deletion for the layers applied later). */
export function mergeLayers(a: HeaderLayer, b: HeaderLayer): HeaderLayer {
  return a && b ? apply({}, [a, b], true) : (a ?? b)
}

function apply(
  target: Record<string, string | null>,
  layers: HeaderLayer[],
  keepNull: boolean,
): Record<string, string | null> {
  for (const layer of layers) {
    if (!layer) continue
    if (layer instanceof Headers || Array.isArray(layer)) {
      for (const [k, v] of new Headers(layer as HeadersInit)) target[k] = v
      continue
    }
    for (const k in layer) {
      if (!Object.hasOwn(layer, k)) continue
      const v = (layer as Exclude<HeaderValues, HeadersInit>)[k]
      if (v === null) {
        if (keepNull) target[k.toLowerCase()] = null
        else delete target[k.toLowerCase()]
      } else if (v !== undefined) target[k.toLowerCase()] = text(v)
    }
  }
  return target
}

// Browsers refuse or ignore a scripted User-Agent (and it would force a CORS preflight);
// only server-side runtimes get one.
const isBrowser = () => typeof (globalThis as { document?: unknown }).document !== 'undefined'

/**
 * The SDK identification headers, computed once per client: `x-amigo-client` (the calling SDK's
 * name/version, or this package's) and, outside browsers, `user-agent`.
 */
export function clientHeaders(userAgent: string | undefined): HeaderRecord {
  const name = userAgent ?? `@amigo-ai/core/${VERSION}`
  const out: HeaderRecord = { 'x-amigo-client': name }
  if (!isBrowser()) {
    const node = (globalThis as { process?: { version?: unknown } }).process?.version
    out['user-agent'] = typeof node === 'string' ? `${name} node/${node.replace(/^v/, '')}` : name
  }
  return out
}
