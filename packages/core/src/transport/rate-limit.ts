import { parseRetryAfter } from '../retry/retry-after'

/** Rate-limit state reported by the API's response headers (numbers; undefined when a header is absent). */
export interface RateLimitInfo {
  /** `x-ratelimit-limit`: requests allowed in the window. */
  limit?: number
  /** `x-ratelimit-remaining`: requests left in the window. */
  remaining?: number
  /** `x-ratelimit-reset`: as sent by the API (seconds). */
  reset?: number
  /** `retry-after`, in seconds (HTTP dates are converted). */
  retryAfter?: number
}

const num = (v: string | null): number | undefined => {
  if (v === null || v.trim() === '') return undefined
  const n = Number(v)
  return Number.isFinite(n) ? n : undefined
}

/** Reads the rate-limit headers into numbers. */
export function parseRateLimit(headers: Headers): RateLimitInfo {
  const info: RateLimitInfo = {}
  const limit = num(headers.get('x-ratelimit-limit'))
  const remaining = num(headers.get('x-ratelimit-remaining'))
  const reset = num(headers.get('x-ratelimit-reset'))
  const retryAfterMs = parseRetryAfter(headers.get('retry-after'))
  if (limit !== undefined) info.limit = limit
  if (remaining !== undefined) info.remaining = remaining
  if (reset !== undefined) info.reset = reset
  if (retryAfterMs !== undefined) info.retryAfter = retryAfterMs / 1000
  return info
}

/** The response's `x-request-id`, if it sent one. */
export const requestIdOf = (headers: Headers): string | undefined => headers.get('x-request-id') ?? undefined
