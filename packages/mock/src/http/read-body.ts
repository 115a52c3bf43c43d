import type { IncomingMessage, ServerResponse } from 'node:http'

/** Largest request body the mock accepts. */
const MAX_BODY_BYTES = 10 * 1024 * 1024

/** After a refused body, how much more of it the mock reads and drops before it cuts the connection. */
const DRAIN_BYTES = 8 * 1024 * 1024

/** After a refused body, how long the mock goes on reading and dropping before it cuts the connection. */
const DRAIN_MS = 2000

/** The way to fail each body being read (see refuseBody). */
const reading = new WeakMap<IncomingMessage, (status: number, detail: string) => void>()

/**
 * Reads the whole request body as bytes (undefined when empty); rejects above the size limit with
 * status 413, and the connection ends after that answer (see `closeAfterAnswer`).
 */
export function readBody(req: IncomingMessage, res: ServerResponse): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const refuse = (status: number, detail: string) => {
      reading.delete(req)
      req.off('data', onData)
      chunks.length = 0
      reject(Object.assign(new Error(detail), { status }))
      closeAfterAnswer(req, res)
    }
    const onData = (c: Buffer) => {
      size += c.length
      if (size <= MAX_BODY_BYTES) chunks.push(c)
      else refuse(413, 'request body too large (over 10 MB)')
    }
    reading.set(req, refuse)
    req.on('data', onData)
    req.on('end', () => {
      reading.delete(req)
      resolve(size ? Buffer.concat(chunks) : undefined)
    })
    req.on('error', (e) => {
      reading.delete(req)
      reject(e)
    })
  })
}

/**
 * Rejects the body `req` is being read for with `status` and `detail` (a chunked body node:http
 * cannot parse); the request's answer says so and the connection ends after it. False when no
 * body of `req` is being read.
 */
export function refuseBody(req: IncomingMessage, status: number, detail: string): boolean {
  const refuse = reading.get(req)
  refuse?.(status, detail)
  return refuse !== undefined
}

/**
 * Ends the connection of a refused body (too large, or unparsable) without losing the answer. The
 * rest of the body is read and dropped (a socket closed with unread data resets the connection, and
 * the client may never read the answer); once the answer is sent the mock closes its side, so a
 * client that stops sending closes cleanly. One that goes on sending (an endless upload) is cut off
 * after DRAIN_BYTES or DRAIN_MS.
 */
function closeAfterAnswer(req: IncomingMessage, res: ServerResponse): void {
  const socket = req.socket
  const cutOff = () => socket.destroy()
  const timer = setTimeout(cutOff, DRAIN_MS)
  timer.unref()
  socket.once('close', () => clearTimeout(timer))
  let dropped = 0
  req.on('data', (c: Buffer) => {
    dropped += c.length
    if (dropped > DRAIN_BYTES) cutOff()
  })
  res.once('finish', () => socket.end())
}
