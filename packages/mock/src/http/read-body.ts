import type { IncomingMessage, ServerResponse } from 'node:http'

/** Largest request body the mock accepts. */
const MAX_BODY_BYTES = 10 * 1024 * 1024

/** After a 413, how much more of the body the mock reads and drops before it cuts the connection. */
const DRAIN_BYTES = 8 * 1024 * 1024

/** After a 413, how long the mock goes on reading and dropping before it cuts the connection. */
const DRAIN_MS = 2000

/**
 * Reads the whole request body as UTF-8 text (undefined when empty); rejects above the size limit
 * with status 413, and the connection ends after that answer (see `closeAfterAnswer`).
 */
export function readBody(req: IncomingMessage, res: ServerResponse): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (c: Buffer) => {
      size += c.length
      if (size <= MAX_BODY_BYTES) {
        chunks.push(c)
        return
      }
      req.off('data', onData)
      chunks.length = 0
      reject(Object.assign(new Error('request body too large (over 10 MB)'), { status: 413 }))
      closeAfterAnswer(req, res)
    }
    req.on('data', onData)
    req.on('end', () => resolve(size ? Buffer.concat(chunks).toString('utf8') : undefined))
    req.on('error', reject)
  })
}

/**
 * Ends the connection of a refused body without losing the answer. The rest of the body is read and
 * dropped (a socket closed with unread data resets the connection, and the client may never read the
 * 413); once the answer is sent the mock closes its side, so a client that stops sending closes
 * cleanly. One that goes on sending (an endless upload) is cut off after DRAIN_BYTES or DRAIN_MS.
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
