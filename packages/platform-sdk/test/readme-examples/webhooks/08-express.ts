// packages/webhooks/README.md, ### Express

import type { IncomingHttpHeaders } from 'node:http'
import { type ParsedWebhookEvent, parseWebhookEvent, WebhookVerificationError } from '@amigo-ai/webhooks'

// Your own logic (examples/handle-event.ts in the webhooks package).
declare function handleEvent(event: ParsedWebhookEvent): Promise<void>
declare const secret: string
// Express is not installed here: these are the members of express and of its req/res that the sample
// uses (after express.raw(), req.body is a Buffer).
type Handler = (
  req: { body: Buffer; headers: IncomingHttpHeaders },
  res: { sendStatus(code: number): unknown; status(code: number): { send(body: string): unknown } },
  next: (error?: unknown) => void,
) => unknown
declare const express: { raw(options: { type: string }): Handler }
declare const app: { post(path: string, ...handlers: Handler[]): unknown }

// ---- example ----
app.post('/webhooks/amigo', express.raw({ type: '*/*' }), async (req, res, next) => {
  try {
    const event = await parseWebhookEvent({ payload: req.body, headers: req.headers, secret })
    await handleEvent(event)
    res.sendStatus(204)
  } catch (error) {
    if (error instanceof WebhookVerificationError) res.status(400).send(error.reason)
    else next(error)
  }
})
