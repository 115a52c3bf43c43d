import { parseRateLimit, type RateLimitInfo } from './rate-limit'

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

// Results are class instances rather than object literals with a `rateLimit` getter: V8 gives each
// such literal a slow shape of its own, which cost more per call than the rest of a resource method
// (bench: request overhead, about 10 µs a call).

/** What the low-level helpers resolve to; `rateLimit` is parsed from the headers on first read. */
export class HttpResult<T> implements ApiResult<T> {
  #rateLimit: RateLimitInfo | undefined
  /** Wraps one response and its parsed body. */
  constructor(
    readonly data: T,
    readonly response: Response,
    readonly requestId: string | undefined,
  ) {}
  /** Rate-limit headers of the response (four header reads most callers never need, so lazy). */
  get rateLimit(): RateLimitInfo {
    this.#rateLimit ??= parseRateLimit(this.response.headers)
    return this.#rateLimit
  }
  /** The same fields an object literal would have shown, `rateLimit` included. */
  toJSON(): ApiResult<T> {
    return { data: this.data, response: this.response, requestId: this.requestId, rateLimit: this.rateLimit }
  }
}

/** `lastResponse` of an object result; reads `rateLimit` through to the call's lazy parse. */
class LastResponse implements ResponseMeta {
  readonly statusCode: number
  readonly headers: Headers
  readonly requestId?: string
  readonly #result: ApiResult<unknown>
  /** Reads status, headers and request id off one call's result. */
  constructor(result: ApiResult<unknown>) {
    this.statusCode = result.response.status
    this.headers = result.response.headers
    this.requestId = result.requestId
    this.#result = result
  }
  /** Rate-limit headers of the response, parsed on first read. */
  get rateLimit(): RateLimitInfo {
    return this.#result.rateLimit
  }
  /** The same fields an object literal would have shown, `rateLimit` included. */
  toJSON(): ResponseMeta {
    return {
      statusCode: this.statusCode,
      headers: this.headers,
      requestId: this.requestId,
      rateLimit: this.rateLimit,
    }
  }
}

/**
 * Attaches `_request_id` and `lastResponse` to an object result as NON-enumerable properties, so
 * they never show up in `JSON.stringify`, spreads or `Object.keys`. Primitives pass through.
 */
export function withResponseMeta<T>(data: T, result: ApiResult<unknown>): WithResponseMeta<T> {
  if (typeof data !== 'object' || data === null || Object.isFrozen(data)) return data as WithResponseMeta<T>
  Object.defineProperties(data, {
    _request_id: { value: result.requestId, configurable: true },
    lastResponse: { value: new LastResponse(result), configurable: true },
  })
  return data as WithResponseMeta<T>
}
