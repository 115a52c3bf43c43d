// Recipe: Hono (Node, Bun, Deno or Workers). `c.req.raw` is the standard Request:
//   app.post('/webhooks/amigo', amigoHonoHandler(secret))
import { parseWebhookEvent, WebhookVerificationError } from '@amigo-ai/webhooks'
import { handleEvent } from './handle-event'

/** The parts of Hono's Context the handler uses. */
export interface HonoLikeContext {
  req: { raw: Request }
  body(data: null, status: number): Response
  text(text: string, status: number): Response
}

/** A Hono handler that accepts only authentic Amigo deliveries. */
export function amigoHonoHandler(secret: string) {
  return async (c: HonoLikeContext): Promise<Response> => {
    const request = c.req.raw
    try {
      const event = await parseWebhookEvent({
        payload: await request.arrayBuffer(),
        headers: request.headers,
        secret,
      })
      await handleEvent(event)
      return c.body(null, 204)
    } catch (error) {
      if (error instanceof WebhookVerificationError) return c.text(error.reason, 400)
      throw error
    }
  }
}
