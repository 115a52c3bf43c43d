// packages/webhooks/README.md, ## Typed events

import { parseWebhookEvent } from '@amigo-ai/webhooks'

declare const payload: string
declare const headers: Headers
declare const secret: string
const event = await parseWebhookEvent({ payload, headers, secret })

// ---- example ----
switch (event.type) {
  case 'call.ended':
    console.log(event.data.call_sid, event.data.duration_seconds)
    break
  case 'surface.submitted':
    console.log(event.data.surface_id)
    break
  default:
    // A type this version does not know yet still arrives, with `data: unknown`.
    console.log('unhandled', event.type)
}
