import { readJwtClaims } from './jwt-claims'
import type { TokenPayload } from './parse-token-payload'

/** Assumed lifetime of a token whose answer states none (short, so it is refreshed early rather than late). */
const FALLBACK_LIFETIME_SECONDS = 900

/**
 * When the token expires, in seconds since the epoch: `expires_in` counted from `nowMs`, else the
 * JWT's `exp` claim, else a short default.
 */
export function expiresAtSeconds(payload: TokenPayload, nowMs: number): number {
  const now = Math.floor(nowMs / 1000)
  if (payload.expires_in !== undefined) return now + payload.expires_in
  const exp = readJwtClaims(payload.access_token)?.exp
  if (typeof exp === 'number' && Number.isFinite(exp)) return exp
  return now + FALLBACK_LIFETIME_SECONDS
}
