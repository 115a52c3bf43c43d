import { FETCH_OPTIONS, type RequestOptions } from './config'
import type { HeaderLayer } from './headers'

// The options a view or a call puts over the layers below it (`retry` and `headers` merge instead),
// as two lists: a spread into one would be a top-level statement every bundle keeps.
const LAYERED = [['timeout', 'maxRetries', 'signal', 'idempotencyKey'], FETCH_OPTIONS] as const

/**
 * Layers request options (the client's, a view's, a call's): later values win, `retry` settings
 * merge and headers merge (`headers`, `next`'s checked by validateOptions; a `null` in them removes
 * a header of the layers below). Returns `base` itself when `next` changes nothing, so the usual
 * call, which passes no options, copies nothing.
 */
export function layerOptions(
  base: RequestOptions,
  next: RequestOptions,
  headers: HeaderLayer | undefined,
): RequestOptions {
  let out: Record<string, unknown> | undefined
  const set = (key: string, value: unknown) => {
    out ??= { ...base }
    out[key] = value
  }
  for (const keys of LAYERED) for (const key of keys) if (next[key] != null) set(key, next[key])
  if (next.retry !== undefined) set('retry', { ...base.retry, ...next.retry })
  if (headers) set('headers', { ...(base.headers as HeaderLayer | undefined), ...headers })
  return out ?? base
}
