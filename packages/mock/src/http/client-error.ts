import { maxHeaderSize, STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'

/**
 * The status and detail for a request node:http could not parse (its headers too large, its syntax
 * broken, or it came too slowly), as FastAPI-style JSON: without this node answers a bare status
 * with no body, and only on a connection that has answered nothing yet.
 */
function describe(code: string | undefined): { status: number; detail: string } {
  if (code === 'HPE_HEADER_OVERFLOW')
    return { status: 431, detail: `request headers too large (over ${Math.floor(maxHeaderSize / 1024)} KB)` }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, detail: 'request timed out' }
  if (code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return { status: 413, detail: 'chunk extensions too large' }
  return { status: 400, detail: 'Invalid HTTP request' }
}

/**
 * The server's `clientError` listener: answers the unparsable request in the API's error shape, then
 * closes the connection (nothing after the bad bytes can be read). `busy` counts the responses each
 * socket is still writing: bytes written there would land inside one of them.
 */
export function answerClientError(busy: WeakMap<Duplex, number>) {
  return (err: Error & { code?: string }, socket: Duplex): void => {
    if (err.code === 'ECONNRESET' || !socket.writable || (busy.get(socket) ?? 0) > 0) {
      socket.destroy()
      return
    }
    const { status, detail } = describe(err.code)
    const body = JSON.stringify({ detail })
    const head = [
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
      'content-type: application/json',
      `content-length: ${Buffer.byteLength(body)}`,
      'connection: close',
    ]
    socket.end(`${head.join('\r\n')}\r\n\r\n${body}`, () => socket.destroy())
  }
}
