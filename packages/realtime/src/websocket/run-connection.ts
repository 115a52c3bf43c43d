import type { WebSocketConstructor, WebSocketLike } from './websocket-types'

/** How one connection ended. */
export type ConnectionEnd =
  | { kind: 'closed'; code: number; reason: string; httpStatus?: number; opened: boolean }
  /** No frame arrived within the idle timeout; the socket was abandoned. */
  | { kind: 'idle'; opened: boolean }
  /** The WebSocket constructor threw (invalid URL, bad subprotocol). */
  | { kind: 'open_failed'; error: unknown }
  /** The caller asked to stop. */
  | { kind: 'stopped' }

/** Callbacks and settings for one connection. */
export interface ConnectionHooks {
  idleTimeoutMs: number
  onOpen(socket: WebSocketLike): void
  onMessage(data: string | ArrayBuffer): void
  /** Aborted when the caller wants the socket closed; `stopRequest()` then gives the code and reason. */
  stopSignal: AbortSignal
  stopRequest(): { code: number; reason: string }
}

/**
 * Runs one WebSocket from creation to its end and reports how it ended. The idle watchdog covers
 * the handshake too and is re-armed by every inbound frame; when it fires the socket is abandoned
 * at once (a half-open peer would never complete a closing handshake).
 */
export function runConnection(
  Ctor: WebSocketConstructor,
  url: string,
  protocols: string | string[] | undefined,
  hooks: ConnectionHooks,
): Promise<ConnectionEnd> {
  return new Promise<ConnectionEnd>((resolve) => {
    let socket: WebSocketLike
    try {
      socket = protocols === undefined ? new Ctor(url) : new Ctor(url, protocols)
    } catch (error) {
      resolve({ kind: 'open_failed', error })
      return
    }
    socket.binaryType = 'arraybuffer'
    let opened = false
    let httpStatus: number | undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    let closeGrace: ReturnType<typeof setTimeout> | undefined
    let settled = false

    const settle = (end: ConnectionEnd) => {
      if (settled) return
      settled = true
      if (timer !== undefined) clearTimeout(timer)
      if (closeGrace !== undefined) clearTimeout(closeGrace)
      hooks.stopSignal.removeEventListener('abort', onStop)
      socket.onopen = socket.onmessage = socket.onclose = null
      // `ws` emits an error when a socket is killed mid-handshake; with no listener it would throw.
      socket.onerror = () => {}
      resolve(end)
    }
    const abandon = (code: number, reason: string) => {
      const killable = socket as WebSocketLike & { terminate?: () => void }
      try {
        if (typeof killable.terminate === 'function') killable.terminate()
        else socket.close(code, reason)
      } catch {
        // Already closing or closed.
      }
    }
    const arm = () => {
      if (hooks.idleTimeoutMs <= 0) return
      if (timer !== undefined) clearTimeout(timer)
      timer = setTimeout(() => {
        settle({ kind: 'idle', opened })
        abandon(4000, 'idle timeout')
      }, hooks.idleTimeoutMs)
    }

    socket.onopen = () => {
      opened = true
      arm()
      hooks.onOpen(socket)
    }
    socket.onmessage = (event: { data: unknown }) => {
      arm()
      hooks.onMessage(normalise(event.data))
    }
    socket.onerror = (event: { message?: string; error?: { message?: string } }) => {
      // `ws` reports a refused upgrade as "Unexpected server response: 401"; browsers hide it.
      const text = event?.message ?? event?.error?.message ?? ''
      const match = /Unexpected server response: (\d{3})/.exec(text)
      if (match) httpStatus = Number(match[1])
      // Some runtimes (Node 22's undici WebSocket on a refused upgrade) fire `error` and never
      // `close`, leaving the socket CONNECTING forever; end the connection ourselves so the
      // reconnect loop goes on instead of hanging.
      if (closeGrace === undefined) {
        closeGrace = setTimeout(
          () => {
            settle({ kind: 'closed', code: 1006, reason: '', httpStatus, opened })
            abandon(1000, 'error without close')
          },
          opened ? 1000 : 50,
        )
      }
    }
    socket.onclose = (event: { code?: number; reason?: string }) => {
      settle({ kind: 'closed', code: event?.code ?? 1006, reason: event?.reason ?? '', httpStatus, opened })
    }
    // A listener per connection, removed when it settles: nothing accumulates over many reconnects.
    function onStop() {
      if (settled) return
      const { code, reason } = hooks.stopRequest()
      settle({ kind: 'stopped' })
      try {
        socket.close(code, reason)
      } catch {
        abandon(code, reason)
      }
    }
    arm()
    if (hooks.stopSignal.aborted) onStop()
    else hooks.stopSignal.addEventListener('abort', onStop, { once: true })
  })
}

function normalise(data: unknown): string | ArrayBuffer {
  if (typeof data === 'string' || data instanceof ArrayBuffer) return data
  if (ArrayBuffer.isView(data)) {
    const view = data as ArrayBufferView
    return view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength) as ArrayBuffer
  }
  return String(data)
}
