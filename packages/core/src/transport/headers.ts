import { VERSION } from '../version'

/** Header values a caller may pass: any HeadersInit, or a record where `null` removes a default. */
export type HeaderLayer = HeadersInit | Record<string, string | null | undefined> | undefined

/** Applies header layers in order onto `target` (later layers win; `null` deletes). */
export function applyHeaders(target: Headers, ...layers: HeaderLayer[]): Headers {
  for (const layer of layers) {
    if (!layer) continue
    if (layer instanceof Headers || Array.isArray(layer)) {
      for (const [k, v] of new Headers(layer as HeadersInit)) target.set(k, v)
      continue
    }
    for (const [k, v] of Object.entries(layer)) {
      if (v === null) target.delete(k)
      else if (v !== undefined) target.set(k, String(v))
    }
  }
  return target
}

/** Merges two layers into one record-free Headers-or-record layer without losing `null` deletions. */
export function mergeLayers(a: HeaderLayer, b: HeaderLayer): HeaderLayer {
  if (!a) return b
  if (!b) return a
  const out: Record<string, string | null> = {}
  for (const layer of [a, b]) {
    if (layer instanceof Headers || Array.isArray(layer)) {
      for (const [k, v] of new Headers(layer as HeadersInit)) out[k.toLowerCase()] = v
    } else {
      for (const [k, v] of Object.entries(layer)) if (v !== undefined) out[k.toLowerCase()] = v
    }
  }
  return out
}

// Browsers refuse or ignore a scripted User-Agent (and it would force a CORS preflight);
// only server-side runtimes get one.
const isBrowser = () => typeof (globalThis as { document?: unknown }).document !== 'undefined'

/** The value of `x-amigo-client`: the calling SDK's name/version, or this package's. */
export const clientHeaderValue = (userAgent: string | undefined): string =>
  userAgent ?? `@amigo-ai/core/${VERSION}`

/** Sets the SDK identification headers unless the caller set them already. */
export function setClientHeaders(headers: Headers, userAgent: string | undefined): void {
  const name = clientHeaderValue(userAgent)
  if (!headers.has('x-amigo-client')) headers.set('x-amigo-client', name)
  if (!isBrowser() && !headers.has('user-agent')) {
    const node = (globalThis as { process?: { version?: unknown } }).process?.version
    headers.set('user-agent', typeof node === 'string' ? `${name} node/${node.replace(/^v/, '')}` : name)
  }
}
