import type { WebhookPayload } from '../src/index'
import { signWebhookPayload } from '../src/sign'

/** 2026-01-01T00:00:00Z, the reference clock of the published vectors. */
export const T0 = 1_767_225_600_000

export const SECRET = 'whsec_test_secret_value_9f3a'

/** A compact JSON envelope, as the platform sends it. */
export const envelope = (type = 'call.ended', data: unknown = { call_sid: 'CA1' }) =>
  JSON.stringify({ id: 'evt_test', type, timestamp: '2026-01-01T00:00:00Z', data })

/** Signs `payload` at `T0` (Unix seconds) unless told otherwise; returns verify options for it. */
export async function delivery(
  payload: WebhookPayload = envelope(),
  secret = SECRET,
  timestamp: string | null = '1767225600',
) {
  const signed = await signWebhookPayload({ payload, secret, timestamp })
  return { payload, signature: signed.signature, timestamp: signed.timestamp || undefined, secret, now: T0 }
}
