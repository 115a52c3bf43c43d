import { loadNodeWebSocket } from '../node/load-ws'
import type { WebSocketConstructor, WebSocketFactory } from './websocket-types'

// Once `ws` has been loaded, later sockets are created without waiting for the import again.
let loadedNodeWebSocket: WebSocketConstructor | undefined

const fromClass =
  (Ctor: WebSocketConstructor): WebSocketFactory =>
  (url, protocols) =>
    protocols === undefined ? new Ctor(url) : new Ctor(url, protocols)

/**
 * Picks how sockets are made: the caller's factory, else the caller's class, else the global
 * `WebSocket`, else `ws` (Node without a global). Synchronous whenever no import is needed, so the
 * first socket exists as soon as `createReconnectingWebSocket` returns.
 */
export function resolveWebSocketFactory(
  factory: WebSocketFactory | undefined,
  Ctor: WebSocketConstructor | undefined,
): WebSocketFactory | Promise<WebSocketFactory> {
  if (factory) return factory
  if (Ctor) return fromClass(Ctor)
  const global = (globalThis as { WebSocket?: unknown }).WebSocket
  if (typeof global === 'function') return fromClass(global as WebSocketConstructor)
  if (loadedNodeWebSocket) return fromClass(loadedNodeWebSocket)
  return loadNodeWebSocket().then((loaded) => {
    loadedNodeWebSocket = loaded as WebSocketConstructor
    return fromClass(loadedNodeWebSocket)
  })
}
