import { ConfigurationError } from '../errors/client-errors'

/** Retry settings; `maxAttempts` counts the first attempt too. */
export interface RetryOptions {
  /** Total attempts including the first. Default 3. */
  maxAttempts?: number
  /** Base of the exponential backoff, in milliseconds. Default 250. */
  baseDelayMs?: number
  /** Cap on any single wait (backoff or Retry-After), in milliseconds. Default 30000. */
  maxDelayMs?: number
}

/** Retry settings with every default filled in. */
export type ResolvedRetry = Required<RetryOptions>

/** The longest delay a JS timer can wait; a larger one fires at once instead (Node, browsers). */
export const MAX_TIMER_MS = 2_147_483_647

/** Defaults used when neither `retry` nor `maxRetries` says otherwise. */
export const DEFAULT_RETRY: ResolvedRetry = { maxAttempts: 3, baseDelayMs: 250, maxDelayMs: 30_000 }

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504])

/** Whether a method may be retried like a GET (safe methods, or any call made with an idempotency key). */
export const isRetrySafe = (method: string, hasIdempotencyKey: boolean): boolean =>
  hasIdempotencyKey || SAFE_METHODS.has(method.toUpperCase())

/**
 * Whether a response status should be retried. Safe calls retry 408/429/500/502/503/504; other
 * calls retry only a 429 that says when to come back (`Retry-After`), since the server then
 * guarantees it did not process the request.
 */
export function shouldRetryStatus(status: number, retrySafe: boolean, hasRetryAfter: boolean): boolean {
  if (retrySafe) return RETRYABLE_STATUSES.has(status)
  return status === 429 && hasRetryAfter
}

const checkNumber = (field: string, value: unknown, min: number, max: number, integer: boolean) => {
  if (value === undefined) return
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max)
    throw new ConfigurationError(`${field} must be a finite number from ${min} to ${max}`)
  if (integer && !Number.isInteger(value)) throw new ConfigurationError(`${field} must be a whole number`)
}

/** Validates retry settings, naming the offending field in a ConfigurationError. */
export function validateRetry(retry: RetryOptions | undefined, maxRetries: unknown, where = ''): void {
  if (retry !== undefined && (typeof retry !== 'object' || retry === null))
    throw new ConfigurationError(`${where}retry must be an object`)
  // A few hundred attempts is already far past any sane policy; the cap catches typos like 1e9.
  checkNumber(`${where}retry.maxAttempts`, retry?.maxAttempts, 1, 1000, true)
  checkNumber(`${where}retry.baseDelayMs`, retry?.baseDelayMs, 0, MAX_TIMER_MS, false)
  checkNumber(`${where}retry.maxDelayMs`, retry?.maxDelayMs, 0, MAX_TIMER_MS, false)
  checkNumber(`${where}maxRetries`, maxRetries, 0, 999, true)
}

/**
 * Merges retry settings; `maxRetries` (retries after the first attempt) wins over
 * `retry.maxAttempts` when both are given, so `maxRetries: 0` means exactly one attempt.
 */
export function resolveRetry(base: ResolvedRetry, retry?: RetryOptions, maxRetries?: number): ResolvedRetry {
  const merged = { ...base }
  // Only the settings given: an `undefined` one keeps the base value.
  for (const key of ['maxAttempts', 'baseDelayMs', 'maxDelayMs'] as const)
    if (retry?.[key] !== undefined) merged[key] = retry[key]
  if (typeof maxRetries === 'number') merged.maxAttempts = Math.floor(maxRetries) + 1
  merged.maxAttempts = Math.max(1, Math.floor(merged.maxAttempts))
  return merged
}
