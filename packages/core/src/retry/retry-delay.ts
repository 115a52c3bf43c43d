import { backoffDelay } from './backoff'
import { type ResolvedRetry, shouldRetryStatus } from './policy'

/**
 * How an attempt failed, as far as retrying is concerned:
 * - `status`: the server answered with an error status (`status`, and `retryAfterMs` when it sent
 *   `Retry-After`);
 * - `network`: no usable answer (connection refused or reset, body cut off), so the server may or
 *   may not have acted;
 * - `timeout`: the attempt ran out of its `timeout`;
 * - `aborted`: the caller's signal aborted the call;
 * - `final`: the request could not be built, or a success body was not valid JSON: sending the same
 *   request again would fail the same way.
 */
export interface AttemptFailure {
  kind: 'status' | 'network' | 'timeout' | 'aborted' | 'final'
  status?: number
  retryAfterMs?: number
}

/** What the decision needs of the call: its retry settings and whether its method may be resent. */
export interface RetryPolicy {
  retry: ResolvedRetry
  /** Safe methods, and any call with an idempotency key (see isRetrySafe). */
  retrySafe: boolean
}

/**
 * The retry decision for attempt `attempt` (0-based) of a call that failed with `failure`: the wait
 * in milliseconds before the next attempt, or `undefined` when the failure is final. Pure: it reads
 * only its arguments (`random`, the backoff's jitter, defaults to Math.random).
 *
 * An error status is retried as shouldRetryStatus says; a network failure only when the call is
 * retry-safe; timeouts, aborts and final failures never; nothing once `retry.maxAttempts` attempts
 * were made. The wait is the server's Retry-After when it sent one, capped at `retry.maxDelayMs` so
 * a server cannot park a call for hours, else full-jitter backoff.
 */
export function retryDelay(
  failure: AttemptFailure,
  attempt: number,
  policy: RetryPolicy,
  random?: () => number,
): number | undefined {
  const { retry, retrySafe } = policy
  const { kind, retryAfterMs } = failure
  const retryable =
    kind === 'status'
      ? shouldRetryStatus(failure.status as number, retrySafe, retryAfterMs !== undefined)
      : kind === 'network' && retrySafe
  if (!retryable || attempt + 1 >= retry.maxAttempts) return undefined
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, retry.maxDelayMs)
  return backoffDelay(attempt, { ...retry, random })
}
