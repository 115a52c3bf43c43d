import { FETCH_OPTIONS, type RequestOptions } from './config'
import type { HeaderLayer } from './headers'

// The options a view or a call puts over the layers below it (`retry` and `headers` merge instead),
// as two lists: a spread into one would be a top-level statement every bundle keeps.
const LAYERED = [['timeout', 'maxRetries', 'signal', 'idempotencyKey'], FETCH_OPTIONS] as const

/**
 * Layers request options (the client's, a view's, a call's): later values win, `retry` settings
 * merge and headers merge (`headers`, `next`'s checked by validateOptions; a `null` in them removes
 * a header of the layers below).
 */
export function layerOptions(
  base: RequestOptions,
  next: RequestOptions,
  headers: HeaderLayer | undefined,
): RequestOptions {
  const out: Record<string, unknown> = { ...base }
  for (const keys of LAYERED) for (const key of keys) if (next[key] != null) out[key] = next[key]
  if (next.retry !== undefined) out.retry = { ...base.retry, ...next.retry }
  if (headers) out.headers = { ...(base.headers as HeaderLayer | undefined), ...headers }
  return out
}
