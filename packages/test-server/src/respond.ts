import type { OutgoingHttpHeaders, ServerResponse } from 'node:http'
import type { Handler } from './types'

/** Writes a JSON response (a `undefined` body sends no body at all, e.g. for 204). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body?: unknown,
  headers: OutgoingHttpHeaders = {},
) {
  if (body === undefined) {
    res.writeHead(status, headers)
    res.end()
    return
  }
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  })
  res.end(text)
}

/** Handler that always answers with the given status, JSON body and headers. */
export function json(status: number, body?: unknown, headers: OutgoingHttpHeaders = {}): Handler {
  return (_req, res) => sendJson(res, status, body, headers)
}

/** Handler that answers with a raw text body and the given content type. */
export function text(
  status: number,
  body: string,
  contentType = 'text/plain',
  headers: OutgoingHttpHeaders = {},
): Handler {
  return (_req, res) => {
    res.writeHead(status, {
      'content-type': contentType,
      'content-length': Buffer.byteLength(body),
      ...headers,
    })
    res.end(body)
  }
}
