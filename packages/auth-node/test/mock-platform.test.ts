import { Transport } from '@amigo-ai/core'
// The mock is resolved through the test alias (vitest.shared.ts), not a declared devDependency, so
// that auth-node never gains a workspace dependency edge that could close a cycle through the mock.
import { startMockPlatform } from '@amigo-ai/platform-mock'
import { expect, it } from 'vitest'
import { loginWithDeviceCode, MemoryTokenStorage, TokenManager } from '../src/index'

// End to end against the workspace's local platform (the one the example CLI uses): real timers,
// a 50 ms polling interval, approval through the mock's test helper.
it('signs in against the local platform, picks a workspace, and calls the API with the token', async () => {
  const mock = await startMockPlatform({ deviceCodeIntervalSeconds: 0.05 })
  try {
    const other = 'ws-second'
    const result = await loginWithDeviceCode({
      identityBaseUrl: mock.url,
      clientDescription: 'auth-node e2e',
      onCode: (issuance) => {
        setTimeout(
          () => mock.approveDeviceCode(issuance.user_code, { workspaces: [mock.workspaceId, other] }),
          120,
        )
      },
      onWorkspaceRequired: (workspaces) => {
        expect(workspaces.map((w) => w.workspace_id)).toEqual([mock.workspaceId, other])
        return mock.workspaceId
      },
    })
    expect(result.workspaceId).toBe(mock.workspaceId)
    expect(result.refreshToken).toBeTruthy()

    const tokens = new TokenManager({ storage: new MemoryTokenStorage(), identityBaseUrl: mock.url })
    await tokens.store(result)
    const client = new Transport({
      apiKey: tokens.asApiKey(),
      workspaceId: result.workspaceId,
      baseUrl: mock.url,
    })
    const page = await client.request('get', '/v1/{workspace_id}/agents')
    expect(page.response.status).toBe(200)

    const refreshed = await tokens.refresh()
    expect(refreshed.access_token).not.toBe(result.accessToken)
    expect((await client.request('get', '/v1/{workspace_id}/agents')).response.status).toBe(200)
  } finally {
    await mock.close()
  }
})
