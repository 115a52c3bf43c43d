// packages/webhooks/README.md, ### Cloudflare Worker

import { type ParsedWebhookEvent, parseWebhookEvent, WebhookVerificationError } from '@amigo-ai/webhooks'

// Your own logic (examples/handle-event.ts in the webhooks package).
declare function handleEvent(event: ParsedWebhookEvent): Promise<void>

// ---- example ----
export default {
  async fetch(request: Request, env: { AMIGO_WEBHOOK_SECRET: string }) {
    if (request.method !== 'POST') return new Response(null, { status: 405 })
    try {
      const event = await parseWebhookEvent({
        payload: await request.arrayBuffer(),
        headers: request.headers,
        secret: env.AMIGO_WEBHOOK_SECRET,
      })
      await handleEvent(event)
      return new Response(null, { status: 204 })
    } catch (error) {
      if (error instanceof WebhookVerificationError) return new Response(error.reason, { status: 400 })
      return new Response('error', { status: 500 })
    }
  },
}
