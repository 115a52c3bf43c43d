import type { ReconnectingWebSocketErrorReason } from './reconnecting-websocket-error'

/** Why a managed WebSocket reconnects (`onReconnect`'s `reason`). */
export type ReconnectReason =
  /** A drop without a more specific code (1001, 1006, ...). */
  | 'connection_lost'
  /** 1011, 1012, 1014. */
  | 'server_error'
  /** 1013, 4029: the wait is raised. */
  | 'rate_limited'
  /**
   * No frame arrived within the idle timeout (or no handshake answer within `openTimeoutMs`, or, in a
   * text chat, no frame within `replyTimeoutMs` while a reply was awaited); the socket is replaced.
   */
  | 'idle_watchdog'
  /**
   * 4100 and `onTokenExpired` succeeded: reconnect with fresh protocols (at once unless the
   * connection before failed too).
   */
  | 'token_refreshed'

/** Close codes the Amigo realtime endpoints use. */
export const CloseCode = {
  NORMAL: 1000,
  GOING_AWAY: 1001,
  ABNORMAL: 1006,
  POLICY_VIOLATION: 1008,
  INTERNAL_ERROR: 1011,
  SERVICE_RESTART: 1012,
  TRY_AGAIN_LATER: 1013,
  BAD_GATEWAY: 1014,
  CLIENT_ERROR: 4001,
  FORBIDDEN: 4003,
  NOT_FOUND: 4004,
  TOKEN_EXPIRED: 4100,
  RATE_LIMITED: 4029,
  AUTH: 4403,
} as const

/** What the reconnect loop does after a close. */
export type CloseAction =
  /** The server ended the session normally: stop without an error. */
  | { kind: 'finished' }
  /** Stop and report `reason`. */
  | { kind: 'terminal'; reason: ReconnectingWebSocketErrorReason }
  /** Refresh credentials, then reconnect. */
  | { kind: 'refresh' }
  /** Reconnect with backoff; `rateLimited` raises the next delay to the rate-limit floor. */
  | { kind: 'retry'; reason: ReconnectReason; rateLimited: boolean }

// Plain numbers (POLICY_VIOLATION, CLIENT_ERROR, FORBIDDEN, NOT_FOUND; INTERNAL_ERROR,
// SERVICE_RESTART, BAD_GATEWAY): reading CloseCode here would count as a side effect, and then every
// bundle of the built package keeps these sets and CloseCode, even an SSE-only browser app.
const CLIENT_ERRORS = new Set<number>([1008, 4001, 4003, 4004])
const SERVER_ERRORS = new Set<number>([1011, 1012, 1014])

/** Maps a close code to the loop's next step (the taxonomy in the package README). */
export function classifyClose(code: number): CloseAction {
  if (code === CloseCode.NORMAL) return { kind: 'finished' }
  if (code === CloseCode.AUTH) return { kind: 'terminal', reason: 'auth' }
  if (code === CloseCode.TOKEN_EXPIRED) return { kind: 'refresh' }
  if (CLIENT_ERRORS.has(code)) return { kind: 'terminal', reason: 'client_error' }
  if (code === CloseCode.RATE_LIMITED || code === CloseCode.TRY_AGAIN_LATER)
    return { kind: 'retry', reason: 'rate_limited', rateLimited: true }
  if (SERVER_ERRORS.has(code)) return { kind: 'retry', reason: 'server_error', rateLimited: false }
  return { kind: 'retry', reason: 'connection_lost', rateLimited: false }
}
