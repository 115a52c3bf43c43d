import type { IncomingMessage, ServerResponse } from 'node:http'
import { Ending } from './ending'

// Browsers may call the mock directly (dashboards, realtime tests): allow any origin.
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers':
    'x-request-id, x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset, retry-after, www-authenticate',
}

/** The headers of every answer: CORS, the request id and a generous rate-limit window. */
export function standardHeaders(requestId: string): Record<string, string> {
  return {
    ...CORS,
    'x-request-id': requestId,
    'x-ratelimit-limit': '1000',
    'x-ratelimit-remaining': '999',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 60),
  }
}

/** Answers a CORS preflight (an OPTIONS request naming a method) with 204; undefined for others. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): Ending | undefined {
  if (req.method?.toUpperCase() !== 'OPTIONS' || !req.headers['access-control-request-method']) return
  res.writeHead(204, {
    ...CORS,
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS',
    'access-control-allow-headers': String(req.headers['access-control-request-headers'] ?? '*'),
    'access-control-max-age': '600',
  })
  res.end()
  return Ending.written(204)
}
