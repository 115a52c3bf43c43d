import type { IncomingMessage } from 'node:http'

/** Close codes the platform uses on its WebSockets. */
export const WS_CLOSE = {
  normal: 1000,
  clientError: 4001,
  notFound: 4004,
  tokenExpired: 4100,
  auth: 4403,
  rateLimited: 4029,
} as const

/** The token offered as `Sec-WebSocket-Protocol: auth, <token>`, if any. */
export function subprotocolToken(req: IncomingMessage): string | undefined {
  const header = req.headers['sec-websocket-protocol']
  if (!header) return undefined
  const parts = String(header)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const i = parts.indexOf('auth')
  return i >= 0 ? parts[i + 1] : undefined
}
