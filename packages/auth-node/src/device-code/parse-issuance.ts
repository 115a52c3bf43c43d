import { ParseError, redactDeep, secretForms } from '@amigo-ai/core'
import { redactQuotedDeviceCode } from './quoted-device-code'
import type { DeviceCodeIssuance } from './types'

/** RFC 8628 §3.5: when the server sends no `interval`, poll every 5 seconds. */
const DEFAULT_INTERVAL_SECONDS = 5
/**
 * A longer `interval` is polled at this: an interval of days would leave the user waiting long after
 * approving. A server that wants fewer polls says `slow_down`, which still adds to it.
 */
const MAX_INTERVAL_SECONDS = 60
/** `expires_in` is required by RFC 8628; a server that leaves it out gets a common default (15 min). */
const DEFAULT_EXPIRES_IN_SECONDS = 900
/** A longer `expires_in` counts as this: no user takes more than an hour to approve a sign-in. */
const MAX_EXPIRES_IN_SECONDS = 3600

/**
 * The pages are shown to the user, opened in a browser and put into terminal hyperlinks: anything but
 * an absolute http(s) URL (`javascript:`, `file:`, `data:`) is not a page to send a user to.
 */
function isWebPage(value: unknown): boolean {
  if (typeof value !== 'string') return false
  try {
    const { protocol } = new URL(value)
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}

/** Checks a `/device/code` body and fills the optional fields; a malformed body is a `ParseError`. */
export function parseIssuance(body: unknown): DeviceCodeIssuance {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
  const missing = ['device_code', 'user_code'].filter(
    (k) => typeof b[k] !== 'string' || (b[k] as string).length === 0,
  )
  if (!isWebPage(b.verification_uri)) missing.push('verification_uri')
  const complete = b.verification_uri_complete
  if (typeof complete === 'string' && complete !== '' && !isWebPage(complete))
    missing.push('verification_uri_complete')
  // Finite: a code that never expires would take away the deadline polling stops at.
  const lifetime = b.expires_in
  const validLifetime = typeof lifetime === 'number' && lifetime > 0 && Number.isFinite(lifetime)
  if (lifetime !== undefined && !validLifetime) missing.push('expires_in')
  if (missing.length > 0) {
    // Text rather than a JSON object is most often a web page (a wrong identityBaseUrl, a proxy).
    const what =
      typeof body === 'string' ? 'is not JSON (a web page?): it lacks' : 'is missing or has invalid:'
    throw new ParseError(`The device code response ${what} ${missing.join(', ')}`, { body: shownBody(body) })
  }
  return {
    device_code: b.device_code as string,
    user_code: b.user_code as string,
    verification_uri: b.verification_uri as string,
    verification_uri_complete:
      typeof b.verification_uri_complete === 'string' && b.verification_uri_complete
        ? b.verification_uri_complete
        : (b.verification_uri as string),
    ...timing(b),
  }
}

/**
 * The body kept for diagnosis, without the device code (it is what polls for the token), wherever the
 * answer repeats it: in another field, a key, a URL; in a text that is not JSON, after its name.
 */
function shownBody(body: unknown): unknown {
  if (typeof body === 'string') return redactQuotedDeviceCode(body)
  const code = (body as { device_code?: unknown } | null | undefined)?.device_code
  if (typeof code !== 'string') return body
  return { ...(redactDeep(body, secretForms([code])) as object), device_code: '[REDACTED]' }
}

/** `expires_in` and `interval` in seconds, with their defaults and within their bounds. */
function timing(b: Record<string, unknown>): Pick<DeviceCodeIssuance, 'expires_in' | 'interval'> {
  // Checked by parseIssuance: a positive finite number or absent.
  const lifetime = (b.expires_in as number | undefined) ?? DEFAULT_EXPIRES_IN_SECONDS
  const interval =
    // An explicit 0 is honoured (the server asked for it); slow_down still backs off.
    typeof b.interval === 'number' && b.interval >= 0 && Number.isFinite(b.interval)
      ? b.interval
      : DEFAULT_INTERVAL_SECONDS
  return {
    expires_in: Math.min(lifetime, MAX_EXPIRES_IN_SECONDS),
    interval: Math.min(interval, MAX_INTERVAL_SECONDS),
  }
}
