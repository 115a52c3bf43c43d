import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isAuthenticationError, isConfigurationError, isServerError } from '@amigo-ai/core'
import {
  type IdentityServer,
  json,
  sendJson,
  startIdentityServer,
  startTestServer,
} from '@amigo-ai/test-server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  type AuthResult,
  FileTokenStorage,
  isNotSignedInError,
  isRefreshTokenExpiredError,
  isRefreshTokenReusedError,
  isTokenRefreshError,
  isTokenStorageError,
  MemoryTokenStorage,
  RefreshTokenExpiredError,
  RefreshTokenReusedError,
  TokenManager,
} from '../src/index'

let server: IdentityServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const T0 = Date.UTC(2026, 0, 1)
const T0s = T0 / 1000

async function setup(opts: { expiresInMs?: number; refreshDelayMs?: number; margin?: number } = {}) {
  let now = T0
  server = await startIdentityServer({ refreshDelayMs: opts.refreshDelayMs, expiresIn: 3600 })
  const storage = new MemoryTokenStorage()
  const tokens = new TokenManager({
    storage,
    identityBaseUrl: server.url,
    now: () => now,
    refreshMarginMs: opts.margin,
  })
  const creds: AuthResult = {
    accessToken: 'initial-at',
    refreshToken: server.issueRefreshToken('ws-1'),
    expiresAt: T0s + (opts.expiresInMs ?? 3600_000) / 1000,
    workspaceId: 'ws-1',
  }
  // What a storage holds for `creds` (snake_case, as the official SDK stores it).
  const stored = {
    access_token: creds.accessToken,
    refresh_token: creds.refreshToken,
    workspace_id: 'ws-1',
    identity_base_url: server.url,
  }
  await tokens.store(creds)
  return { idp: server, storage, tokens, creds, stored, tick: (ms: number) => (now += ms), now: () => now }
}

describe('TokenManager', () => {
  it('returns the stored token while it is fresh, without any request', async () => {
    const { idp, tokens } = await setup()
    expect(await tokens.getAccessToken()).toEqual({ token: 'initial-at', workspaceId: 'ws-1' })
    expect(idp.calls).toHaveLength(0)
  })

  it('refreshes inside the margin (default 60 s), rotates the refresh token and saves it', async () => {
    const { idp, tokens, storage, creds, tick, now } = await setup()
    tick(3600_000 - 59_000) // 59 s left: inside the 60 s margin
    expect(await tokens.getAccessToken()).toEqual({ token: 'at-2', workspaceId: 'ws-1' })
    const [call] = idp.refreshes()
    expect(call?.form).toEqual({
      grant_type: 'refresh_token',
      refresh_token: creds.refreshToken,
      workspace_id: 'ws-1',
    })
    expect(call?.headers['content-type']).toBe('application/x-www-form-urlencoded')
    const saved = await storage.load()
    expect(saved).toMatchObject({ access_token: 'at-2', refresh_token: 'rt-2', workspace_id: 'ws-1' })
    expect(saved?.expires_at).toBe(now() / 1000 + 3600)
    // Fresh again: no further request.
    expect((await tokens.getAccessToken())?.token).toBe('at-2')
    expect(idp.refreshes()).toHaveLength(1)
  })

  it('does not refresh 61 s before expiry with the default margin', async () => {
    const { idp, tokens, tick } = await setup()
    tick(3600_000 - 61_000)
    expect((await tokens.getAccessToken())?.token).toBe('initial-at')
    expect(idp.refreshes()).toHaveLength(0)
  })

  it('makes exactly one refresh request for 100 concurrent callers on an expired token', async () => {
    const { idp, tokens, tick } = await setup({ refreshDelayMs: 20 })
    tick(7200_000)
    const results = await Promise.all(Array.from({ length: 100 }, () => tokens.getAccessToken()))
    expect(idp.refreshes()).toHaveLength(1)
    expect(new Set(results.map((r) => r?.token))).toEqual(new Set(['at-2']))
  })

  it('reports a reused refresh token as RefreshTokenReusedError (a RefreshTokenExpiredError) and signs out', async () => {
    const { idp, tokens, storage, stored, tick } = await setup()
    tick(7200_000)
    await tokens.getAccessToken() // spends creds.refreshToken
    // Put the spent refresh token back, as a stale copy elsewhere would.
    await storage.save({ ...stored, expires_at: 0 })
    const other = new TokenManager({ storage, identityBaseUrl: idp.url, now: () => T0 + 7200_000 })
    const error = await other.getAccessToken().catch((e) => e)
    expect(error).toBeInstanceOf(RefreshTokenReusedError)
    // Official code catches RefreshTokenExpiredError for every "sign in again" case.
    expect(error).toBeInstanceOf(RefreshTokenExpiredError)
    expect(isRefreshTokenReusedError(error)).toBe(true)
    expect(isRefreshTokenExpiredError(error)).toBe(true)
    expect(isAuthenticationError(error)).toBe(true)
    expect(error.status).toBe(400)
    expect(error.errorCode).toBe('refresh_token_reused')
    expect(error.message).not.toContain(stored.refresh_token)
    expect(await storage.load()).toBeNull()
    expect(await other.hasCredentials()).toBe(false)
  })

  it('reports an unknown or expired refresh token as RefreshTokenExpiredError and signs out', async () => {
    const { idp, storage, stored } = await setup()
    await storage.save({ ...stored, refresh_token: 'never-issued', expires_at: 0 })
    const tokens = new TokenManager({ storage, identityBaseUrl: idp.url })
    const error = await tokens.getAccessToken().catch((e) => e)
    expect(isRefreshTokenExpiredError(error)).toBe(true)
    expect(isRefreshTokenReusedError(error)).toBe(false)
    expect(isTokenRefreshError(error)).toBe(true)
    expect(error.errorCode).toBe('refresh_token_expired')
    expect(await storage.load()).toBeNull()
  })

  it('reports a server failure and tries again on the next call (failures are not cached)', async () => {
    const { idp, tokens, tick } = await setup()
    tick(7200_000)
    const original = idp.server
    original.setHandler({
      'POST /token': (_req, res) => {
        res.writeHead(503, { 'content-type': 'application/json' }).end('{"detail":"maintenance"}')
      },
    })
    const errors = await Promise.all(
      [tokens.getAccessToken(), tokens.getAccessToken()].map((p) => p.catch((e) => e)),
    )
    expect(errors.every((e) => isServerError(e))).toBe(true)
    // A server outage is not a refused token: the credentials stay.
    expect(await tokens.hasCredentials()).toBe(true)
    expect(errors[0]).toBe(errors[1]) // the same single-flight failure reached both callers
    expect(original.requestsTo('/token')).toHaveLength(1)
    await tokens.getAccessToken().catch(() => {})
    expect(original.requestsTo('/token')).toHaveLength(2)
  })

  it('keeps the credentials on a 5xx whose body says invalid_grant (a server fault, not a refused token)', async () => {
    const { idp, storage, tokens, tick } = await setup()
    tick(7200_000)
    const before = await storage.load()
    for (const [status, error] of [
      [500, 'invalid_grant'],
      [503, 'invalid_grant'],
      [502, 'refresh_token_reused'],
    ] as const) {
      idp.server.setHandler({ 'POST /token': json(status, { error, error_description: 'database down' }) })
      const failure = await tokens.getAccessToken().catch((e) => e)
      expect(isServerError(failure), `${status} ${error}`).toBe(true)
      expect(isTokenRefreshError(failure)).toBe(false)
      expect(failure.status).toBe(status)
      expect(failure.message).toMatch(/identity service failed/)
      expect(await storage.load()).toEqual(before)
    }
    // A 429 is the server asking to wait, not a refusal either.
    idp.server.setHandler({ 'POST /token': json(429, { error: 'invalid_grant' }) })
    expect(isTokenRefreshError(await tokens.getAccessToken().catch((e) => e))).toBe(false)
    expect(await storage.load()).toEqual(before)
    // The same error code on a 400 is a refused token, which signs out.
    idp.server.setHandler({ 'POST /token': json(400, { error: 'invalid_grant' }) })
    expect(isRefreshTokenExpiredError(await tokens.getAccessToken().catch((e) => e))).toBe(true)
    expect(await storage.load()).toBeNull()
  })

  it('refresh() forces a refresh even when the token is fresh', async () => {
    const { idp, tokens } = await setup()
    const next = await tokens.refresh()
    expect(next.access_token).toBe('at-2')
    expect(idp.refreshes()).toHaveLength(1)
  })

  it('uses a token another process already refreshed instead of spending the refresh token again', async () => {
    const { idp, storage, tokens, tick } = await setup()
    tick(7200_000)
    // Another manager on the same storage refreshes first.
    const other = new TokenManager({ storage, identityBaseUrl: idp.url, now: () => T0 + 7200_000 })
    expect((await other.getAccessToken())?.token).toBe('at-2')
    expect((await tokens.getAccessToken())?.token).toBe('at-2')
    expect(idp.refreshes()).toHaveLength(1)
  })

  it('plugs into AmigoClient-style apiKey getters', async () => {
    const { tokens, tick } = await setup()
    const apiKey = tokens.asApiKey()
    expect(typeof apiKey).toBe('function')
    expect(await apiKey()).toBe('initial-at')
    tick(7200_000)
    expect(await apiKey()).toBe('at-2')
  })

  it('answers null when nothing is stored, and says why when nothing usable is', async () => {
    const empty = new TokenManager({ storage: new MemoryTokenStorage() })
    expect(await empty.getAccessToken()).toBeNull()
    expect(await empty.hasCredentials()).toBe(false)
    // The apiKey getter must hand a client a string, so it throws instead.
    expect(
      isNotSignedInError(
        await empty
          .asApiKey()()
          .catch((e) => e),
      ),
    ).toBe(true)
    expect(isNotSignedInError(await empty.refresh().catch((e) => e))).toBe(true)

    const storage = new MemoryTokenStorage()
    await storage.save({ access_token: 'a', refresh_token: '', expires_at: 0, workspace_id: 'w' })
    const noRefresh = await new TokenManager({ storage }).getAccessToken().catch((e) => e)
    expect(isRefreshTokenExpiredError(noRefresh)).toBe(true)
    expect(noRefresh.message).toMatch(/no refresh token/)
    // Run out with nothing to renew it: signed out, as the README says.
    expect(await storage.load()).toBeNull()
  })

  it('a token inside its margin with no refresh token stays stored (a forced refresh too)', async () => {
    const storage = new MemoryTokenStorage()
    const creds = { access_token: 'a', refresh_token: '', expires_at: T0s + 30, workspace_id: 'w' }
    await storage.save(creds)
    const tokens = new TokenManager({ storage, now: () => T0s * 1000, refreshMarginMs: 60_000 })
    expect(isRefreshTokenExpiredError(await tokens.getAccessToken().catch((e) => e))).toBe(true)
    expect(isRefreshTokenExpiredError(await tokens.refresh().catch((e) => e))).toBe(true)
    expect(await storage.load()).toEqual(creds)
  })

  for (const [name, expiresAt] of [
    ['in milliseconds (an hour ago)', T0 - 3600_000],
    ['absurd (1e300)', 1e300],
  ] as const) {
    it(`a stored expires_at ${name} reads as expired: the token is refreshed, never handed out`, async () => {
      server = await startIdentityServer()
      const storage = new MemoryTokenStorage()
      const refreshToken = server.issueRefreshToken('ws-1')
      await storage.save({
        access_token: 'old-at',
        refresh_token: refreshToken,
        expires_at: expiresAt,
        workspace_id: 'ws-1',
        identity_base_url: server.url,
      })
      const tokens = new TokenManager({ storage, now: () => T0 })
      expect((await tokens.load())?.expires_at).toBe(0)
      const auth = await tokens.getAccessToken()
      expect(auth?.token).not.toBe('old-at')
      expect(server.refreshes().map((r) => r.form.refresh_token)).toEqual([refreshToken])
    })
  }

  it('store() keeps the credentials of a login result in the official snake_case shape', async () => {
    const storage = new MemoryTokenStorage()
    const tokens = new TokenManager({ storage })
    await tokens.store({
      accessToken: 'a',
      refreshToken: '',
      expiresAt: T0s,
      workspaceId: 'w',
      scope: 'all',
      tokenType: 'Bearer',
      identityBaseUrl: 'http://127.0.0.1:1',
      raw: { access_token: 'a', token_type: 'Bearer', expires_in: 1 },
    } as AuthResult)
    expect(await storage.load()).toEqual({
      access_token: 'a',
      refresh_token: '',
      expires_at: T0s,
      workspace_id: 'w',
      scope: 'all',
      token_type: 'Bearer',
      identity_base_url: 'http://127.0.0.1:1',
    })
  })

  it('store() refuses incomplete results and expiresAt in milliseconds, without echoing values', async () => {
    const tokens = new TokenManager({ storage: new MemoryTokenStorage() })
    const incomplete = { accessToken: 'secret-value', refreshToken: '', expiresAt: 1 } as AuthResult
    const bad = await tokens.store(incomplete).catch((e) => e)
    expect(isConfigurationError(bad)).toBe(true)
    expect(bad.message).toMatch(/workspaceId/)
    expect(bad.message).not.toContain('secret-value')
    const ms = await tokens
      .store({ accessToken: 'a', refreshToken: '', workspaceId: 'w', expiresAt: Date.now() })
      .catch((e) => e)
    expect(isConfigurationError(ms)).toBe(true)
    expect(ms.message).toMatch(/expiresAt is in milliseconds/)
    expect(await tokens.hasCredentials()).toBe(false)
  })

  it('clear() removes the stored credentials', async () => {
    const { tokens, storage } = await setup()
    await tokens.clear()
    expect(await storage.load()).toBeNull()
    expect(await tokens.getAccessToken()).toBeNull()
  })

  it('reports a custom storage that returns unusable credentials, naming the fields', async () => {
    const broken = {
      load: async () => ({ access_token: 'secret-value', expires_at: 'soon' }),
      save: async () => {},
      clear: async () => {},
    }
    // A storage written for the official SDK's TokenStorage contract (no profile, no lock).
    const tokens = new TokenManager({ storage: broken as never })
    const error = await tokens.getAccessToken().catch((e) => e)
    expect(isTokenStorageError(error)).toBe(true)
    expect(error.message).toMatch(/workspace_id, expires_at/)
    expect(error.message).not.toContain('secret-value')
  })

  it('validates its options', () => {
    const wrong: [unknown, RegExp][] = [
      ['storage', /options object/],
      [{ storage: null }, /storage must have load, save and clear/],
      [{ storage: { load: () => null } }, /storage must have load, save and clear/],
      [{ storage: new MemoryTokenStorage(), refreshMarginMs: -1 }, /refreshMarginMs/],
      [{ storage: new MemoryTokenStorage(), identityBaseUrl: 'nope' }, /identityBaseUrl/],
    ]
    for (const [config, message] of wrong) {
      expect(() => new TokenManager(config as never), String(message)).toThrow(message)
    }
  })

  it('keeps profiles apart', async () => {
    const storage = new MemoryTokenStorage()
    const work = new TokenManager({ storage, profile: 'work' })
    const home = new TokenManager({ storage, profile: 'home' })
    const expiresAt = Math.floor(Date.now() / 1000) + 3600
    await work.store({ accessToken: 'w', refreshToken: '', expiresAt, workspaceId: 'w' })
    await home.store({ accessToken: 'h', refreshToken: '', expiresAt, workspaceId: 'h' })
    expect(await work.getAccessToken()).toEqual({ token: 'w', workspaceId: 'w' })
    expect(await home.getAccessToken()).toEqual({ token: 'h', workspaceId: 'h' })
    expect(await storage.load()).toBeNull()
  })
})

describe('TokenManager timeouts', () => {
  it('fails a hung refresh with RequestTimeoutError instead of hanging, and clears the single flight', async () => {
    const { isRequestTimeoutError } = await import('@amigo-ai/core')
    const { idp, storage, stored } = await setup()
    idp.server.setHandler({ 'POST /token': () => {} }) // never answers
    await storage.save({ ...stored, expires_at: 0 })
    let attempts = 0
    const counting: typeof fetch = (input, init) => {
      attempts++
      return fetch(input, init)
    }
    const tokens = new TokenManager({
      storage,
      identityBaseUrl: idp.url,
      requestTimeoutMs: 200,
      fetch: counting,
    })
    const started = Date.now()
    const error = await tokens.getAccessToken().catch((e) => e)
    expect(isRequestTimeoutError(error)).toBe(true)
    expect(Date.now() - started).toBeLessThan(2000)
    const again = await tokens.getAccessToken().catch((e) => e)
    expect(isRequestTimeoutError(again)).toBe(true)
    // The failed flight was cleared: the second call sent its own request.
    expect(attempts).toBe(2)
  })
})

describe('several managers sharing one storage', () => {
  it('MemoryTokenStorage: two managers, 50 callers each, one refresh', async () => {
    const { idp, storage, tick } = await setup({ refreshDelayMs: 20 })
    tick(7200_000)
    const now = () => T0 + 7200_000
    const a = new TokenManager({ storage, identityBaseUrl: idp.url, now })
    const b = new TokenManager({ storage, identityBaseUrl: idp.url, now })
    const results = await Promise.all(
      [a, b].flatMap((m) => Array.from({ length: 50 }, () => m.getAccessToken())),
    )
    expect(new Set(results.map((r) => r?.token))).toEqual(new Set(['at-2']))
    expect(idp.refreshes()).toHaveLength(1)
  })

  it('one FileTokenStorage instance shared by two managers still serialises their refreshes', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'amigo-shared-'))
    try {
      const { idp } = await setup({ refreshDelayMs: 50 })
      const storage = new FileTokenStorage({ directory })
      await storage.save({
        access_token: 'old',
        refresh_token: idp.issueRefreshToken('ws-1'),
        expires_at: 0,
        workspace_id: 'ws-1',
      })
      const a = new TokenManager({ storage, identityBaseUrl: idp.url })
      const b = new TokenManager({ storage, identityBaseUrl: idp.url })
      const results = await Promise.all([a.getAccessToken(), b.getAccessToken(), a.getAccessToken()])
      // setup() already issued two tokens on this server, so the refresh returns at-3.
      expect(results.map((r) => r?.token)).toEqual(['at-3', 'at-3', 'at-3'])
      expect(idp.refreshes()).toHaveLength(1)
    } finally {
      rmSync(directory, { recursive: true, force: true })
    }
  })
})

describe('TokenManager without a storage', () => {
  it('keeps credentials in a file at the default location, as the official SDK does', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'amigo-default-'))
    vi.stubEnv('AMIGO_CONFIG_DIR', directory)
    try {
      const expiresAt = Math.floor(Date.now() / 1000) + 3600
      await new TokenManager().store({ accessToken: 'a', refreshToken: 'r', workspaceId: 'w', expiresAt })
      const file = join(directory, 'credentials.json')
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
        access_token: 'a',
        refresh_token: 'r',
        workspace_id: 'w',
        expires_at: expiresAt,
      })
      // A later run finds them.
      expect(await new TokenManager().getAccessToken()).toEqual({ token: 'a', workspaceId: 'w' })
      expect(new FileTokenStorage().path).toBe(file)
    } finally {
      vi.unstubAllEnvs()
      rmSync(directory, { recursive: true, force: true })
    }
  })
})

describe('TokenManager on a clock running ahead of the identity service', () => {
  it('a refreshed token whose JWT exp is already past by this clock is used, not refreshed on every call', async () => {
    const jwt = (exp: number) =>
      `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ exp })).toString('base64url')}.sig`
    let refreshes = 0
    const idp = await startTestServer((_req, res) => {
      refreshes++
      // No expires_in: the JWT's exp (an hour from the service's own clock) is all it says.
      sendJson(res, 200, {
        access_token: jwt(T0s + 3600),
        token_type: 'Bearer',
        refresh_token: `rt-${refreshes}`,
      })
    })
    try {
      const storage = new MemoryTokenStorage()
      await storage.save({ access_token: 'old', refresh_token: 'rt-0', expires_at: 0, workspace_id: 'w' })
      // Two hours ahead of the service.
      const tokens = new TokenManager({ storage, identityBaseUrl: idp.url, now: () => T0 + 7_200_000 })
      for (let i = 0; i < 4; i++) await tokens.getAccessToken()
      expect(refreshes).toBe(1)
    } finally {
      await idp.close()
    }
  })
})
