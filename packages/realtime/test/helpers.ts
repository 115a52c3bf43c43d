import { type Handler, startTestServer, type TestServer } from '@amigo-ai/test-server'
import { onTestFinished } from 'vitest'

/**
 * Closes a server (or anything closable) when the current test finishes. A hook per call, not one
 * registered when this module is imported: without isolation a worker imports it only once, for the
 * first of its test files.
 */
export function track<T extends { close(): Promise<void> }>(server: T): T {
  onTestFinished(() => server.close())
  return server
}

/** Starts a test server whose only route is the workspace event stream of `ws-1`. */
export async function eventStreamServer(handler: Handler): Promise<TestServer> {
  return track(await startTestServer({ 'GET /v1/ws-1/events/stream': handler }))
}

/** The options every text-chat test starts from: the agent engine at `server`, workspace `w`, service `s`. */
export const chatAt = (server: { url: string }) =>
  ({ agentBaseUrl: server.url, workspaceId: 'w', serviceId: 's', token: 'key_1' }) as const

/** Options that make reconnects nearly instant. */
export const fast = { initialDelayMs: 1, maxDelayMs: 5, maxReconnects: 5 } as const

/** What `fn` throws synchronously (undefined when it returns). */
export function caught(fn: () => unknown): unknown {
  try {
    fn()
  } catch (e) {
    return e
  }
  return undefined
}
