import type { OutgoingHttpHeaders } from 'node:http'
import { json, sendJson } from './respond'
import type { Handler } from './types'

/** Answers `times` requests with `status` (JSON `body`), then delegates every later one to `then`. */
export function failTimes(
  times: number,
  status: number,
  then: Handler,
  opts: { body?: unknown; headers?: OutgoingHttpHeaders } = {},
): Handler {
  let seen = 0
  return (req, res) => {
    if (seen++ < times)
      return sendJson(res, status, opts.body ?? { detail: `injected ${status}` }, opts.headers)
    return then(req, res)
  }
}

/** Uses the handlers in order, one per request; the last one repeats forever. */
export function sequence(...handlers: Handler[]): Handler {
  if (handlers.length === 0) throw new Error('sequence() needs at least one handler')
  let i = 0
  return (req, res) => handlers[Math.min(i++, handlers.length - 1)]!(req, res)
}

/** A 429 answer; `retryAfter` (seconds as a number, or any raw string such as an HTTP date) adds `Retry-After`. */
export function rateLimited(
  opts: { retryAfter?: number | string; headers?: OutgoingHttpHeaders } = {},
): Handler {
  const headers: OutgoingHttpHeaders = { ...opts.headers }
  if (opts.retryAfter !== undefined) headers['retry-after'] = String(opts.retryAfter)
  return json(429, { detail: 'Rate limit exceeded' }, headers)
}

/** Waits `ms` before handing the request to `then` (skipped if the client went away meanwhile). */
export function delayed(ms: number, then: Handler): Handler {
  return (req, res) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        res.off('close', onClose)
        if (res.destroyed || req.raw.socket.destroyed) return resolve()
        Promise.resolve(then(req, res)).then(resolve, resolve)
      }, ms)
      const onClose = () => {
        clearTimeout(timer)
        resolve()
      }
      res.once('close', onClose)
    })
}

/** Destroys the socket without answering (the client sees a connection reset / socket hang up). */
export function resetConnection(): Handler {
  return (req) => {
    const socket = req.raw.socket as { resetAndDestroy?: () => void; destroy: () => void }
    if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy()
    else socket.destroy()
  }
}

/** Accepts the request and never answers (a half-open peer); `close()` on the server still frees it. */
export function halfOpen(): Handler {
  return () => {}
}

/** Answers with `content-type: application/json` and a body that is not valid JSON. */
export function malformedJson(status = 200, headers: OutgoingHttpHeaders = {}): Handler {
  const body = '{"truncated": '
  return (_req, res) => {
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      ...headers,
    })
    res.end(body)
  }
}

/** Sends headers and part of a body, then destroys the socket mid-response. */
export function truncatedBody(status = 200): Handler {
  return (req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': 1000 })
    res.write('{"partial": "')
    setTimeout(() => req.raw.socket.destroy(), 5)
  }
}
