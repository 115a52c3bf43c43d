import type { ReconnectReason } from './close-codes'
import type { ReconnectingWebSocketError } from './reconnecting-websocket-error'
import { ReconnectingWebSocketMachine } from './reconnecting-websocket-machine'
import { validateWebSocketOptions } from './validate-websocket-options'
import type { WebSocketConstructor, WebSocketFactory } from './websocket-types'

/** Lifecycle state of a managed WebSocket. */
export type ReconnectingWebSocketState =
  | 'connecting'
  | 'open'
  | 'reconnecting'
  | 'closing'
  | 'closed'
  | 'terminal'

/** Details passed to `onReconnect`. */
export interface WebSocketReconnectInfo {
  /** 1-based number of this reconnect among the failures in a row. */
  attempt: number
  /** Wait before this attempt (milliseconds). */
  delayMs: number
  /** Close code of the previous connection (undefined after an idle-watchdog replacement). */
  closeCode: number | undefined
  /** Why the previous connection ended. */
  reason: ReconnectReason
}

/** Options for {@link createReconnectingWebSocket}. */
export interface ReconnectingWebSocketOptions {
  /** Socket URL, or a getter called before every connect. */
  url: string | (() => string | Promise<string>)
  /** Subprotocols sent on every connect (e.g. `['auth', token]`). */
  protocols?: string | string[]
  /** Returns the subprotocols; called before every connect, so a refreshed token is used. */
  getProtocols?: () => string | string[] | undefined | Promise<string | string[] | undefined>
  /** Creates each socket (test doubles, custom runtimes); give this or `WebSocket`, not both. */
  webSocketFactory?: WebSocketFactory
  /** WebSocket class to use; default: the global one, else `ws` (Node without a global). */
  WebSocket?: WebSocketConstructor
  /** Reconnect when no frame arrives for this long (default 45000 ms; 0 disables). */
  idleTimeoutMs?: number
  /**
   * Abandon a connection attempt, and reconnect, when its URL or protocol getter (`getToken`, where
   * there is one) has not answered in this long, or then its handshake (default 30000 ms; 0
   * disables). During the handshake the shorter of this and `idleTimeoutMs` applies.
   */
  openTimeoutMs?: number
  /** Consecutive failed connections allowed before giving up (default 10; `Infinity`: never). */
  maxReconnects?: number
  /** Backoff base in milliseconds (default 1000). */
  initialDelayMs?: number
  /** Backoff cap in milliseconds (default 30000). */
  maxDelayMs?: number
  /** After a rate-limit close (1013, 4029) wait between half and all of this (default 5000 ms). */
  rateLimitDelayMs?: number
  /** Source of randomness for the backoff jitter (tests pin it); default `Math.random`. */
  random?: () => number
  /** Every inbound frame, as the socket delivered it: `event.data` is a string, or an ArrayBuffer for binary. */
  onMessage?: (event: MessageEvent) => void
  /**
   * Each time a connection opens; `attempt` is 0 for the first connection, `protocol` the subprotocol
   * the server selected (`[REDACTED]` when it selected the token of `auth, <token>`).
   */
  onOpen?: (info: { attempt: number; protocol: string }) => void
  /** Each change of `state`. */
  onStateChange?: (state: ReconnectingWebSocketState) => void
  /** Before each reconnect, with the 1-based attempt number, the wait and what ended the last connection. */
  onReconnect?: (info: WebSocketReconnectInfo) => void
  /** Called at most once, with the terminal error; not called when the caller closes. */
  onError?: (error: ReconnectingWebSocketError) => void
  /** On close code 4100 (token expired): refresh credentials; the loop then reconnects and calls `getProtocols` again. */
  onTokenExpired?: () => unknown
  /** Closes the socket (1000, "client aborted") when aborted. */
  signal?: AbortSignal
}

/** Handle of a managed WebSocket. */
export interface ReconnectingWebSocketHandle {
  /** Resolves when the socket is closed for good (by the caller, the server, or a terminal error); never rejects. */
  done: Promise<void>
  /** Sends on the open socket; throws `ReconnectingWebSocketError` (`not_open`) otherwise. */
  send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void
  /** Closes for good (default 1000); `done` resolves right after. Idempotent. */
  close(code?: number, reason?: string): void
  /** Current lifecycle state. */
  readonly state: ReconnectingWebSocketState
}

/**
 * A WebSocket that reconnects with backoff and full jitter, replaces silent (half-open) sockets via an
 * idle watchdog, refreshes credentials on 4100 and stops only for reasons the caller can act on
 * (close-code taxonomy in `classifyClose`). The first socket is created before this returns whenever
 * nothing has to be awaited (a fixed URL and protocols, and a WebSocket at hand). Options of the wrong
 * type throw `ConfigurationError`; after that it never throws: failures (a bad URL included) go to
 * `onError`, and a callback that throws is reported without ending anything.
 */
export function createReconnectingWebSocket(
  options: ReconnectingWebSocketOptions,
): ReconnectingWebSocketHandle {
  const machine = startReconnectingWebSocket(options)
  return {
    send: (data) => machine.send(data),
    close: (code, reason) => machine.close(code, reason),
    get state() {
      return machine.state
    },
    done: machine.done,
  }
}

/**
 * `createReconnectingWebSocket`'s machine itself, for this package's clients that need more than the
 * public handle (the text chat switches the silence limit while a reply is awaited).
 */
export function startReconnectingWebSocket(
  options: ReconnectingWebSocketOptions,
): ReconnectingWebSocketMachine {
  validateWebSocketOptions(options)
  const machine = new ReconnectingWebSocketMachine({
    ...options,
    idleTimeoutMs: options.idleTimeoutMs ?? 45_000,
    openTimeoutMs: options.openTimeoutMs ?? 30_000,
    maxReconnects: options.maxReconnects ?? 10,
    initialDelayMs: options.initialDelayMs ?? 1000,
    maxDelayMs: Math.max(options.maxDelayMs ?? 30_000, options.initialDelayMs ?? 1000),
    rateLimitDelayMs: options.rateLimitDelayMs ?? 5000,
    random: options.random ?? Math.random,
  })
  machine.start()
  return machine
}
