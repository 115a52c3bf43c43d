import { maxHeaderSize, type ServerResponse, STATUS_CODES } from 'node:http'
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

/** The raw answer to an unparsable request; the connection closes after it. */
function refusal(code: string | undefined): string {
  const { status, detail } = describe(code)
  const body = JSON.stringify({ detail })
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    'content-type: application/json',
    `content-length: ${Buffer.byteLength(body)}`,
    'connection: close',
  ]
  return `${head.join('\r\n')}\r\n\r\n${body}`
}

/**
 * The responses each socket is still writing (pipelined requests share one socket), and what waits
 * for them: bytes written to the socket meanwhile would land inside one of them.
 */
export class PendingResponses {
  private readonly count = new WeakMap<Duplex, number>()
  private readonly idle = new WeakMap<Duplex, () => void>()

  /** Counts `res` as in progress on `socket` until it closes. */
  track(socket: Duplex, res: ServerResponse): void {
    this.count.set(socket, (this.count.get(socket) ?? 0) + 1)
    res.once('close', () => {
      const left = (this.count.get(socket) ?? 1) - 1
      this.count.set(socket, left)
      const then = left === 0 ? this.idle.get(socket) : undefined
      if (!then) return
      this.idle.delete(socket)
      then()
    })
  }

  /** Runs `then` once `socket` has written every response in progress (now, when there is none). */
  whenIdle(socket: Duplex, then: () => void): void {
    if ((this.count.get(socket) ?? 0) === 0) then()
    else this.idle.set(socket, then)
  }
}

/**
 * The server's `clientError` listener: answers the unparsable request in the API's error shape once
 * the answers to the requests before it on the connection are written, then closes the connection
 * (nothing after the bad bytes can be read).
 */
export function answerClientError(pending: PendingResponses) {
  // The parser reports its error again for every later chunk of the connection: one answer is enough.
  const refused = new WeakSet<Duplex>()
  return (err: Error & { code?: string }, socket: Duplex): void => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy()
      return
    }
    if (refused.has(socket)) return
    refused.add(socket)
    const answer = refusal(err.code)
    pending.whenIdle(socket, () => {
      if (socket.writable) socket.end(answer, () => socket.destroy())
      else socket.destroy()
    })
  }
}
