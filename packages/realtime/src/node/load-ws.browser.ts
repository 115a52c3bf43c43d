// Browser stand-in for load-ws.ts (swapped in by the package.json "browser" field): browsers always
// have a global WebSocket, so reaching this means the runtime has none and nothing can be loaded.
import { ConfigurationError } from '@amigo-ai/core'

/** Always fails: there is no `ws` fallback in a browser build. */
export function loadNodeWebSocket(): Promise<unknown> {
  return Promise.reject(
    new ConfigurationError('This runtime has no global WebSocket; pass the WebSocket option'),
  )
}
