// Starts the spec-validating mock platform and a client pointed at it, for resource tests.
import { type MockPlatform, startMockPlatform } from '@amigo-ai/platform-mock'
import { afterAll, beforeAll } from 'vitest'
import { AmigoClient, type AmigoClientConfig } from '../../src'

/** A running mock plus a client configured for it (set up once per test file). */
export interface MockEnv {
  mock: MockPlatform
  client: AmigoClient
  /** A fresh client with extra config on the same mock. */
  makeClient(extra?: Partial<AmigoClientConfig>): AmigoClient
  /** Requests the mock received since `mark()` (or since start). */
  since(mark: number): MockPlatform['requests']
  /** Index to pass to `since`. */
  mark(): number
}

/** Registers beforeAll/afterAll hooks that start and stop one mock for the file. */
export function useMockPlatform(): MockEnv {
  const env = {} as MockEnv
  beforeAll(async () => {
    const mock = await startMockPlatform({ port: 0, seed: 1, latencyMs: 0 })
    const makeClient = (extra: Partial<AmigoClientConfig> = {}) =>
      new AmigoClient({
        apiKey: mock.apiKey,
        workspaceId: mock.workspaceId,
        baseUrl: mock.url,
        retry: { baseDelayMs: 1, maxDelayMs: 5 },
        ...extra,
      })
    Object.assign(env, {
      mock,
      client: makeClient(),
      makeClient,
      mark: () => mock.requests.length,
      since: (mark: number) => mock.requests.slice(mark),
    })
  })
  afterAll(async () => {
    await env.mock?.close()
  })
  return env
}

/** The last request the mock recorded (fails the test when there is none). */
export function lastRequest(env: MockEnv): MockPlatform['requests'][number] {
  const last = env.mock.requests.at(-1)
  if (!last) throw new Error('the mock recorded no request')
  return last
}
