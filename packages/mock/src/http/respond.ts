import type { ServerResponse } from 'node:http'
import { bodyKind } from '../spec/body-kind'

/** Writes a JSON (or empty) response with the mock's standard headers; non-JSON strings pass through. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return
  if (body === undefined || status === 204 || status === 304) {
    res.writeHead(status, headers)
    res.end()
    return
  }
  // A string with a non-JSON content type (the device page's HTML) goes out as-is.
  const raw =
    typeof body === 'string' &&
    headers['content-type'] !== undefined &&
    bodyKind(headers['content-type']) !== 'json'
  const text = raw ? (body as string) : JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  })
  res.end(text)
}
