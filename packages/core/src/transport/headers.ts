import { VERSION } from '../version'

/** Lower-cased header names to values: what the transport hands fetch for one attempt. */
export type HeaderRecord = Record<string, string>

/**
 * One layer of headers once checked (see headerLayer): lower-case names, text values, and `null`
 * for "remove this header" from the layers below it.
 */
export type HeaderLayer = Record<string, string | null>

/**
 * Applies header layers in order onto a plain record (later layers win, `null` deletes). A record
 * rather than a `Headers`: fetch builds its own `Headers` from whatever it is given, so building one
 * here too would cost a second copy per request.
 */
export function applyHeaders(target: HeaderRecord, ...layers: (HeaderLayer | undefined)[]): HeaderRecord {
  for (const layer of layers)
    for (const name in layer) {
      const value = layer[name] as string | null
      if (value === null) delete target[name]
      else target[name] = value
    }
  return target
}

/**
 * The SDK identification headers, computed once per client: `x-amigo-client` (the calling SDK's
 * name/version, or this package's) and, outside browsers, `user-agent`.
 */
export function clientHeaders(userAgent: string | undefined): HeaderRecord {
  const name = userAgent ?? `@amigo-ai/core/${VERSION}`
  const out: HeaderRecord = { 'x-amigo-client': name }
  // Browsers refuse or ignore a scripted User-Agent (and it would force a CORS preflight);
  // only server-side runtimes get one.
  if ((globalThis as { document?: unknown }).document === undefined) {
    const node = (globalThis as { process?: { version?: unknown } }).process?.version
    out['user-agent'] = typeof node === 'string' ? `${name} node/${node.replace(/^v/, '')}` : name
  }
  return out
}
