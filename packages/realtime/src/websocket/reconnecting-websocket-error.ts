import { AmigoError } from '@amigo-ai/core'

/** Why a managed WebSocket stopped (or why `send` refused). */
export type ReconnectingWebSocketErrorReason =
  /** 4403, or an HTTP 401/403 answer to the upgrade. */
  | 'auth'
  /** 4100 with no way to refresh (no `onTokenExpired` and no `getProtocols`), or the refresh failed. */
  | 'token_expired'
  /**
   * 1008, 4001, 4003, 4004, or a redirect answering the upgrade (never followed): the server refused
   * what the client did; retrying would not help.
   */
  | 'client_error'
  /** `maxReconnects` failed connections in a row (drops, server and rate-limit closes, idle sockets). */
  | 'reconnect_budget_exhausted'
  /** The socket could not be created (bad URL, no WebSocket implementation, protocol getter failed). */
  | 'open_failed'
  /** `send` was called while the socket was not open. */
  | 'not_open'
  /** A failure with no better reason (a chat reply lost with its connection). */
  | 'unknown'
  /**
   * Not raised: rate limits, server closes and idle sockets are reconnected (see `onReconnect`'s
   * reason) until the budget runs out, and closing is quiet. Part of the type for code written
   * against the single-package SDK, which names them.
   */
  | 'rate_limited'
  | 'server_error'
  | 'idle_watchdog'
  | 'aborted'

/** Fields of a {@link ReconnectingWebSocketError} besides its message. */
export interface ReconnectingWebSocketErrorInit {
  /** What went wrong (see {@link ReconnectingWebSocketErrorReason}). */
  reason: ReconnectingWebSocketErrorReason
  /** Close code of the last connection, when it closed. */
  closeCode?: number
  /** Close reason text of the last connection. */
  closeReason?: string
  /** Consecutive failed connection attempts when the error was raised. */
  attempts?: number
  /** The underlying error, when there was one. */
  cause?: unknown
}

/** Terminal failure of a managed WebSocket (also thrown by `send` when the socket is not open). */
export class ReconnectingWebSocketError extends AmigoError {
  static override readonly kind: string = 'ReconnectingWebSocketError'
  /** What went wrong (see {@link ReconnectingWebSocketErrorReason}). */
  declare readonly reason: ReconnectingWebSocketErrorReason
  /** The close code of the last connection, when it closed. */
  declare readonly closeCode: number | undefined
  /** The close reason text of the last connection. */
  declare readonly closeReason: string | undefined
  /** Consecutive failed connection attempts when this error was raised. */
  declare readonly attempts: number

  /** The SDK's form: a message and the fields. */
  constructor(message: string, init: ReconnectingWebSocketErrorInit)
  /** The single-package SDK's positional form, kept so code written for it still compiles. */
  constructor(
    message: string,
    reason: ReconnectingWebSocketErrorReason,
    closeCode?: number,
    closeReason?: string,
    attempts?: number,
  )
  constructor(
    message: string,
    init: ReconnectingWebSocketErrorInit | ReconnectingWebSocketErrorReason,
    closeCode?: number,
    closeReason?: string,
    attempts?: number,
  ) {
    const fields: ReconnectingWebSocketErrorInit =
      typeof init === 'string' ? { reason: init, closeCode, closeReason, attempts } : init
    super(message, { cause: fields.cause, errorCode: fields.reason })
    this.reason = fields.reason
    this.closeCode = fields.closeCode
    this.closeReason = fields.closeReason
    this.attempts = fields.attempts ?? 0
  }
}

/** Narrows an unknown error to {@link ReconnectingWebSocketError} (brand-based, works across copies). */
export function isReconnectingWebSocketError(value: unknown): value is ReconnectingWebSocketError {
  return ReconnectingWebSocketError.isInstance(value)
}
