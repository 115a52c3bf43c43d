import { ConfigurationError } from '@amigo-ai/core'
import { assertSubprotocolToken } from '../endpoints/auth-protocols'
import type { ObserverEvent } from '../event-types'
import {
  createReconnectingWebSocket,
  type ReconnectingWebSocketState,
  type WebSocketReconnectInfo,
} from '../websocket/create-reconnecting-websocket'
import type { RealtimeConnectionError } from '../websocket/realtime-connection-error'
import { reportCallbackError } from '../websocket/report-callback-error'
import type { WebSocketConstructor } from '../websocket/websocket-types'
import { decodeObserverFrame } from './decode-observer-frame'
import { type ObserverUrlOptions, observerUrl } from './observer-url'

const authProtocols = (token: unknown) => {
  assertSubprotocolToken(token, 'token')
  return ['auth', token]
}

/** Options for {@link observeCall}. */
export interface ObserveCallOptions extends ObserverUrlOptions {
  /** Bearer token sent as the subprotocol pair `auth, <token>`. Give this or `getToken`. */
  token?: string
  /** Returns the token; called before every connect (also after a 4100 token-expired close). */
  getToken?: () => string | Promise<string>
  /** Every observer event of the call, dispatched on `event.type`. */
  onEvent: (event: ObserverEvent) => void
  /** Called at most once with the terminal error (`reason`, `closeCode`); not when the caller closes. */
  onError?: (error: RealtimeConnectionError) => void
  /** Each time the socket (re)opens. */
  onOpen?: () => void
  /** Before each reconnect, with the 1-based attempt number. */
  onReconnect?: (attempt: number, info: WebSocketReconnectInfo) => void
  /** On a 4100 close: refresh the token (then `getToken` is called again). */
  onTokenExpired?: () => void | Promise<void>
  /** Reconnect when the call is silent this long (default 60000 ms; 0 disables). */
  idleTimeoutMs?: number
  /** Consecutive failed connections allowed (default 10). */
  maxReconnects?: number
  /** Backoff base (default 1000 ms). */
  initialDelayMs?: number
  /** Backoff cap (default 30000 ms). */
  maxDelayMs?: number
  /** WebSocket class to use (default: global, else `ws`). */
  WebSocket?: WebSocketConstructor
  /** Stops observing when aborted. */
  signal?: AbortSignal
}

/** Handle of a call observation. */
export interface CallObservation {
  /** Stops observing (idempotent). */
  close(): void
  /** Current socket state. */
  readonly state: ReconnectingWebSocketState
  /** Resolves when observation has ended (call over, closed, or terminal error); never rejects. */
  readonly done: Promise<void>
}

/**
 * Streams the live events of one voice call (transcripts, latency, emotions, participants, session
 * start and end) over the observer WebSocket. Invalid SID, URL or token → `ConfigurationError`, thrown
 * before connecting.
 */
export function observeCall(options: ObserveCallOptions): CallObservation {
  if (typeof options !== 'object' || options === null)
    throw new ConfigurationError('observeCall options are required')
  if (typeof options.onEvent !== 'function') throw new ConfigurationError('onEvent (a function) is required')
  const url = observerUrl(options)
  if (options.getToken === undefined) assertSubprotocolToken(options.token, 'token')
  else if (typeof options.getToken !== 'function') throw new ConfigurationError('getToken must be a function')

  const socket = createReconnectingWebSocket({
    url,
    // A static token cannot be refreshed, so only a getter makes a 4100 close worth a reconnect.
    ...(options.getToken
      ? { getProtocols: async () => authProtocols(await options.getToken!()) }
      : { protocols: authProtocols(options.token) }),
    WebSocket: options.WebSocket,
    idleTimeoutMs: options.idleTimeoutMs ?? 60_000,
    maxReconnects: options.maxReconnects,
    initialDelayMs: options.initialDelayMs,
    maxDelayMs: options.maxDelayMs,
    onTokenExpired: options.onTokenExpired,
    onOpen: () => options.onOpen?.(),
    onReconnect: options.onReconnect,
    onError: options.onError,
    signal: options.signal,
    onMessage: (data) => {
      const event = decodeObserverFrame(data)
      if (!event) return
      try {
        options.onEvent(event)
      } catch (error) {
        reportCallbackError(error)
      }
    },
  })
  return {
    close: () => socket.close(1000, 'observer closed'),
    get state() {
      return socket.state
    },
    done: socket.done,
  }
}
