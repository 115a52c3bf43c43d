import { Transport } from '@amigo-ai/core'
import { json, startIdentityServer, startTestServer } from '@amigo-ai/test-server'
import { expect, it } from 'vitest'
import { MemoryTokenStorage, TokenManager } from '../src/index'

it('keeps a long-running core client working past token expiry through the apiKey getter', async () => {
  const idp = await startIdentityServer({ expiresIn: 600 })
  const api = await startTestServer({ 'GET /v1/ws-1/agents': json(200, { items: [], has_more: false }) })
  try {
    let now = Date.UTC(2026, 0, 1)
    const tokens = new TokenManager({
      storage: new MemoryTokenStorage(),
      identityBaseUrl: idp.url,
      now: () => now,
    })
    await tokens.store({
      accessToken: 'first-token',
      refreshToken: idp.issueRefreshToken('ws-1'),
      expiresAt: now / 1000 + 600,
      workspaceId: 'ws-1',
    })
    const client = new Transport({ apiKey: tokens.asApiKey(), workspaceId: 'ws-1', baseUrl: api.url })
    await client.request('get', '/v1/{workspace_id}/agents')
    now += 3600_000 // an hour later the first token is long gone
    await client.request('get', '/v1/{workspace_id}/agents')
    await client.request('get', '/v1/{workspace_id}/agents')
    expect(api.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer first-token',
      'Bearer at-2',
      'Bearer at-2',
    ])
    expect(idp.refreshes()).toHaveLength(1)
  } finally {
    await idp.close()
    await api.close()
  }
})
