import { AmigoError } from '@amigo-ai/core'

/** Why a managed WebSocket stopped (or why `send` refused). */
export type RealtimeConnectionErrorReason =
  /** 4403, or an HTTP 401/403 answer to the upgrade. */
  | 'auth'
  /** 4100 with no way to refresh (no `onTokenExpired` and no `getProtocols`), or the refresh failed. */
  | 'token_expired'
  /** 1013 / 4029 closes until the reconnect budget ran out. */
  | 'rate_limited'
  /** 1008, 4001, 4003, 4004: the server refused what the client did; retrying would not help. */
  | 'client_error'
  /** Server-side closes (1011, 1012, 1014) until the reconnect budget ran out. */
  | 'server_error'
  /** Other drops (1006 and the like) until the reconnect budget ran out. */
  | 'reconnect_budget_exhausted'
  /** The idle watchdog replaced silent sockets until the reconnect budget ran out. */
  | 'idle_watchdog'
  /** The socket could not be created (bad URL, no WebSocket implementation, protocol getter failed). */
  | 'open_failed'
  /** `send` was called while the socket was not open. */
  | 'not_open'
  | 'unknown'

/** Terminal failure of a managed WebSocket (also thrown by `send` when not open). */
export class RealtimeConnectionError extends AmigoError {
  static override readonly kind: string = 'RealtimeConnectionError'
  /** What went wrong (see {@link RealtimeConnectionErrorReason}). */
  readonly reason: RealtimeConnectionErrorReason
  /** The close code of the last connection, when it closed. */
  readonly closeCode?: number
  /** The close reason text of the last connection. */
  readonly closeReason?: string
  /** Consecutive failed connection attempts when this error was raised. */
  readonly attempts: number

  constructor(init: {
    reason: RealtimeConnectionErrorReason
    message: string
    closeCode?: number
    closeReason?: string
    attempts?: number
    cause?: unknown
  }) {
    super(init.message, { cause: init.cause, errorCode: init.reason })
    this.reason = init.reason
    if (init.closeCode !== undefined) this.closeCode = init.closeCode
    if (init.closeReason !== undefined) this.closeReason = init.closeReason
    this.attempts = init.attempts ?? 0
  }
}

/** Narrows an unknown error to {@link RealtimeConnectionError} (brand-based, works across copies). */
export function isRealtimeConnectionError(value: unknown): value is RealtimeConnectionError {
  return RealtimeConnectionError.isInstance(value)
}
