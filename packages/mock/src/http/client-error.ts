import { maxHeaderSize } from 'node:http'
import type { Duplex } from 'node:stream'
import type { PendingResponses } from './pending-responses'
import { rawJsonAnswer } from './raw-answer'
import { refuseBody } from './read-body'

/**
 * The status and detail for a request node:http could not parse (its headers too large, its syntax
 * or its chunked body broken, or it came too slowly), as FastAPI-style JSON: without this node
 * answers a bare status with no body, and only on a connection that has answered nothing yet.
 */
function describe(code: string | undefined): { status: number; detail: string } {
  if (code === 'HPE_HEADER_OVERFLOW')
    return { status: 431, detail: `request headers too large (over ${Math.floor(maxHeaderSize / 1024)} KB)` }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, detail: 'request timed out' }
  if (code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return { status: 413, detail: 'chunk extensions too large' }
  return { status: 400, detail: 'Invalid HTTP request' }
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
    const { status, detail } = describe(err.code)
    // A broken (chunked) body belongs to a request whose response is in progress and waits for that
    // body: node ends the body only when the socket closes, so waiting for that response here would
    // hang both. Its own pipeline answers it instead.
    const inBody = pending.inBody(socket)
    if (inBody && refuseBody(inBody, status, detail)) return
    pending.endWith(socket, rawJsonAnswer(status, detail))
  }
}
