import { ConfigurationError } from '@amigo-ai/core'
import { checkOptions } from '../device-code/check-options'
import type { DeviceCodeLoginResult } from '../device-code/types'
import { validateIdentityBaseUrl } from '../device-code/validate-base-url'
import { NotSignedInError } from '../errors/token-errors'
import { refreshTokenGrant } from './refresh-token-grant'
import { credentialProblems, pickCredentials, type StoredCredentials } from './stored-credentials'
import type { TokenStorage } from './token-storage'

/** Options of `TokenManager`. */
export interface TokenManagerOptions {
  /** Where credentials live (`FileTokenStorage` in CLIs, `MemoryTokenStorage` in tests). */
  storage: TokenStorage
  /** Identity service for refreshes; default: the one stored with the credentials, else the platform's. */
  identityBaseUrl?: string
  /** Refresh this long before the access token expires. Default 60 000 ms. */
  refreshMarginMs?: number
  /** Custom fetch for refresh requests. */
  fetch?: typeof fetch
  /** Refresh request timeout in ms (default 30 000): a hung identity service fails the call instead of hanging it. */
  requestTimeoutMs?: number
  /** Which stored sign-in to use; default: the storage's default profile. */
  profile?: string
  /** Time source in ms (for tests). Default `Date.now`. */
  now?: () => number
}

const DEFAULT_REFRESH_MARGIN_MS = 60_000

/**
 * Keeps a signed-in user's tokens: stores them, hands out a valid access token, and refreshes it
 * shortly before expiry. Concurrent callers share one refresh request.
 */
export class TokenManager {
  readonly #storage: TokenStorage
  readonly #identityBaseUrl?: string
  readonly #marginMs: number
  readonly #fetch?: typeof fetch
  readonly #timeoutMs?: number
  readonly #profile?: string
  readonly #now: () => number
  #cached: StoredCredentials | undefined
  #inflight: Promise<StoredCredentials> | undefined

  constructor(options: TokenManagerOptions) {
    const s = options?.storage as Partial<TokenStorage> | undefined
    if (!s || typeof s.load !== 'function' || typeof s.save !== 'function' || typeof s.clear !== 'function') {
      throw new ConfigurationError(
        'TokenManager needs a storage with load, save and clear (e.g. FileTokenStorage)',
      )
    }
    const margin = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS
    if (typeof margin !== 'number' || !Number.isFinite(margin) || margin < 0) {
      throw new ConfigurationError('refreshMarginMs must be a non-negative number of milliseconds')
    }
    checkOptions({
      functions: { fetch: options.fetch, now: options.now },
      strings: { profile: options.profile },
      timeouts: { requestTimeoutMs: options.requestTimeoutMs },
    })
    this.#storage = options.storage
    this.#identityBaseUrl =
      options.identityBaseUrl === undefined ? undefined : validateIdentityBaseUrl(options.identityBaseUrl)
    this.#marginMs = margin
    this.#fetch = options.fetch
    this.#timeoutMs = options.requestTimeoutMs
    this.#profile = options.profile
    this.#now = options.now ?? Date.now
  }

  /**
   * Saves a login result (or credentials) to the storage; `raw` and unknown fields are not kept.
   * `expiresAt` may also be a `Date` or an ISO string; it is stored as ms since the epoch.
   */
  async store(result: DeviceCodeLoginResult | StoredCredentials): Promise<void> {
    const problems = credentialProblems(result)
    if (problems.length > 0) {
      throw new ConfigurationError(
        `TokenManager.store got credentials with missing or invalid: ${problems.join(', ')}`,
      )
    }
    const creds = pickCredentials(result)
    await this.#storage.save(creds, this.#profile)
    this.#cached = creds
  }

  /** Reads the stored credentials afresh (undefined when none). */
  async load(): Promise<StoredCredentials | undefined> {
    this.#cached = await this.#storage.load(this.#profile)
    return this.#cached ? { ...this.#cached } : undefined
  }

  /** A valid access token, refreshed first when it expires within the margin. */
  async getAccessToken(): Promise<string> {
    const creds = this.#cached ?? (await this.load())
    if (!creds) throw new NotSignedInError('No stored credentials: sign in first (loginWithDeviceCode)')
    if (this.#isFresh(creds)) return creds.accessToken
    return (await this.#singleFlight(false)).accessToken
  }

  /** Refreshes now, whatever the expiry; joins a refresh already in flight. */
  async refresh(): Promise<StoredCredentials> {
    return { ...(await this.#singleFlight(true)) }
  }

  /** Forgets the stored credentials (sign out on this machine). */
  async clear(): Promise<void> {
    this.#cached = undefined
    await this.#storage.clear(this.#profile)
  }

  /** A getter for `AmigoClient`'s `apiKey`: each request asks it for a valid token. */
  asApiKey(): () => Promise<string> {
    return () => this.getAccessToken()
  }

  /** Same as `asApiKey()`. */
  apiKeyGetter(): () => Promise<string> {
    return this.asApiKey()
  }

  #isFresh(c: StoredCredentials): boolean {
    return c.expiresAt - this.#marginMs > this.#now()
  }

  #singleFlight(force: boolean): Promise<StoredCredentials> {
    this.#inflight ??= this.#refreshOnce(force).finally(() => {
      this.#inflight = undefined
    })
    return this.#inflight
  }

  #refreshOnce(force: boolean): Promise<StoredCredentials> {
    const run = () => this.#refreshLocked(force)
    return this.#storage.withLock ? this.#storage.withLock(run, this.#profile) : run()
  }

  async #refreshLocked(force: boolean): Promise<StoredCredentials> {
    const before = this.#cached
    // Another process sharing the storage may have refreshed already; its token saves a request
    // and keeps us from spending a refresh token that rotation has already replaced.
    const stored = await this.load()
    if (!stored) throw new NotSignedInError('No stored credentials: sign in first (loginWithDeviceCode)')
    const changed = before !== undefined && stored.accessToken !== before.accessToken
    if (this.#isFresh(stored) && (!force || changed)) return stored
    if (!stored.refreshToken) {
      throw new NotSignedInError('The access token has expired and there is no refresh token: sign in again')
    }
    // A stored base is checked like a configured one: the refresh token is about to be sent there.
    const identityBaseUrl =
      this.#identityBaseUrl ??
      validateIdentityBaseUrl(stored.identityBaseUrl, 'the identityBaseUrl stored with the credentials')
    const payload = await refreshTokenGrant({
      identityBaseUrl,
      refreshToken: stored.refreshToken,
      workspaceId: stored.workspaceId,
      fetch: this.#fetch,
      timeoutMs: this.#timeoutMs,
    })
    const next: StoredCredentials = {
      accessToken: payload.access_token,
      // Rotation: a new refresh token replaces the old one; without one, the old one stays valid.
      refreshToken: payload.refresh_token || stored.refreshToken,
      expiresAt: this.#now() + payload.expires_in * 1000,
      workspaceId: payload.workspace_id || stored.workspaceId,
      tokenType: payload.token_type,
      identityBaseUrl,
    }
    const scope = payload.scope ?? stored.scope
    if (scope) next.scope = scope
    const sessionId = payload.session_id ?? stored.sessionId
    if (sessionId) next.sessionId = sessionId
    await this.#storage.save(next, this.#profile)
    this.#cached = next
    return next
  }
}
