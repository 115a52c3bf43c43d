import { readJwtClaims } from './jwt-claims'
import type { TokenPayload } from './parse-token-payload'

/** Assumed lifetime of a token whose answer states none (short, so it is refreshed early rather than late). */
const FALLBACK_LIFETIME_SECONDS = 900

/** True when `expiresAt` is surely milliseconds (after the year 5000 as seconds), a common mix-up. */
export const looksLikeMilliseconds = (expiresAt: number): boolean => expiresAt > 100_000_000_000

/**
 * When the token expires, in seconds since the epoch: `expires_in` counted from `nowMs`, else the
 * JWT's `exp` claim (when still ahead of `nowMs`), else a short default. An expiry past the year 5000 (a lifetime or `exp` sent in
 * milliseconds, say) states no usable lifetime: taken at its word, the token would never be
 * refreshed, and `TokenManager.store` would refuse the login result as milliseconds.
 */
export function expiresAtSeconds(payload: TokenPayload, nowMs: number): number {
  const now = Math.floor(nowMs / 1000)
  if (payload.expires_in !== undefined && !looksLikeMilliseconds(now + payload.expires_in))
    return now + payload.expires_in
  const exp = readJwtClaims(payload.access_token)?.exp
  // An `exp` already past, on a token just issued, says this clock runs ahead of the service's:
  // taken at its word, every use would refresh again. The short default counts from our clock.
  if (typeof exp === 'number' && Number.isFinite(exp) && !looksLikeMilliseconds(exp) && exp > now) return exp
  return now + FALLBACK_LIFETIME_SECONDS
}
