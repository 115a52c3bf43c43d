/** "valid until 2026-01-01T10:00:00Z (in 59 min)" or "expired at … (3 min ago)"; `expiresAt` in ms. */
export function describeExpiry(expiresAt: number, now = Date.now()): string {
  const iso = expiryIso(expiresAt)
  if (iso === null) return expiresAt > now ? 'valid, its expiry too far off to show as a date' : 'expired'
  const at = iso.replace(/\.\d{3}Z$/, 'Z')
  const diff = expiresAt - now
  const span = humanSpan(Math.abs(diff))
  return diff > 0 ? `valid until ${at} (in ${span})` : `expired at ${at} (${span} ago)`
}

function humanSpan(ms: number): string {
  const s = Math.round(ms / 1000)
  if (s < 90) return `${s}s`
  const m = Math.round(s / 60)
  if (m < 90) return `${m} min`
  const h = Math.round(m / 60)
  return h < 48 ? `${h} h` : `${Math.round(h / 24)} days`
}

/**
 * The expiry (in ms) as an ISO time, or null when no date can hold it: an identity service's huge
 * `expires_in` can put it past the year 275760.
 */
export function expiryIso(expiresAt: number): string | null {
  const date = new Date(expiresAt)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}
