import { createHmac } from 'node:crypto'

/** 2026-01-01T00:00:00Z, the reference clock of the published vectors. */
export const T0 = 1_767_225_600_000

export const SECRET = 'whsec_test_secret_value_9f3a'

/** A compact JSON envelope, as the platform sends it. */
export const envelope = (type = 'call.ended', data: unknown = { call_sid: 'CA1' }) =>
  JSON.stringify({ id: 'evt_test', type, timestamp: '2026-01-01T00:00:00Z', data })

/**
 * Signs `payload` at `T0` (Unix seconds) unless told otherwise; returns verify options for it. The MAC
 * is computed here rather than by signWebhookPayload, which refuses timestamps no verifier accepts:
 * the verifier's tests need authentic deliveries that carry them.
 */
export async function delivery(
  payload: string | Uint8Array = envelope(),
  secret = SECRET,
  timestamp: string | null = '1767225600',
) {
  const mac = createHmac('sha256', secret)
    .update(timestamp ? `v1:${timestamp}:` : '')
    .update(payload)
    .digest('hex')
  return { payload, signature: `sha256=${mac}`, timestamp: timestamp || undefined, secret, now: T0 }
}
