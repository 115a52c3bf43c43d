import { type IdentityServer, startIdentityServer } from '@amigo-ai/test-server'
import { afterEach, describe, expect, it } from 'vitest'
import { MemoryTokenStorage, TokenManager } from '../src/index'

let server: IdentityServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const T0 = Date.UTC(2026, 0, 1)
const T0s = T0 / 1000

/** A manager on an injected clock whose identity server issues access tokens living `expiresIn` s. */
async function setup(expiresIn: number, storedLifetimeS = 3600) {
  let now = T0
  server = await startIdentityServer({ expiresIn })
  const storage = new MemoryTokenStorage()
  await storage.save({
    access_token: 'initial-at',
    refresh_token: server.issueRefreshToken('ws-1'),
    workspace_id: 'ws-1',
    expires_at: T0s + storedLifetimeS,
    identity_base_url: server.url,
  })
  const tokens = new TokenManager({ storage, identityBaseUrl: server.url, now: () => now })
  const token = async () => (await tokens.getAccessToken())?.token
  return { idp: server, tokens, token, tick: (ms: number) => (now += ms) }
}

describe('TokenManager with access tokens shorter-lived than the margin', () => {
  it('uses a 30-s token from a refresh for about 15 s without another refresh, then refreshes it', async () => {
    const { idp, token, tick } = await setup(30)
    tick(3600_000) // the stored 1-hour token has run out
    expect(await token()).toBe('at-2')
    expect(await token()).toBe('at-2')
    tick(14_000) // 16 s left: more than half of its lifetime
    expect(await token()).toBe('at-2')
    expect(idp.refreshes()).toHaveLength(1)
    tick(2_000) // 14 s left
    expect(await token()).toBe('at-3')
    expect(idp.refreshes()).toHaveLength(2)
    tick(14_000) // the next 30-s token is kept the same way
    expect(await token()).toBe('at-3')
    expect(idp.refreshes()).toHaveLength(2)
  })

  it('still refreshes a 1-hour token from a refresh 60 s before its expiry', async () => {
    const { idp, token, tick } = await setup(3600)
    tick(3600_000)
    expect(await token()).toBe('at-2')
    tick(3600_000 - 61_000)
    expect(await token()).toBe('at-2')
    expect(idp.refreshes()).toHaveLength(1)
    tick(2_000) // 59 s left
    expect(await token()).toBe('at-3')
    expect(idp.refreshes()).toHaveLength(2)
  })

  it('refreshes a stored token with 30 s left (configured margin), then keeps the new 30-s token for 15 s', async () => {
    const { idp, token, tick } = await setup(30, 30)
    // Its lifetime is unknown (not obtained by this manager): the 60-s margin applies.
    expect(await token()).toBe('at-2')
    expect(idp.refreshes()).toHaveLength(1)
    tick(14_000)
    expect(await token()).toBe('at-2')
    expect(idp.refreshes()).toHaveLength(1)
    tick(2_000)
    expect(await token()).toBe('at-3')
    expect(idp.refreshes()).toHaveLength(2)
  })

  it('refresh() still forces a refresh of a fresh short-lived token', async () => {
    const { idp, tokens, token, tick } = await setup(30)
    tick(3600_000)
    expect(await token()).toBe('at-2')
    expect((await tokens.refresh()).access_token).toBe('at-3')
    expect(await token()).toBe('at-3')
    expect(idp.refreshes()).toHaveLength(2)
  })
})
