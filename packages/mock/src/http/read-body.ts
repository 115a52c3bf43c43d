import type { IncomingMessage } from 'node:http'

/** Largest request body the mock accepts. */
const MAX_BODY_BYTES = 10 * 1024 * 1024

/**
 * Reads the whole request body as UTF-8 text (undefined when empty); rejects above the size limit
 * with status 413. The rest of an oversized body is read and dropped rather than the socket
 * destroyed, so the client gets the 413 answer instead of a reset connection.
 */
export function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      if (size > MAX_BODY_BYTES) return
      size += c.length
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0
        reject(Object.assign(new Error('request body too large (over 10 MB)'), { status: 413 }))
        return
      }
      chunks.push(c)
    })
    req.on('end', () => resolve(size ? Buffer.concat(chunks).toString('utf8') : undefined))
    req.on('error', reject)
  })
}
