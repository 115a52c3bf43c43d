// Runs against the packed tarball (scripts/check-tarballs.mjs): sign, verify and parse with ESM import.
import {
  isWebhookVerificationError,
  parseWebhookEvent,
  VERSION,
  verifyWebhookSignature,
  WebhookVerificationError,
} from '@amigo-ai/webhooks'
import { signWebhookPayload } from '@amigo-ai/webhooks/sign'

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
// Published vectors (docs: webhooks scheme), checked against the built package.
const body1 =
  '{"id":"evt_01","type":"call.completed","timestamp":"2026-01-01T00:00:00Z","data":{"call_id":"call_01"}}'
const body2 =
  '{"id":"evt_02","type":"surface.submitted","timestamp":"2026-01-01T00:00:00Z","data":{"surface_id":"srf_9","fields":["dob","allergies"]}}'
const now = 1767225600_000
const vectors = [
  [body1, 'sha256=e8c3d4f80bdd587c0c822aff0c29ee67861ec17aaab7aa4fae427ad73378c425', '1767225600', true],
  [
    body1.replace('call_01', 'call_02'),
    'sha256=e8c3d4f80bdd587c0c822aff0c29ee67861ec17aaab7aa4fae427ad73378c425',
    '1767225600',
    false,
  ],
  [body2, 'sha256=61906c7bdd504b5e10dfc10f47510aa59d0ea609766c2eae21ccb172b5835a18', '1767225299', false],
  [body2, '58979C26C89889DDACEA2BD337E385BE66E48CE9A830D695AFA1722B35725032', '1767225300000', true],
  [body1, 'sha256=e8c3d4f80bdd587c0c822aff0c29ee67861ec17aaab7aa4fae427ad73378c425', undefined, false],
]
for (const [payload, signature, timestamp, valid] of vectors) {
  const ok = await verifyWebhookSignature({ payload, signature, timestamp, secret: 'whsec_facts_2026', now })
  if (ok !== valid) throw new Error(`vector ${signature.slice(0, 16)}… expected ${valid}`)
}
if (
  !(await verifyWebhookSignature(
    body1,
    'sha256=a678da3b040849ff4218bfca768d1163b6e52e4d13a47d53acac8a99fa18440d',
    'whsec_facts_legacy',
  ))
)
  throw new Error('legacy vector failed')
console.log('webhooks ESM ok', VERSION)
