// Starts a fresh mock platform for a test and hands out the env an example's main() takes.
import { type MockPlatform, type MockPlatformOptions, startMockPlatform } from '@amigo-ai/platform-mock'
import type { ExampleEnv } from '../_shared/connect'

/** A started mock plus the matching example env. */
export interface MockEnv {
  mock: MockPlatform
  env: ExampleEnv
}

/** Starts the mock with fast timings for tests (no real-seconds waits). */
export async function startMockEnv(options: MockPlatformOptions = {}): Promise<MockEnv> {
  const mock = await startMockPlatform({
    deviceCodeIntervalSeconds: 0,
    webhookBaseDelayMs: 5,
    turnTokenDelayMs: 1,
    ...options,
  })
  return { mock, env: { baseUrl: mock.url, apiKey: mock.apiKey, workspaceId: mock.workspaceId, mock } }
}
