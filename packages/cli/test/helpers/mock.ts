import { type MockPlatform, startMockPlatform } from '@amigo-ai/platform-mock'

/** The platform mock in this test process, fast enough for tests: 50 ms device polls, 20 ms SSE retry. */
export function startFastMock(extra: Parameters<typeof startMockPlatform>[0] = {}): Promise<MockPlatform> {
  return startMockPlatform({ deviceCodeIntervalSeconds: 0.05, sseRetryMs: 20, ...extra })
}

/** Environment that points the CLI at the mock with its API key. */
export const apiKeyEnv = (mock: MockPlatform) => ({
  AMIGO_BASE_URL: mock.url,
  AMIGO_API_KEY: mock.apiKey,
  AMIGO_WORKSPACE_ID: mock.workspaceId,
})
