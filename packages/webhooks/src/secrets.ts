import { type Instant, instantMs } from './time'

/** A secret that stops verifying at `expiresAt` (e.g. the old secret until `rotation_expires_at`). */
export interface ExpiringWebhookSecret {
  /** The signing secret, used as-is (UTF-8). */
  secret: string
  /** When the secret stops being accepted: epoch ms, Date or ISO-8601 string. Omit for no expiry. */
  expiresAt?: Instant | null
}

/** One secret, or several during a rotation (any of them may have signed the delivery). */
export type WebhookSecret =
  | string
  | ExpiringWebhookSecret
  | ReadonlyArray<string | ExpiringWebhookSecret | null | undefined>

/**
 * The secrets accepted at `nowMs`. Empty entries are skipped (an unset env var in a rotation list);
 * having none configured at all, or only expired ones, is a programming error, so it throws a
 * TypeError, not a rejection: no delivery could verify (or be signed), whatever it holds.
 */
export function activeSecrets(secret: WebhookSecret | null | undefined, nowMs: number): string[] {
  const out: string[] = []
  let configured = false
  for (const entry of Array.isArray(secret) ? secret : [secret]) {
    // A number, bytes or any object without `secret` where the secret belongs is a bug to report,
    // not an entry to skip.
    const value = entry && typeof entry === 'object' && 'secret' in entry ? entry.secret : entry
    if (value != null && typeof value !== 'string') throw new TypeError('webhook secret is not a string')
    if (!value) continue
    configured = true
    // A string entry has no expiresAt. An unparseable date gives NaN, which is never later than
    // now: such a secret counts as expired (fails closed).
    const expiresAt = (entry as ExpiringWebhookSecret).expiresAt
    if (expiresAt == null || nowMs < instantMs(expiresAt)) out.push(value)
  }
  if (!configured) throw new TypeError('webhook secret is missing')
  if (!out.length) throw new TypeError('all webhook secrets expired')
  return out
}
