import type { WebSocket } from 'ws'
import { MAX_UNSENT_BYTES } from './limits'

/**
 * 1013 (try again later): the SDK's managed sockets reconnect after it, as the event stream's clients
 * do after their cut. Not one of the platform's own codes, so not in `WS_CLOSE`.
 */
const TOO_MUCH_UNREAD = {
  code: 1013,
  reason: `client left over ${MAX_UNSENT_BYTES / (1024 * 1024)} MiB unread`,
} as const

/**
 * Sends `frame` as JSON if the socket is open. A socket whose client leaves more than
 * `MAX_UNSENT_BYTES` unread is closed with `TOO_MUCH_UNREAD` and sent nothing more. Returns whether
 * the socket is still open for more.
 */
export function sendJsonFrame(ws: WebSocket, frame: unknown): boolean {
  if (ws.readyState !== ws.OPEN) return false
  ws.send(JSON.stringify(frame))
  if (ws.bufferedAmount <= MAX_UNSENT_BYTES) return true
  // The close frame waits behind what is unsent; ws drops the connection if the client does not
  // answer it within its close timeout, so the bytes held stay bounded meanwhile.
  ws.close(TOO_MUCH_UNREAD.code, TOO_MUCH_UNREAD.reason)
  return false
}
