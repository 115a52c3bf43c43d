// packages/webhooks/README.md, ### Next.js route handler

import { type ParsedWebhookEvent, parseWebhookEvent, WebhookVerificationError } from '@amigo-ai/webhooks'

// Your own logic (examples/handle-event.ts in the webhooks package).
declare function handleEvent(event: ParsedWebhookEvent): Promise<void>

// ---- example ----
export async function POST(request: Request) {
  try {
    const event = await parseWebhookEvent({
      payload: await request.text(),
      headers: request.headers,
      secret: process.env.AMIGO_WEBHOOK_SECRET!,
    })
    await handleEvent(event)
    return new Response(null, { status: 204 })
  } catch (error) {
    if (error instanceof WebhookVerificationError) return new Response(error.reason, { status: 400 })
    throw error
  }
}
