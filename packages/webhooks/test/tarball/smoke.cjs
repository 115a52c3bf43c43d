// Runs against the packed tarball (scripts/check-tarballs.mjs): sign, verify and parse with CJS require.
const {
  isWebhookVerificationError,
  parseWebhookEvent,
  VERSION,
  verifyWebhookSignature,
  WebhookVerificationError,
} = require('@amigo-ai/webhooks')
const { signWebhookPayload } = require('@amigo-ai/webhooks/sign')

async function main() {
  const secret = 'whsec_smoke_cjs'
  const payload = new TextEncoder().encode(
    JSON.stringify({ id: 'evt_smoke', type: 'call.ended', timestamp: '2026-01-01T00:00:00Z', data: {} }),
  )
  const { signature, timestamp } = await signWebhookPayload({ payload, secret })
  const event = await parseWebhookEvent({ payload, signature, timestamp, secret })
  if (event.id !== 'evt_smoke') throw new Error('parse failed')
  if (!(await verifyWebhookSignature({ payload, signature, timestamp, secret })))
    throw new Error('verify failed')
  const error = await parseWebhookEvent({ payload, signature, timestamp: '1', secret }).catch((e) => e)
  if (!(error instanceof WebhookVerificationError) || !isWebhookVerificationError(error))
    throw new Error('wrong error')
  console.log('webhooks CJS ok', VERSION)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
