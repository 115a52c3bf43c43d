// Recipe: Express. Mount express.raw() on the webhook route so req.body is the untouched bytes
// (express.json() would hand you a re-parsed object, whose bytes no longer match the signature):
//   app.post('/webhooks/amigo', express.raw({ type: '*/*' }), amigoExpressHandler(process.env.AMIGO_WEBHOOK_SECRET!))
import type { IncomingHttpHeaders, ServerResponse } from 'node:http'
import { parseWebhookEvent, WebhookVerificationError } from '@amigo-ai/webhooks'
import { handleEvent } from './handle-event'

/** The parts of Express's req/res/next the handler uses. */
export interface ExpressLikeRequest {
  body: unknown
  headers: IncomingHttpHeaders
}

/** An Express route handler that accepts only authentic Amigo deliveries. */
export function amigoExpressHandler(secret: string) {
  return async (
    req: ExpressLikeRequest,
    res: ServerResponse,
    next: (error?: unknown) => void,
  ): Promise<void> => {
    if (!(req.body instanceof Uint8Array))
      return next(new Error('mount express.raw() before the Amigo webhook handler'))
    try {
      const event = await parseWebhookEvent({ payload: req.body, headers: req.headers, secret })
      await handleEvent(event)
      res.statusCode = 204
      res.end()
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) return next(error)
      res.statusCode = 400
      res.end(error.reason)
    }
  }
}
