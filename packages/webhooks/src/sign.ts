import { rawBody, toHex, type WebhookPayload } from './bytes'
import { hmacSha256 } from './crypto-key'
import { activeSecrets, type WebhookSecret } from './secrets'
import { headerTimeMs } from './time'
import { signedPrefix, startsWithV1 } from './verify-delivery'

/** What to sign. */
export interface SignWebhookPayloadOptions {
  /** The exact body you will send. */
  payload: WebhookPayload
  /** The signing secret; with several (a rotation), one signature per unexpired secret, comma-separated. */
  secret: WebhookSecret
  /**
   * Signed and sent verbatim: Unix seconds or milliseconds, or an ISO-8601 date-time with a zone (what
   * verifiers accept). Default: now, in Unix seconds. `null`: legacy body-only scheme (not for a body
   * starting with `v1:`).
   */
  timestamp?: string | number | null
}

/** A signed delivery: the header values, and the same as a ready-to-send headers record. */
export interface SignedWebhook {
  /** `sha256=<lowercase hex>` (several joined by `, ` when signed with several secrets). */
  signature: string
  /** The timestamp that was signed ('' in the legacy scheme). */
  timestamp: string
  /** `x-amigo-signature` (and `x-amigo-timestamp` unless legacy). */
  headers: Record<string, string>
}

/**
 * The timestamp to sign and send: `at` verbatim, now in Unix seconds when absent, '' (legacy) for null.
 * It goes out as a header that verifiers read with headerTimeMs: a value that reads as no instant
 * (`[object Object]`, `NaN`, `-1`, a line break) would sign a delivery no verifier accepts, and ''
 * would switch to the legacy scheme unasked.
 */
function timestampToSign(at: unknown): string {
  if (at === null) return ''
  if (at === undefined) return String(Math.floor(Date.now() / 1000))
  const timestamp = String(at)
  if ((typeof at !== 'string' && typeof at !== 'number') || !Number.isFinite(headerTimeMs(timestamp)))
    throw new TypeError(
      'timestamp must be Unix seconds or milliseconds, an ISO-8601 date-time with a zone (Z or ±hh:mm), or null',
    )
  return timestamp
}

/** Signs a body the way the platform does, for tests, local mocks and replaying deliveries. */
export async function signWebhookPayload(options: SignWebhookPayloadOptions): Promise<SignedWebhook> {
  if (typeof options !== 'object' || options === null)
    throw new TypeError('signWebhookPayload takes { payload, secret, timestamp? }')
  const { payload, secret, timestamp: at } = options
  const timestamp = timestampToSign(at)
  const body = rawBody(payload)
  if (!timestamp && startsWithV1(body))
    throw new TypeError(
      'timestamp: null (the legacy scheme) cannot sign a body starting with "v1:", which verifiers refuse',
    )
  const prefix = signedPrefix(timestamp)
  // Throws when every secret has expired: the delivery would go out with an empty signature.
  const secrets = activeSecrets(secret, Date.now())
  const macs = await Promise.all(secrets.map((s) => hmacSha256(s, prefix, body)))
  const signature = macs.map((mac) => `sha256=${toHex(mac)}`).join(', ')
  const headers: Record<string, string> = { 'x-amigo-signature': signature }
  if (timestamp) headers['x-amigo-timestamp'] = timestamp
  return { signature, timestamp, headers }
}
