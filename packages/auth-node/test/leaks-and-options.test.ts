import { inspect } from 'node:util'
import { isConfigurationError, isServerError } from '@amigo-ai/core'
import { json, startTestServer, type TestServer } from '@amigo-ai/test-server'
import { afterEach, describe, expect, it } from 'vitest'
import {
  FileTokenStorage,
  isRefreshTokenReusedError,
  loginWithDeviceCode,
  MemoryTokenStorage,
  type StoredCredentials,
  TokenManager,
} from '../src/index'

const RT = 'rt-SECRET-refresh-0123456789'
const AT = 'at-SECRET-access-0123456789'
const creds: StoredCredentials = { access_token: AT, refresh_token: RT, expires_at: 1, workspace_id: 'ws-1' }
const loginResult = { accessToken: AT, refreshToken: RT, expiresAt: 1, workspaceId: 'ws-1' }

// Everything a user might print, including hidden properties.
const printed = (value: unknown) =>
  [
    inspect(value, { depth: Number.POSITIVE_INFINITY }),
    inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    JSON.stringify(value) ?? '',
  ].join('\n')

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('tokens never show up when printing', () => {
  it('a TokenManager and its storages print without the tokens they hold', async () => {
    const storage = new MemoryTokenStorage()
    const tokens = new TokenManager({ storage })
    await tokens.store(loginResult)
    const file = new FileTokenStorage({
      directory: `${process.env.TMPDIR ?? '/tmp'}/amigo-leak-test-${process.pid}`,
    })
    await file.save(creds)
    try {
      for (const value of [tokens, storage, file]) {
        expect(printed(value)).not.toContain(AT)
        expect(printed(value)).not.toContain(RT)
      }
    } finally {
      await file.clear()
    }
  })

  it('a refresh error whose body echoes the refresh token keeps it out of message, body, JSON and inspect', async () => {
    server = await startTestServer(
      json(400, { error: 'invalid_grant', error_description: `token ${RT} was reused`, echo: [RT] }),
    )
    const storage = new MemoryTokenStorage()
    await storage.save(creds)
    const error = await new TokenManager({ storage, identityBaseUrl: server.url })
      .getAccessToken()
      .catch((e: unknown) => e)
    expect(isRefreshTokenReusedError(error)).toBe(true)
    expect(printed(error)).not.toContain(RT)
    expect((error as { body: unknown }).body).toMatchObject({ echo: ['[REDACTED]'] })
  })

  // Refreshed within the margin, the access token is still valid: a log of the error must not hold it.
  it('a refresh error whose body echoes the access token still held keeps it out as well', async () => {
    server = await startTestServer(
      json(502, { error: 'server_error', error_description: `for ${AT}`, [AT]: 1 }),
    )
    const storage = new MemoryTokenStorage()
    await storage.save(creds)
    const error = await new TokenManager({ storage, identityBaseUrl: server.url })
      .getAccessToken()
      .catch((e: unknown) => e)
    expect(isServerError(error)).toBe(true)
    expect(printed(error)).not.toContain(AT)
    expect((error as { body: unknown }).body).toMatchObject({
      error_description: 'for [REDACTED]',
      '[REDACTED]': 1,
    })
    expect(await storage.load()).toEqual(creds)
  })
})

describe('options of the wrong type fail up front, naming the option', () => {
  const storage = new MemoryTokenStorage()
  const manager: [string, Record<string, unknown>, RegExp][] = [
    ['NaN requestTimeoutMs', { requestTimeoutMs: Number.NaN }, /requestTimeoutMs must be a positive number/],
    ['negative requestTimeoutMs', { requestTimeoutMs: -1 }, /requestTimeoutMs must be a positive number/],
    // Past 2^31-1 ms a timer fires at once: every refresh would "time out" immediately.
    ['overflowing requestTimeoutMs', { requestTimeoutMs: 1e12 }, /requestTimeoutMs .* at most 2147483647/],
    ['string requestTimeoutMs', { requestTimeoutMs: '5' }, /requestTimeoutMs must be a positive number/],
    ['string fetch', { fetch: 'x' }, /fetch must be a function, got a string/],
    ['numeric profile', { profile: 5 }, /profile must be a string, got a number/],
    ['string now', { now: 'x' }, /now must be a function, got a string/],
  ]
  for (const [name, options, message] of manager) {
    it(`TokenManager: ${name}`, () => {
      let caught: unknown
      try {
        new TokenManager({ storage, ...options })
      } catch (e) {
        caught = e
      }
      expect(isConfigurationError(caught)).toBe(true)
      expect((caught as Error).message).toMatch(message)
    })
  }

  const login: [string, Record<string, unknown>, RegExp][] = [
    ['NaN requestTimeoutMs', { requestTimeoutMs: Number.NaN }, /requestTimeoutMs must be a positive number/],
    ['string fetch', { fetch: 'x' }, /fetch must be a function, got a string/],
    ['string signal', { signal: 'x' }, /signal must be an AbortSignal, got a string/],
    ['numeric scope', { scope: 5 }, /scope must be a string, got a number/],
    ['numeric workspaceId', { workspaceId: 7 }, /workspaceId must be a string, got a number/],
    ['string onPoll', { onPoll: 'x' }, /onPoll must be a function, got a string/],
    ['string onStatus', { onStatus: 'x' }, /onStatus must be a function, got a string/],
    // Named as core names a value's kind (it read "a object" before).
    [
      'object onWorkspaceRequired',
      { onWorkspaceRequired: {} },
      /onWorkspaceRequired must be a function, got an object$/,
    ],
    ['array signal', { signal: [] }, /signal must be an AbortSignal, got an array$/],
    ['clock without sleep', { clock: { now: () => 0, sleep: 1 } }, /clock\.sleep must be a function/],
  ]
  for (const [name, options, message] of login) {
    it(`loginWithDeviceCode: ${name} (nothing is sent)`, async () => {
      server = await startTestServer(json(500, {}))
      const error = await loginWithDeviceCode({
        identityBaseUrl: server.url,
        onCode: () => {},
        onWorkspaceRequired: async () => 'unused',
        ...options,
      }).catch((e: unknown) => e)
      expect(isConfigurationError(error)).toBe(true)
      expect((error as Error).message).toMatch(message)
      expect(server.requests).toHaveLength(0)
    })
  }
})
