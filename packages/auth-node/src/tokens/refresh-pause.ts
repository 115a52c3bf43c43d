import { isNetworkError, isRateLimitError, isServerError } from '@amigo-ai/core'
import type { StoredCredentials } from './stored-credentials'

/**
 * How long a token kept after a failed refresh is handed out before the refresh is tried again (or
 * longer, when the failed answer's `Retry-After` asks for longer):
 * an identity service that is failing gets one request per pause from each manager, not one per
 * API call, and the default 60-s margin still leaves room for two tries.
 */
const RETRY_PAUSE_MS = 30_000

/** The identity service unreachable, failing or busy: a failure that may be gone on the next try. */
const isPassing = (error: unknown) => isNetworkError(error) || isServerError(error) || isRateLimitError(error)

/**
 * When a proactive refresh fails for a passing reason, the access token held is still good until
 * its expiry: it is handed out for a pause instead of failing every call, and instead of asking a
 * failing service again at each one. The pause belongs to that token and ends at its expiry at the
 * latest, since after that there is nothing valid to hand out.
 */
export class RefreshPause {
  #held: { token: string; untilMs: number } | undefined

  /** True while `creds` is the token kept after a failed refresh, within the pause. */
  holds(creds: StoredCredentials, nowMs: number): boolean {
    return this.#held?.token === creds.access_token && nowMs < this.#held.untilMs
  }

  /**
   * Starts a pause and answers `creds` when their refresh failed with a passing `error` and they
   * have not expired; undefined when the error must reach the caller.
   */
  keep(creds: StoredCredentials | undefined, error: unknown, nowMs: number): StoredCredentials | undefined {
    const expiresMs = (creds?.expires_at ?? 0) * 1000
    if (!creds || !isPassing(error) || expiresMs <= nowMs) return undefined
    // A service that says when to come back (`Retry-After`, in seconds) is not asked before then.
    const askedMs = ((error as { retryAfter?: number }).retryAfter ?? 0) * 1000
    const pauseMs = Math.max(RETRY_PAUSE_MS, askedMs)
    this.#held = { token: creds.access_token, untilMs: Math.min(nowMs + pauseMs, expiresMs) }
    return creds
  }

  /** Ends the pause: new credentials (a refresh's, a login's, none) are refreshed as usual. */
  end(): void {
    this.#held = undefined
  }
}
