import { isConfigurationError, isServerError } from '@amigo-ai/core'
import { type IdentityServer, startIdentityServer } from '@amigo-ai/test-server'
import { afterEach, describe, expect, it } from 'vitest'
import {
  isNotSignedInError,
  isRefreshTokenExpiredError,
  isRefreshTokenReusedError,
  isTokenRefreshError,
  MemoryTokenStorage,
  RefreshTokenReusedError,
  type StoredCredentials,
  TokenManager,
  TokenRefreshError,
} from '../src/index'

let server: IdentityServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const T0 = Date.UTC(2026, 0, 1)

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
  const creds: StoredCredentials = {
    accessToken: 'initial-at',
    refreshToken: server.issueRefreshToken('ws-1'),
    expiresAt: T0 + (opts.expiresInMs ?? 3600_000),
    workspaceId: 'ws-1',
    tokenType: 'Bearer',
  }
  await tokens.store(creds)
  return { idp: server, storage, tokens, creds, tick: (ms: number) => (now += ms), now: () => now }
}

describe('TokenManager', () => {
  it('returns the stored token while it is fresh, without any request', async () => {
    const { idp, tokens } = await setup()
    expect(await tokens.getAccessToken()).toBe('initial-at')
    expect(idp.calls).toHaveLength(0)
  })

  it('refreshes inside the margin (default 60 s), rotates the refresh token and saves it', async () => {
    const { idp, tokens, storage, creds, tick, now } = await setup()
    tick(3600_000 - 59_000) // 59 s left: inside the 60 s margin
    expect(await tokens.getAccessToken()).toBe('at-2')
    const [call] = idp.refreshes()
    expect(call?.form).toEqual({
      grant_type: 'refresh_token',
      refresh_token: creds.refreshToken,
      workspace_id: 'ws-1',
    })
    expect(call?.headers['content-type']).toBe('application/x-www-form-urlencoded')
    const saved = await storage.load()
    expect(saved).toMatchObject({ accessToken: 'at-2', refreshToken: 'rt-2', workspaceId: 'ws-1' })
    expect(saved?.expiresAt).toBe(now() + 3600_000)
    // Fresh again: no further request.
    expect(await tokens.getAccessToken()).toBe('at-2')
    expect(idp.refreshes()).toHaveLength(1)
  })

  it('does not refresh 61 s before expiry with the default margin', async () => {
    const { idp, tokens, tick } = await setup()
    tick(3600_000 - 61_000)
    expect(await tokens.getAccessToken()).toBe('initial-at')
    expect(idp.refreshes()).toHaveLength(0)
  })

  it('makes exactly one refresh request for 100 concurrent callers on an expired token', async () => {
    const { idp, tokens, tick } = await setup({ refreshDelayMs: 20 })
    tick(7200_000)
    const results = await Promise.all(Array.from({ length: 100 }, () => tokens.getAccessToken()))
    expect(idp.refreshes()).toHaveLength(1)
    expect(new Set(results)).toEqual(new Set(['at-2']))
  })

  it('reports a reused refresh token as RefreshTokenReusedError, distinct from expiry', async () => {
    const { idp, tokens, storage, creds, tick } = await setup()
    tick(7200_000)
    await tokens.getAccessToken() // spends creds.refreshToken
    // Put the spent refresh token back, as a stale copy elsewhere would.
    await storage.save({ ...creds, expiresAt: 0 })
    const other = new TokenManager({ storage, identityBaseUrl: idp.url, now: () => T0 + 7200_000 })
    const error = await other.getAccessToken().catch((e) => e)
    expect(error).toBeInstanceOf(RefreshTokenReusedError)
    expect(error).toBeInstanceOf(TokenRefreshError)
    expect(isRefreshTokenReusedError(error)).toBe(true)
    expect(isRefreshTokenExpiredError(error)).toBe(false)
    expect(error.status).toBe(400)
    expect(error.errorCode).toBe('invalid_grant')
    expect(error.message).not.toContain(creds.refreshToken)
  })

  it('reports an unknown or expired refresh token as RefreshTokenExpiredError', async () => {
    const { idp, storage, creds } = await setup()
    await storage.save({ ...creds, refreshToken: 'never-issued', expiresAt: 0 })
    const tokens = new TokenManager({ storage, identityBaseUrl: idp.url })
    const error = await tokens.getAccessToken().catch((e) => e)
    expect(isRefreshTokenExpiredError(error)).toBe(true)
    expect(isRefreshTokenReusedError(error)).toBe(false)
    expect(isTokenRefreshError(error)).toBe(true)
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
    expect(errors[0]).toBe(errors[1]) // the same single-flight failure reached both callers
    expect(original.requestsTo('/token')).toHaveLength(1)
    await tokens.getAccessToken().catch(() => {})
    expect(original.requestsTo('/token')).toHaveLength(2)
  })

  it('refresh() forces a refresh even when the token is fresh', async () => {
    const { idp, tokens } = await setup()
    const next = await tokens.refresh()
    expect(next.accessToken).toBe('at-2')
    expect(idp.refreshes()).toHaveLength(1)
  })

  it('uses a token another process already refreshed instead of spending the refresh token again', async () => {
    const { idp, storage, tokens, tick } = await setup()
    tick(7200_000)
    // Another manager on the same storage refreshes first.
    const other = new TokenManager({ storage, identityBaseUrl: idp.url, now: () => T0 + 7200_000 })
    expect(await other.getAccessToken()).toBe('at-2')
    expect(await tokens.getAccessToken()).toBe('at-2')
    expect(idp.refreshes()).toHaveLength(1)
  })

  it('plugs into AmigoClient-style apiKey getters', async () => {
    const { tokens, tick } = await setup()
    const apiKey = tokens.asApiKey()
    expect(typeof apiKey).toBe('function')
    expect(await apiKey()).toBe('initial-at')
    tick(7200_000)
    expect(await tokens.apiKeyGetter()()).toBe('at-2')
  })

  it('says clearly when there is nothing to use', async () => {
    const empty = new TokenManager({ storage: new MemoryTokenStorage() })
    const none = await empty.getAccessToken().catch((e) => e)
    expect(isNotSignedInError(none)).toBe(true)

    const storage = new MemoryTokenStorage()
    await storage.save({ accessToken: 'a', expiresAt: 0, workspaceId: 'w', tokenType: 'Bearer' })
    const noRefresh = await new TokenManager({ storage }).getAccessToken().catch((e) => e)
    expect(isNotSignedInError(noRefresh)).toBe(true)
    expect(noRefresh.message).toMatch(/refresh token/)
  })

  it('store() accepts a login result, drops raw, and refuses incomplete credentials', async () => {
    const storage = new MemoryTokenStorage()
    const tokens = new TokenManager({ storage })
    await tokens.store({
      accessToken: 'a',
      expiresAt: T0,
      workspaceId: 'w',
      tokenType: 'Bearer',
      identityBaseUrl: 'http://127.0.0.1:1',
      raw: { access_token: 'a', token_type: 'Bearer', expires_in: 1 },
    })
    expect(await storage.load()).toEqual({
      accessToken: 'a',
      expiresAt: T0,
      workspaceId: 'w',
      tokenType: 'Bearer',
      identityBaseUrl: 'http://127.0.0.1:1',
    })
    const incomplete = { accessToken: 'secret-value', expiresAt: 1, tokenType: 'Bearer' } as StoredCredentials
    const bad = await tokens.store(incomplete).catch((e) => e)
    expect(isConfigurationError(bad)).toBe(true)
    expect(bad.message).toMatch(/workspaceId/)
    expect(bad.message).not.toContain('secret-value')
  })

  it('clear() removes the stored credentials', async () => {
    const { tokens, storage } = await setup()
    await tokens.clear()
    expect(await storage.load()).toBeUndefined()
    expect(isNotSignedInError(await tokens.getAccessToken().catch((e) => e))).toBe(true)
  })

  it('validates its options', () => {
    // @ts-expect-error: storage required
    expect(() => new TokenManager({})).toThrow(/storage/)
    expect(() => new TokenManager({ storage: new MemoryTokenStorage(), refreshMarginMs: -1 })).toThrow(
      /refreshMarginMs/,
    )
    expect(() => new TokenManager({ storage: new MemoryTokenStorage(), identityBaseUrl: 'nope' })).toThrow(
      /identityBaseUrl/,
    )
  })

  it('keeps profiles apart', async () => {
    const storage = new MemoryTokenStorage()
    const work = new TokenManager({ storage, profile: 'work' })
    const home = new TokenManager({ storage, profile: 'home' })
    await work.store({
      accessToken: 'w',
      expiresAt: Date.now() + 3600_000,
      workspaceId: 'w',
      tokenType: 'Bearer',
    })
    await home.store({
      accessToken: 'h',
      expiresAt: Date.now() + 3600_000,
      workspaceId: 'h',
      tokenType: 'Bearer',
    })
    expect(await work.getAccessToken()).toBe('w')
    expect(await home.getAccessToken()).toBe('h')
    expect(await storage.load()).toBeUndefined()
  })
})

describe('TokenManager timeouts', () => {
  it('fails a hung refresh with RequestTimeoutError instead of hanging, and clears the single flight', async () => {
    const { isRequestTimeoutError } = await import('@amigo-ai/core')
    const { idp, storage, creds } = await setup()
    idp.server.setHandler({ 'POST /token': () => {} }) // never answers
    await storage.save({ ...creds, expiresAt: 0 })
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

it('store() accepts expiresAt as a Date or an ISO string', async () => {
  const storage = new MemoryTokenStorage()
  const tokens = new TokenManager({ storage })
  const when = new Date(Date.UTC(2030, 0, 1))
  await tokens.store({
    accessToken: 'a',
    expiresAt: when as unknown as number,
    workspaceId: 'w',
    tokenType: 'Bearer',
  })
  expect((await storage.load())?.expiresAt).toBe(when.getTime())
  await tokens.store({
    accessToken: 'a',
    expiresAt: when.toISOString() as unknown as number,
    workspaceId: 'w',
    tokenType: 'Bearer',
  })
  expect((await storage.load())?.expiresAt).toBe(when.getTime())
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
    expect(new Set(results)).toEqual(new Set(['at-2']))
    expect(idp.refreshes()).toHaveLength(1)
  })

  it('one FileTokenStorage instance shared by two managers still serialises their refreshes', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const { FileTokenStorage } = await import('../src/index')
    const directory = mkdtempSync(join(tmpdir(), 'amigo-shared-'))
    try {
      const { idp } = await setup({ refreshDelayMs: 50 })
      const storage = new FileTokenStorage({ directory })
      await storage.save({
        accessToken: 'old',
        refreshToken: idp.issueRefreshToken('ws-1'),
        expiresAt: 0,
        workspaceId: 'ws-1',
        tokenType: 'Bearer',
      })
      const a = new TokenManager({ storage, identityBaseUrl: idp.url })
      const b = new TokenManager({ storage, identityBaseUrl: idp.url })
      const results = await Promise.all([a.getAccessToken(), b.getAccessToken(), a.getAccessToken()])
      // setup() already issued two tokens on this server, so the refresh returns at-3.
      expect(results).toEqual(['at-3', 'at-3', 'at-3'])
      expect(idp.refreshes()).toHaveLength(1)
    } finally {
      rmSync(directory, { recursive: true, force: true })
    }
  })
})
