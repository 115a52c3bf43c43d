import { backoffDelay } from '@amigo-ai/core'
import { classifyClose, type ReconnectReason } from './close-codes'
import type { ReconnectingWebSocketErrorReason } from './reconnecting-websocket-error'
import type { ConnectionEnd } from './run-connection'

interface CloseDetails {
  closeCode?: number
  closeReason?: string
}

/** What to do after a connection ended by itself. */
export type AfterEnd =
  /** The server ended the session normally. */
  | { kind: 'finish' }
  /** Stop for good with this reason. */
  | ({ kind: 'fail'; reason: ReconnectingWebSocketErrorReason; message: string } & CloseDetails)
  /** Refresh credentials (`onTokenExpired`), then reconnect (see planReconnect). */
  | ({ kind: 'refresh' } & CloseDetails)
  /** Reconnect after a backoff; `rateLimited` raises the wait. */
  | ({ kind: 'retry'; reason: ReconnectReason; rateLimited: boolean } & CloseDetails)

/** Maps how a connection ended to the next step (the close-code taxonomy of the package README). */
export function afterConnectionEnd(end: ConnectionEnd, canRefresh: boolean): AfterEnd {
  if (end.kind === 'idle') return { kind: 'retry', reason: 'idle_watchdog', rateLimited: false }
  const details: CloseDetails = { closeCode: end.code, closeReason: end.reason }
  const status = end.httpStatus ?? 0
  if (status === 401 || status === 403)
    return { kind: 'fail', reason: 'auth', message: `The WebSocket upgrade was refused with HTTP ${status}` }
  // Never followed (the auth subprotocol would go wherever Location points), so every retry would
  // meet the same answer.
  if (status >= 300 && status < 400)
    return {
      kind: 'fail',
      reason: 'client_error',
      message: `The WebSocket upgrade was answered with a redirect (HTTP ${status}), which is not followed: connect to the final URL`,
    }
  const action = classifyClose(end.code)
  const closedWith = `The server closed the WebSocket with ${end.code}${end.reason ? ` (${end.reason})` : ''}`
  switch (action.kind) {
    case 'finished':
      return { kind: 'finish' }
    case 'terminal':
      return { kind: 'fail', reason: action.reason, message: closedWith, ...details }
    case 'refresh':
      if (canRefresh) return { kind: 'refresh', ...details }
      return {
        kind: 'fail',
        reason: 'token_expired',
        message: `${closedWith}: the token expired and no token refresh is configured`,
        ...details,
      }
    case 'retry':
      return { kind: 'retry', reason: action.reason, rateLimited: action.rateLimited, ...details }
  }
}

/** Backoff settings of a managed WebSocket. */
export interface BackoffSettings {
  maxReconnects: number
  initialDelayMs: number
  maxDelayMs: number
  rateLimitDelayMs: number
  random: () => number
}

/**
 * Whether to reconnect after the `failures`-th failed connection in a row, and after how long. Past
 * the budget the reason is always `reconnect_budget_exhausted` (what ended the last connection is in
 * the message, and its close code on the error).
 */
export type ReconnectPlan =
  | { kind: 'wait'; delayMs: number }
  | { kind: 'give_up'; reason: ReconnectingWebSocketErrorReason; message: string }

/**
 * Full-jitter backoff on `initialDelayMs` doubling to `maxDelayMs`; 0 after a token refresh that
 * follows no other failure; after a
 * rate-limit close, at least a random point in [rateLimitDelayMs / 2, rateLimitDelayMs), so that the
 * clients a limit threw off together do not all come back at once.
 */
export function planReconnect(
  failures: number,
  step: { reason: ReconnectReason; rateLimited: boolean },
  settings: BackoffSettings,
): ReconnectPlan {
  if (failures > settings.maxReconnects)
    return {
      kind: 'give_up',
      reason: 'reconnect_budget_exhausted',
      message: `Out of reconnect budget: ${failures} failed WebSocket connections in a row (maxReconnects ${settings.maxReconnects}), the last ended by ${step.reason}`,
    }
  // Only the first refresh in a row is immediate: a server closing every connection with 4100
  // would otherwise get a reconnect storm (and the token source a refresh storm).
  if (step.reason === 'token_refreshed' && failures < 2) return { kind: 'wait', delayMs: 0 }
  const { initialDelayMs, maxDelayMs, random } = settings
  const jittered = backoffDelay(failures - 1, { baseDelayMs: initialDelayMs, maxDelayMs, random })
  if (!step.rateLimited) return { kind: 'wait', delayMs: jittered }
  const floor = Math.floor((settings.rateLimitDelayMs * (1 + random())) / 2)
  return { kind: 'wait', delayMs: Math.max(jittered, floor) }
}
