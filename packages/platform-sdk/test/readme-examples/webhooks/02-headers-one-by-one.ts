// packages/webhooks/README.md, ## Verify and parse a delivery

import { parseWebhookEvent } from '@amigo-ai/webhooks'

declare const request: Request
declare const body: string
declare const secret: string

// ---- example ----
const event = await parseWebhookEvent({
  payload: body,
  signature: request.headers.get('x-amigo-signature') ?? '',
  timestamp: request.headers.get('x-amigo-timestamp') ?? undefined,
  secret,
})
