import { fromHex, rawBody, timingSafeEqual } from './bytes'
import { hmacSha256 } from './crypto-key'
import { fail } from './errors'
import { readHeader } from './headers'
import type { WebhookVerificationOptions } from './options'
import { activeSecrets } from './secrets'
import { DEFAULT_TOLERANCE_MS, headerTimeMs, instantMs } from './time'

/** What precedes the body in the signed text: `v1:<timestamp>:`, or nothing in the legacy scheme. */
export const signedPrefix = (timestamp: string): string => (timestamp ? `v1:${timestamp}:` : '')

/**
 * Whether `body` starts with `v1:`. A body-only (legacy) MAC over `v1:<t>:<body>` equals the timestamped
 * MAC over <body>, so legacy bodies that start so are refused (and never signed): otherwise a timestamped
 * delivery could be replayed with its timestamp moved into the body.
 */
export const startsWithV1 = (body: string | Uint8Array): boolean =>
  /^v1:/.test(typeof body === 'string' ? body : String.fromCharCode(...body.subarray(0, 3)))

/**
 * Verifies a delivery and returns its body (text or bytes, as given), or throws
 * WebhookVerificationError (bad delivery) or TypeError (misuse: no secret or only expired ones,
 * payload not bytes/text, bad tolerance or clock). The HMAC is checked before the timestamp, so
 * timestamp reasons are only ever reported for authentic bodies.
 */
export async function verifyDelivery(options: WebhookVerificationOptions): Promise<string | Uint8Array> {
  const { headers, toleranceMs = options.maxAgeMs ?? DEFAULT_TOLERANCE_MS } = options
  const body = rawBody(options.payload)
  const now = options.now == null ? Date.now() : instantMs(options.now)
  // A NaN clock or tolerance would make every comparison false, i.e. accept any timestamp; a string
  // tolerance ('300000') would be coerced by accident.
  if (typeof toleranceMs !== 'number' || !(toleranceMs >= 0) || Number.isNaN(now))
    throw new TypeError('invalid toleranceMs or now')
  const secrets = activeSecrets(options.secret, now)

  // String() of an array joins with commas: repeated headers become one list of candidates.
  const tokens = String(options.signature ?? readHeader(headers, 'x-amigo-signature') ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
  if (!tokens.length) fail('missing_signature', 'missing webhook signature (x-amigo-signature)')
  const candidates = tokens.flatMap((t) => fromHex(t.replace(/^sha256=/, '')) ?? [])
  if (!candidates.length) fail('malformed_signature', 'webhook signature is not hex')

  const timestamp = String(options.timestamp ?? readHeader(headers, 'x-amigo-timestamp') ?? '')
  const clash = !timestamp && startsWithV1(body)
  const prefix = signedPrefix(timestamp)
  for (const secret of clash ? [] : secrets) {
    const mac = await hmacSha256(secret, prefix, body)
    if (candidates.some((c) => timingSafeEqual(mac, c))) {
      if (timestamp) {
        const at = headerTimeMs(timestamp)
        if (Number.isNaN(at)) fail('malformed_timestamp', 'webhook timestamp is not Unix time or ISO-8601')
        if (now - at > toleranceMs)
          fail('timestamp_too_old', `webhook timestamp is over ${toleranceMs} ms old`)
        if (at - now > toleranceMs)
          fail('timestamp_in_future', `webhook timestamp is over ${toleranceMs} ms in the future`)
      }
      return body
    }
  }
  return fail('signature_mismatch', 'webhook signature mismatch: wrong secret or altered body')
}
