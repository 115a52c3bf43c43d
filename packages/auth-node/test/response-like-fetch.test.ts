// Users' own tests stub `fetch` with a minimal object, as `vi.fn().mockResolvedValue(...)` makes it:
// `{ status, ok, headers, json() }`, often without `text()`, sometimes without `headers.get` or
// headers at all. Every identity request of this package (device code, polling, refresh, profile)
// reads such stubs; a stub that cannot work fails with a message saying what it lacks.
import { isConfigurationError, isNetworkError, isRateLimitError, isServerError } from '@amigo-ai/core'
import { describe, expect, it, vi } from 'vitest'
import {
  type DeviceCodeLoginOptions,
  isRefreshTokenExpiredError,
  loginWithDeviceCode,
  MemoryTokenStorage,
  TokenManager,
} from '../src/index'

type Stub = { status: number; body?: unknown; headers?: unknown; noJson?: boolean }

/** A fetch answering each call with the next stub (the last one repeats), like users write them. */
function stubFetch(answers: Stub[]) {
  let i = 0
  return vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => {
    const a = answers[Math.min(i++, answers.length - 1)] as Stub
    const response: Record<string, unknown> = { status: a.status, ok: a.status >= 200 && a.status < 300 }
    if (a.headers !== null) response.headers = a.headers ?? new Headers()
    if (!a.noJson) response.json = vi.fn().mockResolvedValue(a.body)
    return response as unknown as Response
  })
}

const ISSUANCE = {
  device_code: 'dc-1',
  user_code: 'ABCD-EFGH',
  verification_uri: 'https://login.test/device',
  verification_uri_complete: 'https://login.test/device?user_code=ABCD-EFGH',
  expires_in: 900,
  interval: 0.01,
}
const jwt = (claims: Record<string, unknown>) =>
  `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`

const login = (fetch: typeof globalThis.fetch, extra: Partial<DeviceCodeLoginOptions> = {}) =>
  loginWithDeviceCode({
    identityBaseUrl: 'https://id.test',
    onCode: () => {},
    onWorkspaceRequired: vi.fn(),
    fetch,
    ...extra,
  })

describe('loginWithDeviceCode with stubbed fetches', () => {
  it('signs in through json()-only stubs and sends form posts with redirect: manual', async () => {
    const token = { access_token: jwt({ workspace_id: 'ws-1' }), token_type: 'Bearer', expires_in: 600 }
    const fetch = stubFetch([
      { status: 200, body: ISSUANCE },
      { status: 400, body: { error: 'authorization_pending' } },
      { status: 200, body: { ...token, refresh_token: 'rt-1', scope: 'all' } },
    ])
    const before = Math.floor(Date.now() / 1000)
    const result = await login(fetch, { clientDescription: 'stub test' })
    expect(result).toMatchObject({ workspaceId: 'ws-1', refreshToken: 'rt-1', scope: 'all' })
    expect(result.expiresAt).toBeGreaterThanOrEqual(before + 600)
    expect(result.expiresAt).toBeLessThan(before + 700)
    const [url, init] = fetch.mock.calls[0] ?? []
    expect(String(url)).toBe('https://id.test/device/code')
    expect(init?.redirect).toBe('manual')
    expect(init?.body).toBe('client_description=stub+test')
    expect(fetch.mock.calls.map(([, i]) => i?.redirect)).toEqual(['manual', 'manual', 'manual'])
  })

  it('hands onWorkspaceRequired the workspace array exactly as the HTTP 300 answer had it', async () => {
    const workspaces = [
      { workspace_id: 'ws-a', name: 'Alpha', role: 'admin', region: 'eu' },
      { workspace_id: 'ws-b' },
    ]
    const fetch = stubFetch([
      { status: 200, body: ISSUANCE },
      { status: 300, body: { error: 'workspace_selection_required', workspaces, refresh_token: 'rt-boot' } },
      {
        status: 200,
        body: { access_token: jwt({ workspace_id: 'ws-b' }), token_type: 'Bearer', expires_in: 60 },
      },
    ])
    const choose = vi.fn().mockResolvedValue('ws-b')
    const result = await login(fetch, { onWorkspaceRequired: choose })
    expect(choose).toHaveBeenCalledTimes(1)
    expect(choose).toHaveBeenCalledWith(workspaces)
    expect(result.workspaceId).toBe('ws-b')
    expect(fetch.mock.calls[2]?.[1]?.body).toBe(
      'grant_type=refresh_token&refresh_token=rt-boot&workspace_id=ws-b',
    )
  })

  it('reads the workspace from GET /self/profile through a stub when the token names none', async () => {
    const fetch = stubFetch([
      { status: 200, body: ISSUANCE },
      { status: 200, body: { access_token: 'opaque', expires_in: 60 } },
      { status: 200, body: { workspaces: [{ workspace_id: 'ws-p' }] } },
    ])
    expect((await login(fetch)).workspaceId).toBe('ws-p')
    expect(String(fetch.mock.calls[2]?.[0])).toBe('https://id.test/self/profile')
  })

  it('turns a 429 into core RateLimitError, reading Retry-After from Headers, plain objects or get()', async () => {
    for (const headers of [
      new Headers({ 'Retry-After': '30' }),
      { 'retry-after': '30' },
      { get: (name: string) => (name === 'retry-after' ? '30' : null) },
    ]) {
      const error = await login(stubFetch([{ status: 429, body: { error: 'slow_down' }, headers }])).catch(
        (e) => e,
      )
      expect(isRateLimitError(error)).toBe(true)
      expect(error.retryAfter).toBe(30)
    }
  })

  it('works with stubs that have no headers at all', async () => {
    const fetch = stubFetch([
      { status: 200, body: ISSUANCE, headers: null },
      { status: 200, body: { access_token: jwt({ workspace_id: 'w' }) }, headers: null },
    ])
    expect((await login(fetch)).workspaceId).toBe('w')
  })

  it('treats a json() that rejects with SyntaxError as an empty body', async () => {
    const fetch = vi.fn().mockResolvedValue({
      status: 502,
      ok: false,
      headers: new Headers(),
      json: () => Promise.reject(new SyntaxError('Unexpected end of JSON input')),
    })
    const error = await login(fetch).catch((e) => e)
    expect(isServerError(error)).toBe(true)
    expect(error.status).toBe(502)
  })

  it('says what a stub lacks instead of "Could not reach the identity service"', async () => {
    const cases: [unknown, RegExp][] = [
      [
        { status: 200, ok: true, headers: new Headers() },
        /\/device\/code with an object without text\(\) or json\(\)/,
      ],
      [{ ok: true, json: async () => ISSUANCE }, /without a numeric status/],
      [undefined, /answered \/device\/code with undefined, not a Response/],
    ]
    for (const [answer, message] of cases) {
      const error = await login(vi.fn().mockResolvedValue(answer)).catch((e) => e)
      expect(isConfigurationError(error)).toBe(true)
      expect(error.message).toMatch(message)
      expect(error.message).not.toMatch(/Could not reach/)
    }
  })

  it('reports a fetch that rejects as core NetworkError', async () => {
    const error = await login(vi.fn().mockRejectedValue(new TypeError('fetch failed'))).catch((e) => e)
    expect(isNetworkError(error)).toBe(true)
    expect(error.cause).toBeInstanceOf(TypeError)
  })
})

describe('TokenManager with stubbed fetches', () => {
  const expiring = () => ({
    accessToken: 'old',
    refreshToken: 'rt-old',
    workspaceId: 'ws-1',
    expiresAt: Math.floor(Date.now() / 1000) + 30,
  })

  it('refreshes an expiring token through a json()-only stub', async () => {
    const fetch = stubFetch([
      {
        status: 200,
        body: { access_token: 'new', token_type: 'Bearer', expires_in: 900, refresh_token: 'rt-new' },
      },
    ])
    const tokens = new TokenManager({
      storage: new MemoryTokenStorage(),
      identityBaseUrl: 'https://id.test',
      fetch,
    })
    await tokens.store(expiring())
    expect(await tokens.getAccessToken()).toEqual({ token: 'new', workspaceId: 'ws-1' })
    expect(fetch.mock.calls[0]?.[1]?.body).toBe(
      'grant_type=refresh_token&refresh_token=rt-old&workspace_id=ws-1',
    )
    expect((await tokens.load())?.refresh_token).toBe('rt-new')
  })

  it('a 401 invalid_grant is RefreshTokenExpiredError and signs out', async () => {
    const storage = new MemoryTokenStorage()
    const fetch = stubFetch([{ status: 401, body: { error: 'invalid_grant' } }])
    const tokens = new TokenManager({ storage, identityBaseUrl: 'https://id.test', fetch })
    await tokens.store(expiring())
    const error = await tokens.getAccessToken().catch((e) => e)
    expect(isRefreshTokenExpiredError(error)).toBe(true)
    expect(error.errorCode).toBe('refresh_token_expired')
    expect(await tokens.hasCredentials()).toBe(false)
    expect(await storage.load()).toBeNull()
  })

  it('a stub without json() or text() is a ConfigurationError, and the credentials stay', async () => {
    const tokens = new TokenManager({
      storage: new MemoryTokenStorage(),
      identityBaseUrl: 'https://id.test',
      fetch: vi.fn().mockResolvedValue({ status: 200, ok: true }),
    })
    await tokens.store(expiring())
    const error = await tokens.getAccessToken().catch((e) => e)
    expect(isConfigurationError(error)).toBe(true)
    expect(error.message).toMatch(/\/token with an object without text\(\) or json\(\)/)
    expect(await tokens.hasCredentials()).toBe(true)
  })
})
