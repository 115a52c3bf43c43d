import { randomBytes } from 'node:crypto'
import type { Principal } from './principal'
import { oauthError, type TokenReply } from './token-form'

interface RefreshRecord {
  family: string
  used: boolean
  principal: Principal
}

/**
 * Issued refresh tokens with rotation: each is spent once, and a second use of a spent token (it
 * leaked) burns its whole family, the newest token included.
 */
export class RefreshTokens {
  private readonly records = new Map<string, RefreshRecord>()
  private readonly burnedFamilies = new Set<string>()

  /** A new refresh token standing for `principal`, in `family` (a new family when none is given). */
  issue(principal: Principal, family = randomBytes(8).toString('hex')): string {
    const token = `amg_rt_${randomBytes(24).toString('base64url')}`
    this.records.set(token, { family, used: false, principal })
    return token
  }

  /** Spends `token`: what it stood for and its family, or the `invalid_grant` answer. */
  spend(token: string): { principal: Principal; family: string } | TokenReply {
    const rec = this.records.get(token)
    if (!rec) return oauthError(400, 'invalid_grant', 'unknown refresh token')
    if (this.burnedFamilies.has(rec.family)) return oauthError(400, 'invalid_grant', 'refresh token revoked')
    if (rec.used) {
      this.burnedFamilies.add(rec.family)
      return oauthError(400, 'invalid_grant', 'refresh token reuse detected')
    }
    rec.used = true
    return { principal: rec.principal, family: rec.family }
  }
}
