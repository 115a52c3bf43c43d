// Runs against the packed tarball (scripts/check-tarballs.mjs): sign, verify and parse with ESM import.
import {
  isWebhookVerificationError,
  parseWebhookEvent,
  signWebhookPayload,
  VERSION,
  verifyWebhookSignature,
  WebhookVerificationError,
} from '@amigo-ai/webhooks'

const secret = 'whsec_smoke_esm'
const payload = JSON.stringify({
  id: 'evt_smoke',
  type: 'call.ended',
  timestamp: '2026-01-01T00:00:00Z',
  data: {},
})
const { headers } = await signWebhookPayload({ payload, secret })
const event = await parseWebhookEvent({ payload, headers, secret })
if (event.id !== 'evt_smoke') throw new Error('parse failed')
if (!(await verifyWebhookSignature({ payload, headers, secret }))) throw new Error('verify failed')
if (await verifyWebhookSignature({ payload: `${payload} `, headers, secret }))
  throw new Error('tampered body verified')
const error = await parseWebhookEvent({ payload, headers, secret: 'whsec_wrong' }).catch((e) => e)
if (!(error instanceof WebhookVerificationError) || !isWebhookVerificationError(error))
  throw new Error('wrong error')
if (error.reason !== 'signature_mismatch') throw new Error(`unexpected reason ${error.reason}`)
console.log('webhooks ESM ok', VERSION)
