import type { ApiKeySource } from '@amigo-ai/core'
import type { RealtimeLoader } from './load-realtime'

/** Connection facts the realtime helpers need (they open their own SSE streams and sockets). */
export interface ClientConnection {
  /** API base URL without a trailing slash. */
  readonly baseUrl: string
  /** The configured workspace id. */
  readonly workspaceId: string
  /**
   * A key or token (or a getter for one) for the realtime helpers of a connection built by hand;
   * a client's own key is kept out of the connection object (out of every print of a resource).
   */
  readonly apiKey?: ApiKeySource
  /** Origin of the agent engine for WebSocket helpers; defaults to the `baseUrl` origin. */
  readonly agentBaseUrl?: string
  /** The custom `fetch`, when one was configured. */
  readonly fetch?: typeof fetch
  /** Where the realtime helpers get `@amigo-ai/realtime` from, when the client was given a loader. */
  readonly realtime?: RealtimeLoader
}
