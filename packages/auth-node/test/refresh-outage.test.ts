// The identity service is down while the access token is still valid: getAccessToken hands out the
// token it holds instead of failing every API call, and tries the refresh again only after a pause
// (30 s, never past the token's expiry), so a failing identity service is not asked at every call.
import { isNetworkError, isRateLimitError, isServerError } from '@amigo-ai/core'
import {
  type Handler,
  type IdentityServer,
  json,
  rateLimited,
  resetConnection,
  startIdentityServer,
} from '@amigo-ai/test-server'
import { afterEach, describe, expect, it } from 'vitest'
import { isRefreshTokenExpiredError, MemoryTokenStorage, TokenManager } from '../src/index'

let server: IdentityServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const T0 = Date.UTC(2026, 0, 1)
const PAUSE_MS = 30_000
const DOWN = json(503, { detail: 'maintenance' })
const BACK_UP = json(200, {
  access_token: 'at-after-outage',
  token_type: 'Bearer',
  expires_in: 3600,
  refresh_token: 'rt-after-outage',
})

/** A manager on an injected clock holding 'initial-at', valid for `leftMs` more, inside its margin. */
async function setup(leftMs: number, refreshMarginMs = 300_000) {
  let now = T0
  server = await startIdentityServer()
  const storage = new MemoryTokenStorage()
  const tokens = new TokenManager({ storage, identityBaseUrl: server.url, now: () => now, refreshMarginMs })
  await tokens.store({
    accessToken: 'initial-at',
    refreshToken: server.issueRefreshToken('ws-1'),
    expiresAt: (T0 + leftMs) / 1000,
    workspaceId: 'ws-1',
  })
  const idp = server
  const down = (handler: Handler = DOWN) => idp.server.setHandler({ 'POST /token': handler })
  const token = async () => (await tokens.getAccessToken())?.token
  const sent = () => idp.server.requestsTo('/token').length
  return { idp, storage, tokens, token, down, sent, tick: (ms: number) => (now += ms) }
}

describe('TokenManager while the identity service is down', () => {
  it('hands out the valid token, pauses its retries, and takes the new token once identity is back', async () => {
    const { idp, storage, token, down, sent, tick } = await setup(240_000)
    down()
    expect(await token()).toBe('initial-at')
    expect(sent()).toBe(1)
    // Inside the pause: the stored token, and no request to the failing service.
    expect(await token()).toBe('initial-at')
    tick(PAUSE_MS - 1)
    expect(await token()).toBe('initial-at')
    expect(sent()).toBe(1)
    // After the pause one request, shared by concurrent callers.
    tick(1)
    const answers = await Promise.all(Array.from({ length: 5 }, token))
    expect(answers).toEqual(Array(5).fill('initial-at'))
    expect(sent()).toBe(2)
    expect((await storage.load())?.access_token).toBe('initial-at')

    idp.server.setHandler({ 'POST /token': BACK_UP })
    tick(PAUSE_MS)
    expect(await token()).toBe('at-after-outage')
    expect(sent()).toBe(3)
    expect(await storage.load()).toMatchObject({
      access_token: 'at-after-outage',
      refresh_token: 'rt-after-outage',
    })
    // Fresh again: no further request.
    expect(await token()).toBe('at-after-outage')
    expect(sent()).toBe(3)
  })

  it('a Retry-After longer than the pause is honoured, and never past the expiry', async () => {
    const { token, down, sent, tick } = await setup(240_000)
    down(rateLimited({ retryAfter: 90 }))
    expect(await token()).toBe('initial-at')
    tick(89_999)
    expect(await token()).toBe('initial-at')
    expect(sent()).toBe(1)
    tick(1)
    expect(await token()).toBe('initial-at')
    expect(sent()).toBe(2)

    // A day asked for: the pause still ends when the token does, and then the failure is thrown.
    down(rateLimited({ retryAfter: 86_400 }))
    tick(90_000)
    expect(await token()).toBe('initial-at')
    expect(sent()).toBe(3)
    tick(60_000)
    await expect(token()).rejects.toSatisfy((e) => isRateLimitError(e))
    expect(sent()).toBe(4)
  })

  it('rides out a network failure, a 500 and a 429 the same way', async () => {
    const failures: [string, Handler | 'closed'][] = [
      ['connection reset', resetConnection()],
      ['500', json(500, { detail: 'internal error' })],
      ['429', rateLimited({ retryAfter: 1 })],
      ['connection refused', 'closed'],
    ]
    for (const [name, failure] of failures) {
      const { idp, token, down, sent, tick } = await setup(120_000)
      if (failure === 'closed') await idp.close()
      else down(failure)
      expect(await token(), name).toBe('initial-at')
      tick(PAUSE_MS - 1)
      expect(await token(), name).toBe('initial-at')
      if (failure !== 'closed') expect(sent(), name).toBe(1)
      await idp.close()
    }
  })

  it('never pauses past the expiry: then a failing refresh throws, as there is nothing valid left', async () => {
    const { tokens, token, down, sent, tick } = await setup(10_000)
    down()
    expect(await token()).toBe('initial-at')
    tick(10_000) // the token expires before the 30-s pause would end
    const error = await tokens.getAccessToken().catch((e) => e)
    expect(isServerError(error)).toBe(true)
    expect(sent()).toBe(2)
    // The credentials stay for when the service is back: an outage is not a refused token.
    expect(await tokens.hasCredentials()).toBe(true)
  })

  it('throws a failing refresh of an expired token at once, with no token to hand out', async () => {
    const { tokens, down, tick } = await setup(60_000)
    down()
    tick(60_000)
    const error = await tokens.getAccessToken().catch((e) => e)
    expect(isServerError(error)).toBe(true)
    expect(error.status).toBe(503)
  })

  it('a redirect is no refusal, whatever its body says: the credentials stay', async () => {
    for (const status of [302, 307]) {
      const { idp, tokens, down, tick } = await setup(60_000)
      down(json(status, { error: 'invalid_grant', error_description: 'odd proxy' }))
      tick(60_000)
      const error = await tokens.getAccessToken().catch((e) => e)
      expect(isRefreshTokenExpiredError(error), String(status)).toBe(false)
      // Named as what it is: a bare "HTTP 307" reads like the service's fault.
      expect((error as Error).message).toBe(
        `Token refresh failed with HTTP ${status} (a redirect, not followed) (invalid_grant)`,
      )
      expect(await tokens.hasCredentials(), String(status)).toBe(true)
      await idp.close()
    }
  })

  it('throws a network failure once the token has expired', async () => {
    const { idp, tokens, tick } = await setup(60_000)
    await idp.close()
    tick(60_001)
    expect(isNetworkError(await tokens.getAccessToken().catch((e) => e))).toBe(true)
  })

  it('still throws a refused refresh token inside the margin and signs out', async () => {
    const { storage, tokens, down } = await setup(120_000)
    down(json(400, { error: 'invalid_grant', error_description: 'refresh token revoked' }))
    const error = await tokens.getAccessToken().catch((e) => e)
    expect(isRefreshTokenExpiredError(error)).toBe(true)
    expect(await storage.load()).toBeNull()
  })

  it('refresh() asks the service even during the pause, and throws its failure', async () => {
    const { tokens, token, down, sent } = await setup(120_000)
    down()
    expect(await token()).toBe('initial-at')
    const error = await tokens.refresh().catch((e) => e)
    expect(isServerError(error)).toBe(true)
    expect(sent()).toBe(2)
    // A token far from its expiry: refresh() throws too.
    const fresh = await setup(3600_000)
    fresh.down()
    expect(isServerError(await fresh.tokens.refresh().catch((e) => e))).toBe(true)
  })

  // The new credentials carry the same access token here, so that only the new login, not a token
  // change, can end the pause.
  const SAME_TOKEN = { access_token: 'initial-at', workspace_id: 'ws-1', expires_at: (T0 + 120_000) / 1000 }

  it('a new login ends the pause: its token is refreshed at once when it needs it', async () => {
    const { idp, tokens, token, down, sent } = await setup(120_000)
    down()
    expect(await token()).toBe('initial-at')
    idp.server.setHandler({ 'POST /token': BACK_UP })
    await tokens.store({
      accessToken: SAME_TOKEN.access_token,
      refreshToken: 'rt-new-login',
      expiresAt: SAME_TOKEN.expires_at,
      workspaceId: SAME_TOKEN.workspace_id,
    })
    expect(await token()).toBe('at-after-outage')
    expect(sent()).toBe(2)
  })

  it('a sign-out ends the pause: credentials stored again are refreshed at once', async () => {
    const { storage, tokens, token, down, sent } = await setup(120_000)
    down()
    expect(await token()).toBe('initial-at')
    await tokens.clear()
    // Stored by other code (another manager, a login helper) on the same storage.
    await storage.save({ ...SAME_TOKEN, refresh_token: 'rt-new-login' })
    expect(await token()).toBe('initial-at')
    expect(sent()).toBe(2)
  })

  it('a successful forced refresh ends the pause', async () => {
    const { idp, tokens, token, down, sent, tick } = await setup(240_000)
    down()
    expect(await token()).toBe('initial-at')
    idp.server.setHandler({ 'POST /token': json(200, { access_token: 'at-short', expires_in: 200 }) })
    expect((await tokens.refresh()).access_token).toBe('at-short')
    down()
    // 'at-short' lives 200 s: 100 s in, it is inside its margin, and its refresh is tried at once.
    tick(100_000)
    expect(await token()).toBe('at-short')
    expect(sent()).toBe(3)
  })
})
