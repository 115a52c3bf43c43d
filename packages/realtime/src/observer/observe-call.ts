import { ConfigurationError } from '@amigo-ai/core'
import { callUserCallback } from '../callbacks/call-user-callback'
import { assertSubprotocolToken, observerAuthProtocols } from '../endpoints/auth-protocols'
import type { ObserverEvent } from '../event-types'
import {
  createReconnectingWebSocket,
  type ReconnectingWebSocketHandle,
  type ReconnectingWebSocketState,
  type WebSocketReconnectInfo,
} from '../websocket/create-reconnecting-websocket'
import { decodeTypedFrame } from '../websocket/decode-typed-frame'
import type { ReconnectingWebSocketError } from '../websocket/reconnecting-websocket-error'
import { checkFunctions } from '../websocket/validate-websocket-options'
import type { WebSocketConstructor, WebSocketFactory } from '../websocket/websocket-types'
import { type ObserverUrlOptions, observerUrl } from './observer-url'

/** Options for {@link observeCall}. */
export interface ObserveCallOptions extends ObserverUrlOptions {
  /** Bearer token sent as the subprotocol pair `auth, <token>`. Give this or `getToken`. */
  token?: string
  /** Returns the token; called before every connect (also after a 4100 token-expired close). */
  getToken?: () => string | Promise<string>
  /** Every observer event of the call, dispatched on `event.type`. */
  onEvent: (event: ObserverEvent) => void
  /** Called at most once with the terminal error (`reason`, `closeCode`); not when the caller closes. */
  onError?: (error: ReconnectingWebSocketError) => void
  /** Each time the socket (re)opens. */
  onOpen?: () => void
  /** Each change of the socket's state. */
  onStateChange?: (state: ReconnectingWebSocketState) => void
  /** Before each reconnect, with the 1-based attempt number, the wait and the last close code. */
  onReconnect?: (info: WebSocketReconnectInfo) => void
  /** On a 4100 close: refresh the token (then `getToken` is called again). */
  onTokenExpired?: () => unknown
  /** Reconnect when the call is silent this long (default 60000 ms; 0 disables). */
  idleTimeoutMs?: number
  /** Reconnect when `getToken` or then the handshake has not answered in this long (default 30000 ms; 0 disables). */
  openTimeoutMs?: number
  /** Consecutive failed connections allowed (default 10). */
  maxReconnects?: number
  /** Backoff base (default 1000 ms). */
  initialDelayMs?: number
  /** Backoff cap (default 30000 ms). */
  maxDelayMs?: number
  /** Creates each socket (test doubles); give this or `WebSocket`. */
  webSocketFactory?: WebSocketFactory
  /** WebSocket class to use (default: global, else `ws`). */
  WebSocket?: WebSocketConstructor
  /** Stops observing when aborted. */
  signal?: AbortSignal
}

/** Handle of a call observation: the managed socket (`close()` ends observing, `done` resolves after). */
export interface CallObservation extends ReconnectingWebSocketHandle {}

/**
 * Streams the live events of one voice call (transcripts, latency, emotions, participants, session
 * start and end) over the observer WebSocket. Invalid SID, URL or token → `ConfigurationError`, thrown
 * before connecting.
 */
export function observeCall(options: ObserveCallOptions): CallObservation {
  if (typeof options !== 'object' || options === null)
    throw new ConfigurationError('observeCall options are required')
  if (typeof options.onEvent !== 'function') throw new ConfigurationError('onEvent must be a function')
  // Wrapped below, so createReconnectingWebSocket would not see one that is not a function.
  checkFunctions(options, ['onOpen'])
  const url = observerUrl(options)
  if (options.getToken === undefined) assertSubprotocolToken(options.token, 'token')
  else if (typeof options.getToken !== 'function') throw new ConfigurationError('getToken must be a function')
  const { getToken } = options

  const socket = createReconnectingWebSocket({
    url,
    // A static token cannot be refreshed, so only a getter makes a 4100 close worth a reconnect.
    ...(getToken
      ? { getProtocols: async () => observerAuthProtocols(await getToken()) }
      : { protocols: observerAuthProtocols(options.token as string) }),
    webSocketFactory: options.webSocketFactory,
    WebSocket: options.WebSocket,
    idleTimeoutMs: options.idleTimeoutMs ?? 60_000,
    openTimeoutMs: options.openTimeoutMs,
    maxReconnects: options.maxReconnects,
    initialDelayMs: options.initialDelayMs,
    maxDelayMs: options.maxDelayMs,
    onTokenExpired: options.onTokenExpired,
    onOpen: options.onOpen && (() => options.onOpen?.()),
    onStateChange: options.onStateChange,
    onReconnect: options.onReconnect,
    onError: options.onError,
    signal: options.signal,
    onMessage: (message) => {
      const event = decodeTypedFrame(message.data) as ObserverEvent | undefined
      if (event) callUserCallback('onEvent', options.onEvent, event)
    },
  })
  return {
    send: (data) => socket.send(data),
    close: (code = 1000, reason = 'observer closed') => socket.close(code, reason),
    get state() {
      return socket.state
    },
    done: socket.done,
  }
}
