import { parseRetryAfter } from '../errors/retry-after'

/**
 * Rate-limit state reported by the API's response headers; `null` where the response did not send
 * the header (the shape of the single-package SDK's `RateLimitInfo`).
 */
export interface RateLimitInfo {
  /** `x-ratelimit-limit`: requests allowed in the window. */
  limit: number | null
  /** `x-ratelimit-remaining`: requests left in the window. */
  remaining: number | null
  /** `x-ratelimit-reset`: when the window resets (the header carries epoch seconds). */
  reset: Date | null
  /** `retry-after`, in seconds (an HTTP date is converted to the seconds left until it). */
  retryAfter: number | null
}

const num = (v: string | null): number | null => {
  if (!v?.trim()) return null
  const n = Number(v)
  return Number.isFinite(n) ? n : null
}

/** Reads the rate-limit headers of a response. */
export function parseRateLimitHeaders(headers: Headers): RateLimitInfo {
  const reset = num(headers.get('x-ratelimit-reset'))
  const retryAfterMs = parseRetryAfter(headers.get('retry-after'))
  return {
    limit: num(headers.get('x-ratelimit-limit')),
    remaining: num(headers.get('x-ratelimit-remaining')),
    reset: reset === null ? null : new Date(reset * 1000),
    retryAfter: retryAfterMs === undefined ? null : retryAfterMs / 1000,
  }
}

/** The response's `x-request-id`, or `''` when it sent none. */
export const requestIdOf = (headers: Headers): string => headers.get('x-request-id') ?? ''
