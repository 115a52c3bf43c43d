import type { RateLimitInfo } from './rate-limit'

/** Metadata of the HTTP response an object came from. */
export interface ResponseMeta {
  statusCode: number
  headers: Headers
  requestId?: string
  rateLimit: RateLimitInfo
}

/** What the low-level helpers resolve to: parsed data plus the raw response and its metadata. */
export interface ApiResult<T> {
  data: T
  response: Response
  requestId?: string
  rateLimit: RateLimitInfo
}

/** An object result carrying non-enumerable response metadata. */
export type WithResponseMeta<T> = T & { readonly _request_id?: string; readonly lastResponse: ResponseMeta }

/**
 * Attaches `_request_id` and `lastResponse` to an object result as NON-enumerable properties, so
 * they never show up in `JSON.stringify`, spreads or `Object.keys`. Primitives pass through.
 */
export function withResponseMeta<T>(data: T, result: ApiResult<unknown>): WithResponseMeta<T> {
  if (typeof data !== 'object' || data === null || Object.isFrozen(data)) return data as WithResponseMeta<T>
  const meta: ResponseMeta = {
    statusCode: result.response.status,
    headers: result.response.headers,
    requestId: result.requestId,
    // Read through on first use: the transport parses the rate-limit headers lazily.
    get rateLimit() {
      return result.rateLimit
    },
  }
  Object.defineProperty(data, '_request_id', {
    value: result.requestId,
    enumerable: false,
    configurable: true,
  })
  Object.defineProperty(data, 'lastResponse', { value: meta, enumerable: false, configurable: true })
  return data as WithResponseMeta<T>
}
