// Recipe: a Cloudflare Worker (or any runtime with a fetch handler). The secret comes from a
// binding: `wrangler secret put AMIGO_WEBHOOK_SECRET`.
import { parseWebhookEvent, WebhookVerificationError } from '@amigo-ai/webhooks'
import { handleEvent } from './handle-event'

/** The Worker's bindings. */
interface Env {
  AMIGO_WEBHOOK_SECRET: string
}

/** The Worker: POST deliveries only; 204 when handled, 400 with the reason when refused. */
export default {
  async fetch(request: Request, env: Env): Promise<Response> {
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
