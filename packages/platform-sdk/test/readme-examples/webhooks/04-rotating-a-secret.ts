// packages/webhooks/README.md, ## Rotating a secret

import { parseWebhookEvent } from '@amigo-ai/webhooks'

declare const payload: Uint8Array
declare const headers: Headers

// ---- example ----
const event = await parseWebhookEvent({
  payload,
  headers,
  secret: [
    process.env.AMIGO_WEBHOOK_SECRET!,
    { secret: process.env.AMIGO_WEBHOOK_SECRET_OLD!, expiresAt: '2026-02-01T00:00:00Z' },
  ],
})
