// packages/webhooks/README.md, ### Hono

import { type ParsedWebhookEvent, parseWebhookEvent, WebhookVerificationError } from '@amigo-ai/webhooks'

// Your own logic (examples/handle-event.ts in the webhooks package).
declare function handleEvent(event: ParsedWebhookEvent): Promise<void>
declare const secret: string
// Hono is not installed here: these are the members of its app and Context the sample uses.
type Context = {
  req: { raw: Request }
  body(data: null, status: number): Response
  text(text: string, status: number): Response
}
declare const app: { post(path: string, handler: (c: Context) => Promise<Response>): unknown }

// ---- example ----
app.post('/webhooks/amigo', async (c) => {
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
})
