/** Options of {@link backoffDelay}. */
export interface BackoffOptions {
  /** Upper bound of the first retry's delay; each later retry doubles it. */
  baseDelayMs: number
  /** The most any delay can be. */
  maxDelayMs: number
  /** Source of randomness in [0, 1); defaults to Math.random (jitter needs no cryptographic quality). */
  random?: () => number
}

/**
 * Full-jitter exponential backoff: a uniform delay in [0, min(maxDelayMs, baseDelayMs * 2^attempt)],
 * `attempt` counted from 0. Full jitter spreads retries of many clients instead of synchronising them.
 */
export function backoffDelay(attempt: number, opts: BackoffOptions): number {
  const ceiling = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** Math.max(0, attempt))
  const r = (opts.random ?? Math.random)()
  return Math.max(0, Math.floor(r * ceiling))
}
