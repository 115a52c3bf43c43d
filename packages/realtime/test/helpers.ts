import { type Handler, startTestServer, type TestServer } from '@amigo-ai/test-server'
import { afterEach } from 'vitest'

const servers: { close(): Promise<void> }[] = []

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

/** Registers a server (or anything closable) to be closed after the current test. */
export function track<T extends { close(): Promise<void> }>(server: T): T {
  servers.push(server)
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
