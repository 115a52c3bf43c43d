import { isRefreshTokenExpiredError, RefreshTokenExpiredError } from '@amigo-ai/core'
import { NotSignedInError, TokenStorageError } from '../errors/token-errors'
import { expiresAtSeconds } from '../identity/token-expiry'
import { validateIdentityBaseUrl } from '../identity/validate-base-url'
import { checkedSignal } from '../options/checked-signal'
import type { AuthResult } from './auth-result'
import { checkTokenManagerConfig } from './check-token-manager-config'
import { RefreshPause } from './refresh-pause'
import { refreshTokenGrant } from './refresh-token-grant'
import { SharedFlight } from './shared-flight'
import { readStoredCredentials, type StoredCredentials } from './stored-credentials'
import { toStoredCredentials } from './to-stored-credentials'
import type { TokenStorage, WaitOptions } from './token-storage'

/** Options of `TokenManager`. */
export interface TokenManagerConfig {
  /** Where credentials live. Default: `new FileTokenStorage()` in Node (browsers and edge runtimes must pass one). */
  storage?: TokenStorage
  /** Identity service for refreshes; default: the one stored with the credentials, else the platform's. */
  identityBaseUrl?: string
  /** Custom fetch for refresh requests (a Response-like stub is enough). */
  fetch?: typeof globalThis.fetch
  /** Refresh this long before the access token expires. Default 60 000 ms. */
  refreshMarginMs?: number
  /** Refresh request timeout in ms (default 30 000): a hung identity service fails the call instead of hanging it. */
  requestTimeoutMs?: number
  /** Which stored sign-in to use; default: the storage's default profile. */
  profile?: string
  /** Time source in ms (for tests). Default `Date.now`. */
  now?: () => number
}

const DEFAULT_REFRESH_MARGIN_MS = 60_000
const NOTHING_STORED = 'No stored credentials: sign in first (loginWithDeviceCode)'

/**
 * Keeps a signed-in user's tokens: stores them, hands out a valid access token, and refreshes it
 * shortly before expiry. Concurrent callers share one refresh request. Each entry of the package
 * subclasses it with its own default storage.
 */
export class BaseTokenManager {
  readonly #storage: TokenStorage
  readonly #identityBaseUrl?: string
  readonly #marginMs: number
  readonly #fetch?: typeof fetch
  readonly #timeoutMs?: number
  readonly #profile?: string
  readonly #now: () => number
  #cached: StoredCredentials | undefined
  /** The access token this manager last obtained by a refresh, with its lifetime in ms. */
  #obtained: { token: string; lifetimeMs: number } | undefined
  readonly #flight = new SharedFlight<StoredCredentials | null>()
  readonly #pause = new RefreshPause()

  constructor(config: TokenManagerConfig | undefined, defaultStorage: () => TokenStorage) {
    const c = checkTokenManagerConfig(config)
    this.#storage = c.storage === undefined ? defaultStorage() : c.storage
    this.#identityBaseUrl =
      c.identityBaseUrl === undefined ? undefined : validateIdentityBaseUrl(c.identityBaseUrl)
    this.#marginMs = c.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS
    this.#fetch = c.fetch
    this.#timeoutMs = c.requestTimeoutMs
    this.#profile = c.profile
    this.#now = c.now ?? Date.now
  }

  /**
   * Saves a login result; only the credentials are kept (`raw` and unknown fields are not).
   * Aborting `options.signal` stops the wait for the storage's lock (another process holds it),
   * rejecting with the signal's reason; nothing is saved then.
   */
  async store(result: AuthResult, options?: WaitOptions): Promise<void> {
    const signal = checkedSignal(options)
    const creds = toStoredCredentials(result, this.#identityBaseUrl)
    await this.#storage.save(creds, this.#profile, { signal })
    this.#cached = creds
    this.#pause.end()
  }

  /** Reads the stored credentials afresh (null when none). */
  async load(): Promise<StoredCredentials | null> {
    const loaded = await this.#storage.load(this.#profile)
    this.#cached = loaded == null ? undefined : checkLoaded(loaded)
    return this.#cached ? { ...this.#cached } : null
  }

  /**
   * A valid access token and its workspace, refreshed first when it expires within the margin;
   * null when nothing is stored. A refused refresh is a `RefreshTokenExpiredError` and signs out.
   * While the identity service is unreachable, failing or busy, the token held is handed out until
   * it expires, and the refresh is tried again after a pause. Aborting `options.signal` stops the
   * wait for a refresh (for the storage's lock, for the identity service), rejecting with the
   * signal's reason. A refresh request already sent is left to finish and save its answer (the
   * service may have rotated the refresh token); once nobody waits, one still waiting for the lock
   * stops.
   */
  async getAccessToken(options?: WaitOptions): Promise<{
    /** The access token, for `Authorization: Bearer …`. */
    token: string
    /** The workspace it is bound to. */
    workspaceId: string
  } | null> {
    const signal = checkedSignal(options)
    const stored = this.#cached ?? (await this.load())
    if (!stored) return null
    const keep = this.#isFresh(stored) || this.#pause.holds(stored, this.#now())
    const creds = keep
      ? stored
      : await this.#refreshShared(false, signal).catch((e) => {
          // A caller that stopped waiting gets its signal's reason, not the token held.
          if (signal?.aborted) throw e
          return this.#keepValid(e)
        })
    return creds ? { token: creds.access_token, workspaceId: creds.workspace_id } : null
  }

  /** True when credentials are stored (fresh or not). */
  async hasCredentials(): Promise<boolean> {
    return (this.#cached ?? (await this.load())) != null
  }

  /**
   * Refreshes now, whatever the expiry; joins a refresh already in flight. Aborting
   * `options.signal` stops the wait, as for `getAccessToken`.
   */
  async refresh(options?: WaitOptions): Promise<StoredCredentials> {
    const creds = await this.#refreshShared(true, checkedSignal(options))
    if (!creds) throw new NotSignedInError(NOTHING_STORED)
    return { ...creds }
  }

  /**
   * Forgets the stored credentials (sign out on this machine). Aborting `options.signal` stops the
   * wait for the storage's lock, as for `store`; the credentials stay stored then.
   */
  async clear(options?: WaitOptions): Promise<void> {
    const signal = checkedSignal(options)
    this.#cached = undefined
    await this.#storage.clear(this.#profile, { signal })
    // A storage with a lock (FileTokenStorage) runs the clear after a refresh holding that lock,
    // which cached or kept a token meanwhile: that token was just deleted and must not be handed out.
    this.#cached = undefined
    this.#pause.end()
  }

  /** A getter for `AmigoClient`'s `apiKey`: each request asks it for a valid token. */
  asApiKey(): () => Promise<string> {
    return async () => {
      const auth = await this.getAccessToken()
      if (!auth) throw new NotSignedInError(NOTHING_STORED)
      return auth.token
    }
  }

  #isFresh(c: StoredCredentials): boolean {
    // A token living less than the margin would be "inside the margin" from the start, and so would
    // each refresh's answer: every call would refresh first. For a token whose lifetime is known
    // (one this manager obtained) the margin is at most half that lifetime. Others (loaded from
    // storage, refreshed by another process) keep the configured margin: the stored credentials
    // (the official SDK's shape) do not say when the token was issued.
    const lifetimeMs = this.#obtained?.token === c.access_token ? this.#obtained.lifetimeMs : Infinity
    const marginMs = Math.min(this.#marginMs, lifetimeMs / 2)
    return c.expires_at * 1000 - marginMs > this.#now()
  }

  /** The credentials held, still valid, when their refresh failed for a passing reason; else `error`. */
  #keepValid(error: unknown): StoredCredentials {
    // The refresh re-read the storage: what it holds now is what the failed refresh was renewing.
    const kept = this.#pause.keep(this.#cached, error, this.#now())
    if (!kept) throw error
    return kept
  }

  /** The refresh under way (concurrent callers share one request), or a new one. */
  #refreshShared(force: boolean, signal: AbortSignal | undefined): Promise<StoredCredentials | null> {
    return this.#flight.join((stop) => this.#refreshOnce(force, stop), signal)
  }

  /**
   * One refresh, inside the storage's lock when it has one; `signal` (once nobody waits) stops the
   * wait for that lock, before anything is sent.
   */
  #refreshOnce(force: boolean, signal: AbortSignal): Promise<StoredCredentials | null> {
    const run = () => this.#refreshLocked(force)
    return this.#storage.withLock ? this.#storage.withLock(run, this.#profile, { signal }) : run()
  }

  async #refreshLocked(force: boolean): Promise<StoredCredentials | null> {
    const before = this.#cached
    // Another process sharing the storage may have refreshed already; its token saves a request
    // and keeps us from spending a refresh token that rotation has already replaced.
    const stored = await this.load()
    if (!stored) return null
    const changed = before !== undefined && stored.access_token !== before.access_token
    if (this.#isFresh(stored) && (!force || changed)) return stored
    if (!stored.refresh_token) {
      // Run out with nothing to renew it: sign out, as after a refused refresh. A token still
      // inside its margin (or a forced refresh) stays stored while it can still be used.
      if (stored.expires_at * 1000 <= this.#now()) await this.clear()
      throw new RefreshTokenExpiredError(
        'The access token is expiring and there is no refresh token; sign in again',
      )
    }
    let next: StoredCredentials
    try {
      // Not stopped once sent, even when nobody waits any more: the service may have rotated the
      // refresh token already, and only its answer, saved, keeps the login.
      next = await this.#exchange(stored)
    } catch (error) {
      const replaced = await this.#replacement(stored)
      if (replaced) return replaced.current
      // The stored refresh token is no good: sign out, as the official SDK does.
      if (isRefreshTokenExpiredError(error)) await this.clear()
      throw error
    }
    const replaced = await this.#replacement(stored)
    if (replaced) return replaced.current
    await this.#storage.save(next, this.#profile)
    this.#cached = next
    this.#pause.end()
    this.#obtained = {
      token: next.access_token,
      lifetimeMs: Math.max(0, next.expires_at * 1000 - this.#now()),
    }
    return next
  }

  /**
   * What replaced `refreshed` in the storage while its refresh was in flight (a new login or a
   * sign-out, through this manager or any other code): it wins, and the refresh's answer for the
   * replaced session is dropped. Undefined while `refreshed` is still the stored session. A storage
   * whose `save` waits for `withLock` (FileTokenStorage) cannot change in between; for others
   * (MemoryTokenStorage) this re-read is what keeps a refresh from overwriting a newer login.
   */
  async #replacement(
    refreshed: StoredCredentials,
  ): Promise<{ current: StoredCredentials | null } | undefined> {
    const current = await this.load()
    const same =
      current?.access_token === refreshed.access_token && current.refresh_token === refreshed.refresh_token
    return same ? undefined : { current }
  }

  async #exchange(stored: StoredCredentials): Promise<StoredCredentials> {
    // A stored base is checked like a configured one: the refresh token is about to be sent there.
    const identityBaseUrl =
      this.#identityBaseUrl ??
      validateIdentityBaseUrl(stored.identity_base_url, 'the identityBaseUrl stored with the credentials')
    const payload = await refreshTokenGrant({
      identityBaseUrl,
      refreshToken: stored.refresh_token,
      // Still valid within the refresh margin: an answer echoing it must not put it in an error.
      secrets: [stored.access_token],
      workspaceId: stored.workspace_id,
      fetch: this.#fetch,
      timeoutMs: this.#timeoutMs,
    })
    const next: StoredCredentials = {
      access_token: payload.access_token,
      // Rotation: a new refresh token replaces the old one; without one, the old one stays valid.
      refresh_token: payload.refresh_token ?? stored.refresh_token,
      workspace_id: payload.workspace_id ?? stored.workspace_id,
      expires_at: expiresAtSeconds(payload, this.#now()),
      identity_base_url: identityBaseUrl,
      token_type: payload.token_type,
    }
    const scope = payload.scope ?? stored.scope
    if (scope) next.scope = scope
    const sessionId = payload.session_id ?? stored.session_id
    if (sessionId) next.session_id = sessionId
    return next
  }
}

// Whatever a storage returns is checked: a custom storage may hand back anything.
function checkLoaded(value: unknown): StoredCredentials {
  const read = readStoredCredentials(value)
  if ('problems' in read) {
    throw new TokenStorageError(
      `The token storage returned credentials with missing or invalid: ${read.problems.join(', ')}; sign in again`,
      { reason: 'invalid_fields' },
    )
  }
  return read
}
