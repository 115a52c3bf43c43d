import type { IncomingMessage } from 'node:http'

/** Largest request body the mock accepts. */
const MAX_BODY_BYTES = 10 * 1024 * 1024

/** Reads the whole request body as UTF-8 text (undefined when empty); rejects above the size limit. */
export function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY_BYTES) {
        reject(Object.assign(new Error('request body too large'), { status: 413 }))
        req.destroy()
        return
      }
      chunks.push(c)
    })
    req.on('end', () => resolve(size ? Buffer.concat(chunks).toString('utf8') : undefined))
    req.on('error', reject)
  })
}
