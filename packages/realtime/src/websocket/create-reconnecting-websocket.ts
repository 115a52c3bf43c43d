import { backoffDelay, sleep } from '@amigo-ai/core'
import { classifyClose } from './close-codes'
import { RealtimeConnectionError, type RealtimeConnectionErrorReason } from './realtime-connection-error'
import { reportCallbackError } from './report-callback-error'
import { resolveWebSocket } from './resolve-websocket'
import { type ConnectionEnd, runConnection } from './run-connection'
import { scrubSocketError } from './scrub-socket-error'
import { validateWebSocketOptions } from './validate-websocket-options'
import { WEBSOCKET_OPEN, type WebSocketConstructor, type WebSocketLike } from './websocket-types'

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
  /** Wait before this attempt (milliseconds). */
  delayMs: number
  /** Close code of the previous connection (absent after an idle-watchdog replacement). */
  closeCode?: number
  /** Why the previous connection ended. */
  reason: RealtimeConnectionErrorReason | 'token_refreshed'
}

/** Options for {@link createReconnectingWebSocket}. */
export interface ReconnectingWebSocketOptions {
  /** Socket URL, or a getter called before every connect. */
  url: string | (() => string | Promise<string>)
  /** Subprotocols sent on every connect (e.g. `['auth', token]`). */
  protocols?: string | string[]
  /** Returns the subprotocols; called before every connect, so a refreshed token is used. */
  getProtocols?: () => string | string[] | undefined | Promise<string | string[] | undefined>
  /** WebSocket class to use; default: the global one, else `ws` (Node without a global). */
  WebSocket?: WebSocketConstructor
  /** Reconnect when no frame arrives for this long (default 45000 ms; 0 disables). */
  idleTimeoutMs?: number
  /** Consecutive failed connections allowed before giving up (default 10). */
  maxReconnects?: number
  /** Backoff base in milliseconds (default 1000). */
  initialDelayMs?: number
  /** Backoff cap in milliseconds (default 30000). */
  maxDelayMs?: number
  /** Lower bound on the wait after a rate-limit close (1013, 4029); default 5000 ms. */
  rateLimitDelayMs?: number
  /** Source of randomness for the backoff jitter (tests pin it); default `Math.random`. */
  random?: () => number
  /** Every inbound frame: text as a string, binary as an ArrayBuffer. */
  onMessage?: (data: string | ArrayBuffer) => void
  /** Each time a connection opens; `attempt` is 0 for the first connection. */
  onOpen?: (info: { attempt: number; protocol: string }) => void
  /** Before each reconnect, with the 1-based attempt number. */
  onReconnect?: (attempt: number, info: WebSocketReconnectInfo) => void
  /** Called at most once, with the terminal error; not called when the caller closes. */
  onError?: (error: RealtimeConnectionError) => void
  /** On close code 4100 (token expired): refresh credentials; the loop then reconnects and calls `getProtocols` again. */
  onTokenExpired?: () => void | Promise<void>
  /** Closes the socket (1000, "client aborted") when aborted. */
  signal?: AbortSignal
}

/** Handle of a managed WebSocket. */
export interface ReconnectingWebSocket {
  /** Sends on the open socket; throws `RealtimeConnectionError` (`not_open`) otherwise. */
  send(data: string | ArrayBufferLike | ArrayBufferView | Blob): void
  /** Closes for good (default 1000); `done` resolves right after. Idempotent. */
  close(code?: number, reason?: string): void
  /** Current lifecycle state. */
  readonly state: ReconnectingWebSocketState
  /** Resolves when the socket is closed for good (by the caller, the server, or a terminal error); never rejects. */
  readonly done: Promise<void>
}

// A connection that stayed open this long proves the endpoint works, even if it sent nothing.
const STABLE_CONNECTION_MS = 10_000

/**
 * A WebSocket that reconnects with backoff and full jitter, replaces silent (half-open) sockets via an
 * idle watchdog, refreshes credentials on 4100 and stops only for reasons the caller can act on
 * (close-code taxonomy in `classifyClose`). Options of the wrong type throw `ConfigurationError` at
 * creation; after that it never throws: failures (a bad URL included) go to `onError`.
 */
export function createReconnectingWebSocket(options: ReconnectingWebSocketOptions): ReconnectingWebSocket {
  validateWebSocketOptions(options)
  const idleTimeoutMs = options.idleTimeoutMs ?? 45_000
  const maxReconnects = options.maxReconnects ?? 10
  const initialDelayMs = options.initialDelayMs ?? 1000
  const maxDelayMs = Math.max(options.maxDelayMs ?? 30_000, initialDelayMs)
  const rateLimitDelayMs = options.rateLimitDelayMs ?? 5000

  let state: ReconnectingWebSocketState = 'connecting'
  let socket: WebSocketLike | undefined
  let attempts = 0
  let connections = 0
  let stopRequest: { code: number; reason: string } | undefined
  const stopController = new AbortController()

  const close = (code = 1000, reason = 'client closed') => {
    if (stopRequest || state === 'terminal' || state === 'closed') return
    stopRequest = { code, reason }
    state = 'closing'
    stopController.abort()
  }
  const onAbort = () => close(1000, 'client aborted')
  if (options.signal?.aborted) close(1000, 'client aborted')
  else options.signal?.addEventListener('abort', onAbort, { once: true })

  const fail = (init: ConstructorParameters<typeof RealtimeConnectionError>[0]) => {
    state = 'terminal'
    const error = new RealtimeConnectionError({ ...init, attempts })
    try {
      options.onError?.(error)
    } catch {
      // A throwing onError must not break `done`.
    }
  }

  const run = async () => {
    let Ctor: WebSocketConstructor
    try {
      Ctor = await resolveWebSocket(options.WebSocket)
    } catch (error) {
      // The loader's message says what to do (install ws, or pass the WebSocket option).
      return fail({
        reason: 'open_failed',
        message: `No WebSocket implementation is available: ${error instanceof Error ? error.message : String(error)}`,
        cause: error,
      })
    }
    while (!stopRequest) {
      state = 'connecting'
      let url: string
      let protocols: string | string[] | undefined
      try {
        url = typeof options.url === 'function' ? await options.url() : options.url
        protocols = options.getProtocols ? await options.getProtocols() : options.protocols
      } catch (error) {
        return fail({
          reason: 'open_failed',
          message: 'Could not build the WebSocket URL or subprotocols',
          cause: error,
        })
      }
      if (stopRequest) break
      let openedAt = 0
      const end: ConnectionEnd = await runConnection(Ctor, url, protocols, {
        idleTimeoutMs,
        stopSignal: stopController.signal,
        stopRequest: () => stopRequest ?? { code: 1000, reason: 'client closed' },
        onOpen: (s) => {
          socket = s
          state = 'open'
          openedAt = Date.now()
          options.onOpen?.({ attempt: connections, protocol: s.protocol })
        },
        onMessage: (data) => {
          attempts = 0
          try {
            options.onMessage?.(data)
          } catch (error) {
            reportCallbackError(error)
          }
        },
      })
      socket = undefined
      connections++
      if (end.kind === 'stopped' || stopRequest) break
      if (end.kind === 'open_failed')
        return fail({
          reason: 'open_failed',
          message: 'The WebSocket could not be created',
          cause: scrubSocketError(end.error, url, protocols),
        })
      if (openedAt && Date.now() - openedAt >= STABLE_CONNECTION_MS) attempts = 0

      let reason: WebSocketReconnectInfo['reason']
      let minDelayMs = 0
      let immediate = false
      const closeCode = end.kind === 'closed' ? end.code : undefined
      const closeReason = end.kind === 'closed' ? end.reason : undefined
      if (end.kind === 'idle') reason = 'idle_watchdog'
      else if (end.httpStatus === 401 || end.httpStatus === 403)
        return fail({
          reason: 'auth',
          message: `The WebSocket upgrade was refused with HTTP ${end.httpStatus}`,
        })
      else {
        const action = classifyClose(end.code)
        if (action.kind === 'finished') break
        if (action.kind === 'terminal')
          return fail({
            reason: action.reason,
            message: `The server closed the WebSocket with ${end.code}${end.reason ? ` (${end.reason})` : ''}`,
            closeCode,
            closeReason,
          })
        if (action.kind === 'refresh') {
          if (!options.onTokenExpired && !options.getProtocols)
            return fail({
              reason: 'token_expired',
              message:
                'The server closed the WebSocket with 4100 (token expired) and no token refresh is configured',
              closeCode,
              closeReason,
            })
          try {
            await options.onTokenExpired?.()
          } catch (error) {
            return fail({
              reason: 'token_expired',
              message: 'Refreshing the token failed',
              closeCode,
              closeReason,
              cause: error,
            })
          }
          reason = 'token_refreshed'
          immediate = true
        } else {
          reason = action.reason
          if (action.rateLimited) minDelayMs = rateLimitDelayMs
        }
      }

      attempts++
      if (attempts > maxReconnects) {
        const exhaustedReason: RealtimeConnectionErrorReason =
          reason === 'token_refreshed' ? 'token_expired' : (reason as RealtimeConnectionErrorReason)
        return fail({
          reason: exhaustedReason,
          message: `Gave up after ${attempts} failed WebSocket connections in a row (maxReconnects ${maxReconnects})`,
          closeCode,
          closeReason,
        })
      }
      const jittered = immediate
        ? 0
        : backoffDelay(attempts - 1, { baseDelayMs: initialDelayMs, maxDelayMs, random: options.random })
      const delayMs = Math.max(jittered, minDelayMs)
      state = 'reconnecting'
      options.onReconnect?.(attempts, { delayMs, closeCode, reason })
      try {
        await sleep(delayMs, stopController.signal)
      } catch {
        break
      }
    }
    state = 'closed'
  }

  const done = run().finally(() => {
    options.signal?.removeEventListener('abort', onAbort)
    if (state !== 'terminal') state = 'closed'
  })

  return {
    send(data) {
      if (state !== 'open' || !socket || socket.readyState !== WEBSOCKET_OPEN)
        throw new RealtimeConnectionError({
          reason: 'not_open',
          message: `Cannot send: the WebSocket is ${state}`,
          attempts,
        })
      socket.send(data)
    },
    close,
    get state() {
      return state
    },
    done: done.catch(() => {}),
  }
}
