// The retry decision on its own, as a table: each row is one failed attempt and what the transport
// must do next (wait so many milliseconds, or give up). The end-to-end retry tests (retry.test.ts,
// timeout.test.ts) check that the transport feeds it the right failures over real sockets.
import { describe, expect, it } from 'vitest'
import { DEFAULT_RETRY } from '../src/index'
import { type AttemptFailure, retryDelay } from '../src/retry/retry-delay'

const retry = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000 }
// Backoff jitter pinned at its top, so a backoff wait is the ceiling min(max, base * 2^attempt) - 1.
const random = () => 0.999999

interface Row {
  failure: AttemptFailure
  /** 0-based number of the attempt that failed. */
  attempt?: number
  retrySafe: boolean
  settings?: typeof retry
  /** Milliseconds to wait before the next attempt, or 'final'. */
  next: number | 'final'
}

const rows: Record<string, Row> = {
  // Error statuses, safe calls (GET, HEAD, OPTIONS, or an idempotency key).
  '503, safe: backoff': { failure: { kind: 'status', status: 503 }, retrySafe: true, next: 99 },
  '408, safe: backoff': { failure: { kind: 'status', status: 408 }, retrySafe: true, next: 99 },
  '500, safe, second attempt: doubled backoff': {
    failure: { kind: 'status', status: 500 },
    attempt: 1,
    retrySafe: true,
    next: 199,
  },
  '502, safe, backoff past maxDelayMs: capped': {
    failure: { kind: 'status', status: 502 },
    attempt: 5,
    retrySafe: true,
    settings: { ...retry, maxAttempts: 10 },
    next: 999,
  },
  '503 with Retry-After, safe: the server says when': {
    failure: { kind: 'status', status: 503, retryAfterMs: 400 },
    retrySafe: true,
    next: 400,
  },
  '429 with a long Retry-After: capped at maxDelayMs': {
    failure: { kind: 'status', status: 429, retryAfterMs: 3_600_000 },
    retrySafe: true,
    next: 1_000,
  },
  '429 with Retry-After 0: at once': {
    failure: { kind: 'status', status: 429, retryAfterMs: 0 },
    retrySafe: false,
    next: 0,
  },
  '400, safe: final': { failure: { kind: 'status', status: 400 }, retrySafe: true, next: 'final' },
  '404, safe: final': { failure: { kind: 'status', status: 404 }, retrySafe: true, next: 'final' },
  '501, safe: final': { failure: { kind: 'status', status: 501 }, retrySafe: true, next: 'final' },
  // Error statuses, calls that may not be resent (POST, PUT, PATCH, DELETE without a key).
  '503, unsafe: final (the server may have acted)': {
    failure: { kind: 'status', status: 503 },
    retrySafe: false,
    next: 'final',
  },
  '503 with Retry-After, unsafe: final': {
    failure: { kind: 'status', status: 503, retryAfterMs: 10 },
    retrySafe: false,
    next: 'final',
  },
  '429 without Retry-After, unsafe: final': {
    failure: { kind: 'status', status: 429 },
    retrySafe: false,
    next: 'final',
  },
  '429 with Retry-After, unsafe: the server says it did not act': {
    failure: { kind: 'status', status: 429, retryAfterMs: 250 },
    retrySafe: false,
    next: 250,
  },
  // Failures with no status.
  'network failure, safe: backoff': { failure: { kind: 'network' }, retrySafe: true, next: 99 },
  'network failure, unsafe: final': { failure: { kind: 'network' }, retrySafe: false, next: 'final' },
  'timeout, safe: final': { failure: { kind: 'timeout' }, retrySafe: true, next: 'final' },
  'caller aborted, safe: final': { failure: { kind: 'aborted' }, retrySafe: true, next: 'final' },
  'request could not be built or body not JSON: final': {
    failure: { kind: 'final' },
    retrySafe: true,
    next: 'final',
  },
  // The attempt budget.
  'last allowed attempt (3 of 3): final': {
    failure: { kind: 'status', status: 503 },
    attempt: 2,
    retrySafe: true,
    next: 'final',
  },
  'last allowed attempt, even with Retry-After: final': {
    failure: { kind: 'status', status: 429, retryAfterMs: 0 },
    attempt: 2,
    retrySafe: true,
    next: 'final',
  },
  'maxAttempts 1 (maxRetries: 0): final': {
    failure: { kind: 'network' },
    retrySafe: true,
    settings: { ...retry, maxAttempts: 1 },
    next: 'final',
  },
  'baseDelayMs 0: retried at once': {
    failure: { kind: 'network' },
    retrySafe: true,
    settings: { ...retry, baseDelayMs: 0 },
    next: 0,
  },
}

describe('retryDelay', () => {
  for (const [name, row] of Object.entries(rows)) {
    it(name, () => {
      const policy = { retry: row.settings ?? retry, retrySafe: row.retrySafe }
      const delay = retryDelay(row.failure, row.attempt ?? 0, policy, random)
      expect(delay ?? 'final').toBe(row.next)
    })
  }

  it('jitters backoff within [0, ceiling] with Math.random by default', () => {
    const policy = { retry: DEFAULT_RETRY, retrySafe: true }
    for (let i = 0; i < 100; i++) {
      const delay = retryDelay({ kind: 'network' }, 1, policy)
      expect(delay).toBeGreaterThanOrEqual(0)
      expect(delay).toBeLessThanOrEqual(500)
    }
  })
})
