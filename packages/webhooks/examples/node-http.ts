// Recipe: plain node:http. Read the body as bytes, verify from the request headers.
//   createServer(amigoWebhookListener(process.env.AMIGO_WEBHOOK_SECRET!)).listen(3000)
import type { IncomingMessage, ServerResponse } from 'node:http'
import { parseWebhookEvent, WebhookVerificationError } from '@amigo-ai/webhooks'
import { handleEvent } from './handle-event'

const MAX_BODY = 1024 * 1024

/** A node:http request listener that accepts only authentic Amigo deliveries. */
export function amigoWebhookListener(secret: string) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') return void res.writeHead(405).end()
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length
      if (size > MAX_BODY) return void res.writeHead(413).end()
      chunks.push(chunk)
    }
    try {
      const event = await parseWebhookEvent({ payload: Buffer.concat(chunks), headers: req.headers, secret })
      await handleEvent(event)
      res.writeHead(204).end()
    } catch (error) {
      // Forged, altered or replayed: 400. Anything else is our bug: 500, so the platform retries.
      const rejected = error instanceof WebhookVerificationError
      res
        .writeHead(rejected ? 400 : 500, { 'content-type': 'text/plain' })
        .end(rejected ? error.reason : 'error')
    }
  }
}
