// packages/webhooks/README.md, ## Verify and parse a delivery

import { parseWebhookEvent } from '@amigo-ai/webhooks'

declare const rawBody: Buffer
declare const signature: string
declare const secret: string

// ---- example ----
const event = await parseWebhookEvent(rawBody, signature, secret)
