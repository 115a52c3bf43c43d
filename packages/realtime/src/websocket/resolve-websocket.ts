import { loadNodeWebSocket } from '../node/load-ws'
import type { WebSocketConstructor } from './websocket-types'

/** Picks the WebSocket class: the caller's, else the global one, else `ws` (Node without a global). */
export function resolveWebSocket(explicit?: WebSocketConstructor): Promise<WebSocketConstructor> {
  if (explicit) return Promise.resolve(explicit)
  const global = (globalThis as { WebSocket?: unknown }).WebSocket
  if (typeof global === 'function') return Promise.resolve(global as WebSocketConstructor)
  return loadNodeWebSocket()
}
