// Recipe: Express. Mount express.raw() on the webhook route so req.body is the untouched bytes
// (express.json() would hand you a re-parsed object, whose bytes no longer match the signature):
//   app.post('/webhooks/amigo', express.raw({ type: '*/*' }), amigoExpressHandler(process.env.AMIGO_WEBHOOK_SECRET!))
import type { IncomingHttpHeaders } from 'node:http'
import { parseWebhookEvent, WebhookVerificationError } from '@amigo-ai/webhooks'
import { handleEvent } from './handle-event'

/** The parts of Express's `req` the handler uses. */
export interface ExpressLikeRequest {
  body: unknown
  headers: IncomingHttpHeaders
}

/** The parts of Express's `res` the handler uses. */
export interface ExpressLikeResponse {
  sendStatus(code: number): unknown
  status(code: number): { send(body: string): unknown }
}

/** An Express route handler that accepts only authentic Amigo deliveries. */
export function amigoExpressHandler(secret: string) {
  return async (req: ExpressLikeRequest, res: ExpressLikeResponse, next: (error?: unknown) => void) => {
    if (!(req.body instanceof Uint8Array))
      return next(new Error('mount express.raw() before the Amigo webhook handler'))
    try {
      const event = await parseWebhookEvent({ payload: req.body, headers: req.headers, secret })
      await handleEvent(event)
      res.sendStatus(204)
    } catch (error) {
      if (error instanceof WebhookVerificationError) res.status(400).send(error.reason)
      else next(error)
    }
  }
}
