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

/** Every name of {@link ManagedSocketOptions}, once: the type makes the list complete and exact. */
export const MANAGED_SOCKET_KEYS: Record<keyof ManagedSocketOptions, true> = {
  webSocketFactory: true,
  WebSocket: true,
  openTimeoutMs: true,
  maxReconnects: true,
  initialDelayMs: true,
  maxDelayMs: true,
  onReconnect: true,
  onError: true,
  signal: true,
}

/** The managed socket's options out of a caller's; an absent one stays undefined (the socket's default). */
export function managedSocketOptions(options: ManagedSocketOptions): ManagedSocketOptions {
  const picked: Record<string, unknown> = {}
  for (const key of Object.keys(MANAGED_SOCKET_KEYS) as (keyof ManagedSocketOptions)[])
    picked[key] = options[key]
  return picked
}

/** How a realtime socket authenticates: give `token` or `getToken`. */
export interface SocketTokenOptions {
  /** Bearer token, sent as the subprotocol pair `auth, <token>`. */
  token?: string
  /** Returns the token; called before every connect, so a refreshed token is picked up. Used instead of `token`. */
  getToken?: () => string | Promise<string>
}
