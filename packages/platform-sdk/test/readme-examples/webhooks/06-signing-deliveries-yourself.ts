// packages/webhooks/README.md, ## Signing deliveries yourself

// ---- example ----
import { signWebhookPayload } from '@amigo-ai/webhooks/sign'

const body = JSON.stringify({
  id: 'evt_1',
  type: 'call.ended',
  timestamp: new Date().toISOString(),
  data: {},
})
const { headers } = await signWebhookPayload({ payload: body, secret: 'whsec_test' })
await fetch('http://127.0.0.1:3000/webhooks/amigo', { method: 'POST', headers, body })
