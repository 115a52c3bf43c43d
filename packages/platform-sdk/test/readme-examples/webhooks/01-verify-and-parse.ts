// packages/webhooks/README.md, ## Verify and parse a delivery

// ---- example ----
import { parseWebhookEvent, WebhookVerificationError } from '@amigo-ai/webhooks'

export async function POST(request: Request) {
  try {
    const event = await parseWebhookEvent({
      payload: await request.text(),
      headers: request.headers, // reads x-amigo-signature and x-amigo-timestamp
      secret: process.env.AMIGO_WEBHOOK_SECRET!,
    })
    console.log(event.id, event.type, event.data)
    return new Response(null, { status: 204 })
  } catch (error) {
    if (error instanceof WebhookVerificationError) return new Response(error.reason, { status: 400 })
    throw error
  }
}
