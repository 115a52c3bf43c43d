// packages/webhooks/README.md, ### Node `http`

import type { ParsedWebhookEvent } from '@amigo-ai/webhooks'

// Your own logic (examples/handle-event.ts in the webhooks package).
declare function handleEvent(event: ParsedWebhookEvent): Promise<void>

// ---- example ----
import { createServer } from 'node:http'
import { parseWebhookEvent, WebhookVerificationError } from '@amigo-ai/webhooks'

createServer(async (req, res) => {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk)
  try {
    const event = await parseWebhookEvent({
      payload: Buffer.concat(chunks),
      headers: req.headers,
      secret: process.env.AMIGO_WEBHOOK_SECRET!,
    })
    await handleEvent(event)
    res.writeHead(204).end()
  } catch (error) {
    const rejected = error instanceof WebhookVerificationError
    res.writeHead(rejected ? 400 : 500).end(rejected ? error.reason : 'error')
  }
}).listen(3000)
