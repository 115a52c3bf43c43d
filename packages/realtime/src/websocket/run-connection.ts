import { redactSocketSecrets } from './scrub-socket-error'
import type { WebSocketFactory, WebSocketLike } from './websocket-types'

/** How one connection ended on its own (a connection stopped by the caller reports nothing). */
export type ConnectionEnd =
  | { kind: 'closed'; code: number; reason: string; httpStatus?: number }
  /** No frame arrived within the idle timeout (or no handshake answer in time); the socket was abandoned. */
  | { kind: 'idle' }

/** What one connection reports to its owner. */
export interface ConnectionHooks {
  /** Replace the socket when no frame arrives for this long after it opened; 0 disables. */
  idleTimeoutMs: number
  /**
   * Give up on a handshake not answered in this long; 0 disables. While connecting the shorter of
   * this and `idleTimeoutMs` applies (a browser or `ws` socket would wait on a silent server for ever).
   */
  openTimeoutMs: number
  /** `protocol` is the subprotocol the server selected, redacted as close reasons are. */
  onOpen(protocol: string): void
  onMessage(event: MessageEvent): void
  /** Called at most once, when the connection ended by itself. */
  onEnd(end: ConnectionEnd): void
}

/** One live connection. */
export interface Connection {
  readonly socket: WebSocketLike
  /** Closes the socket with `code`/`reason` and detaches: `onEnd` is not called afterwards. */
  stop(code: number, reason: string): void
  /**
   * Sets the idle watchdog's limit to `ms` (0: off), in place of `idleTimeoutMs`; once the socket is
   * open it restarts now, and every frame re-arms it with the new limit.
   */
  watchSilence(ms: number): void
}

type Listener = (event: any) => void
type WatchedEvent = 'open' | 'message' | 'close'

/**
 * Creates one socket with `factory` (synchronously) and watches it until it ends (see
 * WatchedConnection). Throws what the factory throws.
 */
export function openConnection(
  factory: WebSocketFactory,
  url: string,
  protocols: string | string[] | undefined,
  hooks: ConnectionHooks,
): Connection {
  const socket = factory(url, protocols)
  useArrayBuffers(socket)
  // A server may echo the request (its subprotocols, its query token) into the close reason, which
  // the caller gets as an error's message and `closeReason`, or select the token of `auth, <token>`
  // as its subprotocol, which the caller gets in onOpen.
  return new WatchedConnection(socket, hooks, (text) => redactSocketSecrets(text, url, protocols))
}

/**
 * One socket watched until it ends: open, frames, close, the idle watchdog (re-armed by every frame;
 * when it fires the socket is abandoned at once, since a half-open peer would never complete a
 * closing handshake) and runtimes that report a failure with `error` and never `close`.
 */
class WatchedConnection implements Connection {
  readonly socket: WebSocketLike
  readonly #hooks: ConnectionHooks
  readonly #listeners: Record<WatchedEvent, Listener>
  #settled = false
  #opened = false
  /** The idle watchdog's limit: `idleTimeoutMs` unless the owner has set another (watchSilence). */
  #silenceMs: number
  #httpStatus: number | undefined
  #idleTimer: ReturnType<typeof setTimeout> | undefined
  #errorGrace: ReturnType<typeof setTimeout> | undefined

  constructor(socket: WebSocketLike, hooks: ConnectionHooks, redact: (text: string) => string) {
    this.socket = socket
    this.#hooks = hooks
    this.#silenceMs = hooks.idleTimeoutMs
    this.#listeners = {
      open: () => {
        this.#opened = true
        this.#arm(this.#silenceMs)
        hooks.onOpen(redact(socket.protocol ?? ''))
      },
      message: (event: MessageEvent) => {
        this.#arm(this.#silenceMs)
        hooks.onMessage(event)
      },
      close: (event: { code?: number; reason?: string }) =>
        this.#end({
          kind: 'closed',
          code: event?.code ?? 1006,
          reason: typeof event?.reason === 'string' ? redact(event.reason) : '',
          httpStatus: this.#httpStatus,
        }),
    }
    for (const [type, listener] of Object.entries(this.#listeners))
      socket.addEventListener(type as WatchedEvent, listener)
    // Stays attached after the end: `ws` throws an `error` event that has no listener.
    socket.addEventListener('error', (event) => this.#onError(event))
    this.#arm(untilOpen(hooks))
  }

  stop(code: number, reason: string): void {
    if (this.#settled) return
    this.#detach()
    try {
      this.socket.close(code, reason)
      dropAfterGrace(this.socket)
    } catch {
      // A code or reason the runtime refuses (browsers: 1000 or 3000-4999, at most 123 bytes) must
      // not leave the socket open: close it with one every runtime accepts.
      abandon(this.socket, 1000, '')
    }
  }

  watchSilence(ms: number): void {
    this.#silenceMs = ms
    // While connecting the handshake limit stays in charge; the open event arms the new one.
    if (this.#opened) this.#arm(ms)
  }

  #onError(event: { message?: string; error?: { message?: string } }): void {
    if (this.#settled) return
    this.#httpStatus = refusedUpgradeStatus(event) ?? this.#httpStatus
    // Some runtimes (Node 22's undici WebSocket on a refused upgrade) fire `error` and never
    // `close`, leaving the socket CONNECTING forever: end the connection after a grace period.
    this.#errorGrace ??= setTimeout(
      () => {
        this.#end({ kind: 'closed', code: 1006, reason: '', httpStatus: this.#httpStatus })
        abandon(this.socket, 1000, 'error without close')
      },
      this.socket.readyState === 1 ? 1000 : 50,
    )
  }

  #detach(): void {
    this.#settled = true
    if (this.#idleTimer !== undefined) clearTimeout(this.#idleTimer)
    if (this.#errorGrace !== undefined) clearTimeout(this.#errorGrace)
    for (const [type, listener] of Object.entries(this.#listeners))
      this.socket.removeEventListener(type as WatchedEvent, listener)
  }

  #end(outcome: ConnectionEnd): void {
    if (this.#settled) return
    this.#detach()
    this.#hooks.onEnd(outcome)
  }

  /** (Re)starts the watchdog: the socket is abandoned if nothing arrives within `ms` (0: no watchdog). */
  #arm(ms: number): void {
    if (this.#idleTimer !== undefined) clearTimeout(this.#idleTimer)
    this.#idleTimer = undefined
    if (ms <= 0 || this.#settled) return
    this.#idleTimer = setTimeout(() => {
      this.#end({ kind: 'idle' })
      abandon(this.socket, 4000, 'idle timeout')
    }, ms)
  }
}

/** The watchdog while connecting: the shorter of the two limits that are set (0 when neither is). */
function untilOpen({ idleTimeoutMs: idle, openTimeoutMs: open }: ConnectionHooks): number {
  return idle > 0 && open > 0 ? Math.min(idle, open) : Math.max(idle, open)
}

/** Asks for binary frames as ArrayBuffers. */
function useArrayBuffers(socket: WebSocketLike): void {
  try {
    socket.binaryType = 'arraybuffer'
  } catch {
    // A socket that keeps its own binary type still works; binary frames then arrive as it gives them.
  }
}

/** The HTTP status of a refused upgrade: `ws` says "Unexpected server response: 401"; browsers hide it. */
function refusedUpgradeStatus(event: { message?: string; error?: { message?: string } }): number | undefined {
  const match = /Unexpected server response: (\d{3})/.exec(event?.message ?? event?.error?.message ?? '')
  return match ? Number(match[1]) : undefined
}

// How long a closed socket may wait for the peer's answer to its close frame.
const CLOSE_GRACE_MS = 1000

/**
 * `ws` waits up to 30 s for the peer to answer a close frame, on a timer that keeps Node running, so
 * a silent or vanished server would hold the process that long after `close()`. Drop it after a
 * short grace instead (the close frame has gone out by then), on a timer that holds nothing.
 */
function dropAfterGrace(socket: WebSocketLike): void {
  const killable = socket as WebSocketLike & { terminate?: () => void }
  if (typeof killable.terminate !== 'function') return
  const timer = setTimeout(() => abandon(socket, 1000, ''), CLOSE_GRACE_MS) as { unref?: () => void }
  timer.unref?.()
}

/** Drops the socket at once (`ws`'s terminate) or, where there is none, closes it. */
function abandon(socket: WebSocketLike, code: number, reason: string): void {
  const killable = socket as WebSocketLike & { terminate?: () => void }
  try {
    if (typeof killable.terminate === 'function') killable.terminate()
    else socket.close(code, reason)
  } catch {
    // Already closing or closed.
  }
}
