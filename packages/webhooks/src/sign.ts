import { rawBody, toHex, type WebhookPayload } from './bytes'
import { hmacSha256 } from './crypto-key'
import { activeSecrets, type WebhookSecret } from './secrets'
import { signedPrefix } from './verify-delivery'

/** What to sign. */
export interface SignWebhookPayloadOptions {
  /** The exact body you will send. */
  payload: WebhookPayload
  /** The signing secret; with several (a rotation), one signature per unexpired secret, comma-separated. */
  secret: WebhookSecret
  /** Signed and sent verbatim (e.g. Unix seconds). Default: now, in Unix seconds. `null`: legacy body-only scheme. */
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

/** Signs a body the way the platform does, for tests, local mocks and replaying deliveries. */
export async function signWebhookPayload(options: SignWebhookPayloadOptions): Promise<SignedWebhook> {
  if (typeof options !== 'object' || options === null)
    throw new TypeError('signWebhookPayload takes { payload, secret, timestamp? }')
  const { payload, secret, timestamp: at } = options
  // Whatever is signed goes out as a header verbatim: `[object Object]` or `NaN` would sign nonsense.
  if (at != null && typeof at !== 'string' && !Number.isFinite(at))
    throw new TypeError('timestamp must be a string, a finite number or null')
  const timestamp = at === null ? '' : String(at ?? Math.floor(Date.now() / 1000))
  const body = rawBody(payload)
  const prefix = signedPrefix(timestamp)
  const secrets = activeSecrets(secret, Date.now())
  // Otherwise the delivery would go out with an empty signature that nothing can verify.
  if (!secrets.length) throw new TypeError('all webhook secrets expired')
  const macs = await Promise.all(secrets.map((s) => hmacSha256(s, prefix, body)))
  const signature = macs.map((mac) => `sha256=${toHex(mac)}`).join(', ')
  const headers: Record<string, string> = { 'x-amigo-signature': signature }
  if (timestamp) headers['x-amigo-timestamp'] = timestamp
  return { signature, timestamp, headers }
}
