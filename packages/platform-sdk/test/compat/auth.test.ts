// Sign-in code written for the official single-package SDK 0.46, run unchanged against the umbrella:
// the device-code login, TokenManager, the token storages and the format helpers, called with
// official-shaped arguments, against the local platform (which serves the identity routes) and with
// fetch stubs of the `{ status, ok, headers, json() }` kind users write in their own tests.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type MockPlatform, startMockPlatform } from '@amigo-ai/platform-mock'
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest'
import {
  AmigoClient,
  AmigoError,
  type AuthResult,
  DeviceCodeDeniedError,
  DeviceCodeExpiredError,
  type DeviceCodeIssuance,
  type DeviceCodeStatus,
  FileTokenStorage,
  formatDeviceCodeInstructions,
  formatDeviceCodeLink,
  formatWorkspaceList,
  isDeviceCodeDeniedError,
  isLoginCancelledError,
  LoginCancelledError,
  loginWithDeviceCode,
  MemoryTokenStorage,
  NetworkError,
  RateLimitError,
  RefreshTokenExpiredError,
  type StoredCredentials,
  TokenManager,
  type TokenStorage,
  type WorkspaceChoice,
} from '../../src/index'

let mock: MockPlatform
let dir: string
beforeEach(async () => {
  mock = await startMockPlatform({ deviceCodeIntervalSeconds: 0.02 })
  dir = mkdtempSync(join(tmpdir(), 'amigo-compat-auth-'))
})
afterEach(async () => {
  await mock.close()
  rmSync(dir, { recursive: true, force: true })
})

/** A storage written against the official `TokenStorage` contract: no profile, no lock. */
class JsonFileStorage implements TokenStorage {
  constructor(private readonly file: string) {}
  async load(): Promise<StoredCredentials | null> {
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as StoredCredentials
    } catch {
      return null
    }
  }
  async save(credentials: StoredCredentials): Promise<void> {
    writeFileSync(this.file, JSON.stringify(credentials))
  }
  async clear(): Promise<void> {
    rmSync(this.file, { force: true })
  }
}

describe('loginWithDeviceCode against the local platform', () => {
  it('runs the official flow: onCode, onStatus, onWorkspaceRequired, then TokenManager and AmigoClient', async () => {
    const second = 'ws-second'
    const statuses: DeviceCodeStatus[] = []
    const offered: WorkspaceChoice[][] = []
    let userCode = ''
    const result = await loginWithDeviceCode({
      identityBaseUrl: mock.url,
      clientDescription: 'compat test',
      onCode: (issuance: DeviceCodeIssuance) => {
        expect(formatDeviceCodeInstructions(issuance)).toContain(issuance.user_code)
        expect(formatDeviceCodeLink(issuance)).toContain(`\u001b]8;;${issuance.verification_uri_complete}`)
        userCode = issuance.user_code
      },
      // The user approves once a poll has been told to wait: the flow is seen pending, then approved,
      // however slowly the polls come.
      onStatus: (status) => {
        statuses.push(status)
        if (status === 'authorization_pending' && statuses.indexOf(status) === statuses.length - 1)
          mock.approveDeviceCode(userCode, { workspaces: [mock.workspaceId, second] })
      },
      onWorkspaceRequired: async (workspaces) => {
        offered.push(workspaces)
        expect(formatWorkspaceList(workspaces)).toContain(`1. `)
        return mock.workspaceId
      },
    })
    expect(offered.map((list) => list.map((w) => w.workspace_id))).toEqual([[mock.workspaceId, second]])
    expect(statuses[0]).toBe('polling')
    expect(statuses).toContain('authorization_pending')
    expect(statuses.at(-1)).toBe('approved')
    expectTypeOf(result).toMatchTypeOf<AuthResult>()
    expect(result.workspaceId).toBe(mock.workspaceId)
    expect(result.refreshToken).not.toBe('')
    // Seconds since the epoch, as the official SDK returns it.
    const nowS = Date.now() / 1000
    expect(result.expiresAt).toBeGreaterThan(nowS)
    expect(result.expiresAt).toBeLessThan(nowS + 24 * 3600)

    const tokens = new TokenManager({ storage: new FileTokenStorage(join(dir, 'credentials.json')) })
    await tokens.store(result)
    const stored = JSON.parse(readFileSync(join(dir, 'credentials.json'), 'utf8'))
    expect(stored).toMatchObject({
      access_token: result.accessToken,
      refresh_token: result.refreshToken,
      workspace_id: mock.workspaceId,
      expires_at: result.expiresAt,
    })
    const later = new TokenManager({ storage: new FileTokenStorage(join(dir, 'credentials.json')) })
    expect(await later.hasCredentials()).toBe(true)
    const auth = await later.getAccessToken()
    expect(auth).toEqual({ token: result.accessToken, workspaceId: mock.workspaceId })
    const client = new AmigoClient({ apiKey: auth!.token, workspaceId: auth!.workspaceId, baseUrl: mock.url })
    expect((await client.agents.list({ limit: 1 })).items).toBeInstanceOf(Array)
  })

  it('ends with DeviceCodeDeniedError, DeviceCodeExpiredError or LoginCancelledError', async () => {
    const run = (act: (code: string) => void, signal?: AbortSignal) =>
      loginWithDeviceCode({
        identityBaseUrl: mock.url,
        onCode: (issuance) => void setTimeout(() => act(issuance.user_code), 30),
        onWorkspaceRequired: async () => mock.workspaceId,
        signal,
      }).catch((e: unknown) => e)
    const denied = await run((code) => mock.denyDeviceCode(code))
    expect(denied).toBeInstanceOf(DeviceCodeDeniedError)
    expect(isDeviceCodeDeniedError(denied)).toBe(true)
    expect((denied as AmigoError).errorCode).toBe('device_code_denied')

    expect(await run((code) => mock.expireDeviceCode(code))).toBeInstanceOf(DeviceCodeExpiredError)

    const controller = new AbortController()
    const cancelled = await run(() => controller.abort(), controller.signal)
    expect(cancelled).toBeInstanceOf(LoginCancelledError)
    expect((cancelled as AmigoError).errorCode).toBe('login_cancelled')
  })
})

describe('TokenManager against the local platform', () => {
  const signIn = () =>
    loginWithDeviceCode({
      identityBaseUrl: mock.url,
      onCode: (issuance) => void setTimeout(() => mock.approveDeviceCode(issuance.user_code), 30),
      onWorkspaceRequired: async (workspaces) => workspaces[0]!.workspace_id,
    })

  it('refreshes an expiring token through a storage written for the official contract', async () => {
    const result = await signIn()
    const storage = new JsonFileStorage(join(dir, 'mine.json'))
    const tokens = new TokenManager({ storage, identityBaseUrl: mock.url })
    // About to expire: the official manager refreshes within 60 s of expiry, and so does this one.
    await tokens.store({ ...result, expiresAt: Math.floor(Date.now() / 1000) + 30 })
    const auth = await tokens.getAccessToken()
    expect(auth?.workspaceId).toBe(result.workspaceId)
    expect(auth?.token).not.toBe(result.accessToken)
    const saved = await storage.load()
    expect(saved?.access_token).toBe(auth?.token)
    expect(saved?.refresh_token).not.toBe(result.refreshToken)
    expect(saved!.expires_at).toBeGreaterThan(Date.now() / 1000 + 60)
  })

  it('a spent refresh token is RefreshTokenExpiredError and the credentials are cleared', async () => {
    const result = await signIn()
    const storage = new MemoryTokenStorage()
    const first = new TokenManager({ storage, identityBaseUrl: mock.url })
    await first.store({ ...result, expiresAt: 1 })
    await first.getAccessToken() // rotates the refresh token
    // A copy of the old credentials elsewhere tries the spent refresh token.
    const stale = new TokenManager({ storage: new MemoryTokenStorage(), identityBaseUrl: mock.url })
    await stale.store({ ...result, expiresAt: 1 })
    await expect(stale.getAccessToken()).rejects.toThrow(RefreshTokenExpiredError)
    expect(await stale.hasCredentials()).toBe(false)
  })

  it('answers null when nothing is stored', async () => {
    const tokens = new TokenManager({ storage: new MemoryTokenStorage() })
    expect(await tokens.getAccessToken()).toBeNull()
    expect(await tokens.hasCredentials()).toBe(false)
  })
})

describe('with fetch stubs as users write them', () => {
  const jwt = (claims: Record<string, unknown>) =>
    `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`
  const issuance = {
    device_code: 'dc',
    user_code: 'AB-CD',
    verification_uri: 'https://id.test/device',
    verification_uri_complete: 'https://id.test/device?user_code=AB-CD',
    expires_in: 900,
    interval: 0.01,
  }
  const sequence = (answers: Array<{ status: number; body: unknown }>) => {
    let i = 0
    return vi.fn().mockImplementation(() => {
      const a = answers[Math.min(i++, answers.length - 1)]!
      return Promise.resolve({
        status: a.status,
        ok: a.status >= 200 && a.status < 300,
        headers: new Headers(),
        json: () => Promise.resolve(a.body),
      })
    })
  }
  const options = (fetch: typeof globalThis.fetch) => ({
    identityBaseUrl: 'https://id.test',
    onCode: vi.fn(),
    onWorkspaceRequired: vi.fn(),
    fetch,
  })

  it('signs in, choosing among workspaces with exactly the array the server sent', async () => {
    const workspaces = [{ workspace_id: 'ws-a', name: 'A' }, { workspace_id: 'ws-b' }]
    const fetch = sequence([
      { status: 200, body: issuance },
      { status: 400, body: { error: 'authorization_pending' } },
      { status: 300, body: { error: 'workspace_selection_required', workspaces, refresh_token: 'rt-0' } },
      {
        status: 200,
        body: {
          access_token: jwt({ workspace_id: 'ws-b' }),
          token_type: 'Bearer',
          expires_in: 900,
          scope: 's',
          refresh_token: 'rt-1',
        },
      },
    ])
    const onWorkspaceRequired = vi.fn().mockResolvedValue('ws-b')
    const result = await loginWithDeviceCode({ ...options(fetch), onWorkspaceRequired })
    expect(onWorkspaceRequired).toHaveBeenCalledWith(workspaces)
    expect(result).toMatchObject({ workspaceId: 'ws-b', refreshToken: 'rt-1', scope: 's' })
  })

  it('turns a 429 into RateLimitError and a rejected fetch into NetworkError', async () => {
    const limited = vi.fn().mockResolvedValue({
      status: 429,
      ok: false,
      headers: new Headers({ 'Retry-After': '30' }),
      json: vi.fn().mockResolvedValue({ error: 'slow_down' }),
    })
    await expect(loginWithDeviceCode(options(limited))).rejects.toThrow(RateLimitError)
    const offline = vi.fn().mockRejectedValue(new TypeError('fetch failed'))
    await expect(loginWithDeviceCode(options(offline))).rejects.toThrow(NetworkError)
  })

  it('refreshes, and treats a 401 as RefreshTokenExpiredError', async () => {
    const soon = Math.floor(Date.now() / 1000) + 30
    const result: AuthResult = { accessToken: 'old', refreshToken: 'rt', workspaceId: 'ws1', expiresAt: soon }
    const ok = sequence([
      { status: 200, body: { access_token: 'new', token_type: 'Bearer', expires_in: 900, scope: '' } },
    ])
    const fresh = new TokenManager({
      storage: new MemoryTokenStorage(),
      identityBaseUrl: 'https://id.test',
      fetch: ok,
    })
    await fresh.store(result)
    expect(await fresh.getAccessToken()).toEqual({ token: 'new', workspaceId: 'ws1' })

    const refused = sequence([{ status: 401, body: { error: 'invalid_grant' } }])
    const tokens = new TokenManager({
      storage: new MemoryTokenStorage(),
      identityBaseUrl: 'https://id.test',
      fetch: refused,
    })
    await tokens.store(result)
    await expect(tokens.getAccessToken()).rejects.toThrow(RefreshTokenExpiredError)
    expect(await tokens.hasCredentials()).toBe(false)
  })
})

describe('storages and errors, constructed the official way', () => {
  const creds: StoredCredentials = {
    access_token: 'at',
    refresh_token: 'rt',
    workspace_id: 'ws',
    expires_at: 1700000000,
  }

  it('FileTokenStorage takes a file path; MemoryTokenStorage and FileTokenStorage answer null when empty', async () => {
    const file = join(dir, 'nested', 'creds.json')
    const storage = new FileTokenStorage(file)
    expect(await storage.load()).toBeNull()
    await storage.save(creds)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(creds)
    expect(await storage.load()).toEqual(creds)
    writeFileSync(file, JSON.stringify({ access_token: 'only' }))
    expect(await storage.load()).toBeNull()
    await storage.clear()
    await storage.clear()

    const memory = new MemoryTokenStorage()
    expect(await memory.load()).toBeNull()
    await memory.save(creds)
    expect(await memory.load()).toEqual(creds)
  })

  it('error classes construct as officially, with their error codes and brands', () => {
    const denied = new DeviceCodeDeniedError()
    const custom = new DeviceCodeDeniedError('nope')
    const cancelled = new LoginCancelledError()
    expect(denied).toBeInstanceOf(AmigoError)
    expect(denied.errorCode).toBe('device_code_denied')
    expect(custom.message).toBe('nope')
    expect(cancelled.errorCode).toBe('login_cancelled')
    expect(isLoginCancelledError(cancelled)).toBe(true)
    expect(new DeviceCodeExpiredError().errorCode).toBe('device_code_expired')
    expect(new RefreshTokenExpiredError().errorCode).toBe('refresh_token_expired')
  })

  it('the format helpers take the official arguments', () => {
    const issuance = {
      device_code: 'dc',
      user_code: 'AB-CD',
      verification_uri: 'https://id.test/device',
      verification_uri_complete: 'https://id.test/device?user_code=AB-CD',
      expires_in: 900,
      interval: 5,
    }
    expect(formatDeviceCodeInstructions(issuance)).toContain('15 minutes')
    expect(formatDeviceCodeLink(issuance)).toContain(`\u001b]8;;${issuance.verification_uri_complete}`)
    const list = formatWorkspaceList([
      { workspace_id: 'ws-1', name: 'One', role: 'admin' },
      { workspace_id: 'ws-2' },
    ])
    expect(list).toContain('1. One (admin)')
    expect(list).toContain('ws-1')
    expect(list).toContain('2. ws-2')
  })
})
