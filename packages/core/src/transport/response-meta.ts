import { parseRateLimitHeaders, type RateLimitInfo, requestIdOf } from './rate-limit'

/** The HTTP response a result came from: `lastResponse` of every object result. */
export interface LastResponseInfo {
  /** `x-request-id` of the response (`''` when it sent none). */
  requestId: string
  /** HTTP status. */
  statusCode: number
  /** Response headers. */
  headers: Headers
  /** Rate-limit headers, read. */
  rateLimit: RateLimitInfo
}

/** The hidden (non-enumerable) fields every object result carries. */
export interface ResponseMetadata {
  /** Same as `lastResponse.requestId`: quote it in support requests. */
  _request_id: string
  /** The response the result came from. */
  lastResponse: LastResponseInfo
}

/** An object result with its response metadata; other results (strings, arrays of bytes...) as they are. */
export type WithResponseMetadata<T> = T extends object ? T & ResponseMetadata : T

/** What the low-level helpers (`GET`, `POST`, ...) resolve to. */
export interface AmigoResponse<T> {
  /** The parsed body; an object carries `_request_id` and `lastResponse` too. */
  data: WithResponseMetadata<T>
  /** The fetch `Response` (its body already read). */
  response: Response
  /** `x-request-id` of the response (`''` when it sent none). */
  requestId: string
  /** Rate-limit headers, read. */
  rateLimit: RateLimitInfo
}

/** The `x-request-id` of a response (`''` when it sent none). */
export function extractRequestId(response: Response): string {
  return requestIdOf(response.headers)
}

/** The `lastResponse` record of a response. */
export function buildLastResponse(response: Response): LastResponseInfo {
  return new LastResponse(response, requestIdOf(response.headers))
}

// Results are class instances rather than object literals with a `rateLimit` getter: V8 gives each
// such literal a slow shape of its own, which cost more per call than the rest of a resource method
// (bench: request overhead, about 10 µs a call).
// Fields are declared and assigned in the constructor rather than written as class fields or
// parameter properties, which ES2022 output would define twice (a field, then the assignment).

/** What the low-level helpers resolve to; `rateLimit` is parsed from the headers on first read. */
export class HttpResult<T> implements AmigoResponse<T> {
  declare readonly data: WithResponseMetadata<T>
  declare readonly response: Response
  declare readonly requestId: string
  #rateLimit: RateLimitInfo | undefined
  /** Wraps one response and its parsed body. */
  constructor(data: WithResponseMetadata<T>, response: Response, requestId: string) {
    this.data = data
    this.response = response
    this.requestId = requestId
  }
  /** Rate-limit headers of the response (four header reads most callers never need, so lazy). */
  get rateLimit(): RateLimitInfo {
    this.#rateLimit ??= parseRateLimitHeaders(this.response.headers)
    return this.#rateLimit
  }
  /** The same fields an object literal would have shown, `rateLimit` included. */
  toJSON(): AmigoResponse<T> {
    return { data: this.data, response: this.response, requestId: this.requestId, rateLimit: this.rateLimit }
  }
}

/** `lastResponse` of an object result; `rateLimit` is parsed on first read. */
class LastResponse implements LastResponseInfo {
  declare readonly requestId: string
  declare readonly statusCode: number
  declare readonly headers: Headers
  #rateLimit: RateLimitInfo | undefined
  /** Reads status and headers off one response. */
  constructor(response: Response, requestId: string) {
    this.requestId = requestId
    this.statusCode = response.status
    this.headers = response.headers
  }
  /** Rate-limit headers of the response, parsed on first read. */
  get rateLimit(): RateLimitInfo {
    this.#rateLimit ??= parseRateLimitHeaders(this.headers)
    return this.#rateLimit
  }
  /** The same fields an object literal would have shown, `rateLimit` included. */
  toJSON(): LastResponseInfo {
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
 * they never show up in `JSON.stringify`, spreads or `Object.keys`. Primitives and frozen objects
 * pass through.
 */
export function withResponseMetadata<T>(data: T, result: AmigoResponse<unknown>): WithResponseMetadata<T> {
  if (typeof data !== 'object' || data === null || Object.isFrozen(data))
    return data as WithResponseMetadata<T>
  // One defineProperty per key: a descriptor map (defineProperties) costs about 1% of a loopback GET.
  Object.defineProperty(data, '_request_id', { value: result.requestId, configurable: true })
  const lastResponse = new LastResponse(result.response, result.requestId)
  Object.defineProperty(data, 'lastResponse', { value: lastResponse, configurable: true })
  return data as WithResponseMetadata<T>
}
