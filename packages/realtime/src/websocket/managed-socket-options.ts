import type { ReconnectingWebSocketOptions } from './create-reconnecting-websocket'

/**
 * The options of the managed socket that `observeCall` and `createTextChat` pass on unchanged to
 * `createReconnectingWebSocket`, declared once (on `ReconnectingWebSocketOptions`) so that their
 * names, defaults and docs are the same everywhere. Each caller declares `idleTimeoutMs` itself, as
 * its default differs.
 */
export type ManagedSocketOptions = Pick<
  ReconnectingWebSocketOptions,
  | 'webSocketFactory'
  | 'WebSocket'
  | 'openTimeoutMs'
  | 'maxReconnects'
  | 'initialDelayMs'
  | 'maxDelayMs'
  | 'onReconnect'
  | 'onError'
  | 'signal'
>

/** How a realtime socket authenticates: give `token` or `getToken`. */
export interface SocketTokenOptions {
  /** Bearer token, sent as the subprotocol pair `auth, <token>`. */
  token?: string
  /** Returns the token; called before every connect, so a refreshed token is picked up. Used instead of `token`. */
  getToken?: () => string | Promise<string>
}
