// Recipe: Next.js App Router, e.g. app/api/webhooks/amigo/route.ts. The handler reads the body
// itself, so nothing has parsed it before verification.
import { parseWebhookEvent, WebhookVerificationError } from '@amigo-ai/webhooks'
import { handleEvent } from './handle-event'

/** `POST /api/webhooks/amigo` */
export async function POST(request: Request): Promise<Response> {
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
