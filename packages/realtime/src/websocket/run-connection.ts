import type { WebSocketFactory, WebSocketLike } from './websocket-types'

/** How one connection ended on its own (a connection stopped by the caller reports nothing). */
export type ConnectionEnd =
  | { kind: 'closed'; code: number; reason: string; httpStatus?: number }
  /** No frame arrived within the idle timeout; the socket was abandoned. */
  | { kind: 'idle' }

/** What one connection reports to its owner. */
export interface ConnectionHooks {
  /** Replace the socket when no frame arrives for this long (covers the handshake too); 0 disables. */
  idleTimeoutMs: number
  onOpen(socket: WebSocketLike): void
  onMessage(event: MessageEvent): void
  /** Called at most once, when the connection ended by itself. */
  onEnd(end: ConnectionEnd): void
}

/** One live connection. */
export interface Connection {
  readonly socket: WebSocketLike
  /** Closes the socket with `code`/`reason` and detaches: `onEnd` is not called afterwards. */
  stop(code: number, reason: string): void
}

type Listener = (event: any) => void

/**
 * Creates one socket with `factory` (synchronously) and watches it until it ends: open, frames,
 * close, the idle watchdog (re-armed by every frame; when it fires the socket is abandoned at once,
 * since a half-open peer would never complete a closing handshake) and runtimes that report a
 * failure with `error` and never `close`. Throws what the factory throws.
 */
export function openConnection(
  factory: WebSocketFactory,
  url: string,
  protocols: string | string[] | undefined,
  hooks: ConnectionHooks,
): Connection {
  const socket = factory(url, protocols)
  useArrayBuffers(socket)
  let settled = false
  let httpStatus: number | undefined
  let idleTimer: ReturnType<typeof setTimeout> | undefined
  let errorGrace: ReturnType<typeof setTimeout> | undefined

  const listeners: Record<'open' | 'message' | 'close', Listener> = {
    open: () => {
      arm()
      hooks.onOpen(socket)
    },
    message: (event: MessageEvent) => {
      arm()
      hooks.onMessage(event)
    },
    close: (event: { code?: number; reason?: string }) =>
      end({ kind: 'closed', code: event?.code ?? 1006, reason: event?.reason ?? '', httpStatus }),
  }
  // Stays attached after the end: `ws` throws an `error` event that has no listener.
  const onError = (event: { message?: string; error?: { message?: string } }) => {
    if (settled) return
    httpStatus = refusedUpgradeStatus(event) ?? httpStatus
    // Some runtimes (Node 22's undici WebSocket on a refused upgrade) fire `error` and never
    // `close`, leaving the socket CONNECTING forever: end the connection after a grace period.
    errorGrace ??= setTimeout(
      () => {
        end({ kind: 'closed', code: 1006, reason: '', httpStatus })
        abandon(socket, 1000, 'error without close')
      },
      socket.readyState === 1 ? 1000 : 50,
    )
  }

  function detach() {
    settled = true
    if (idleTimer !== undefined) clearTimeout(idleTimer)
    if (errorGrace !== undefined) clearTimeout(errorGrace)
    for (const [type, listener] of Object.entries(listeners))
      socket.removeEventListener(type as keyof typeof listeners, listener)
  }
  function end(outcome: ConnectionEnd) {
    if (settled) return
    detach()
    hooks.onEnd(outcome)
  }
  function arm() {
    if (hooks.idleTimeoutMs <= 0 || settled) return
    if (idleTimer !== undefined) clearTimeout(idleTimer)
    idleTimer = setTimeout(() => {
      end({ kind: 'idle' })
      abandon(socket, 4000, 'idle timeout')
    }, hooks.idleTimeoutMs)
  }

  for (const [type, listener] of Object.entries(listeners))
    socket.addEventListener(type as keyof typeof listeners, listener)
  socket.addEventListener('error', onError)
  arm()
  return {
    socket,
    stop(code, reason) {
      if (settled) return
      detach()
      try {
        socket.close(code, reason)
      } catch {
        abandon(socket, code, reason)
      }
    },
  }
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
