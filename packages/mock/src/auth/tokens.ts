import { randomBytes } from 'node:crypto'
import type { Principal } from './principal'

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')

/** Issues opaque, JWT-shaped tokens (header.payload.random) and remembers what each stands for. */
export class TokenIssuer {
  private readonly access = new Map<string, Principal>()

  /** Mints an access token for `principal`, valid `ttlSeconds`. */
  issue(principal: Principal, ttlSeconds: number): { token: string; expiresIn: number } {
    const expiresAt = Date.now() + ttlSeconds * 1000
    const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({
      sub: principal.subject,
      kind: principal.kind,
      exp: Math.floor(expiresAt / 1000),
    })}.${randomBytes(18).toString('base64url')}`
    this.access.set(token, { ...principal, expiresAt })
    return { token, expiresIn: ttlSeconds }
  }

  /** The principal behind a token, `'expired'`, or undefined when unknown. */
  resolve(token: string): Principal | 'expired' | undefined {
    const p = this.access.get(token)
    if (!p) return undefined
    if (p.expiresAt !== undefined && Date.now() >= p.expiresAt) return 'expired'
    return p
  }

  /** Makes a token expire now (for tests of `token_expired` handling). */
  expire(token: string): boolean {
    const p = this.access.get(token)
    if (!p) return false
    p.expiresAt = Date.now() - 1
    return true
  }

  /** Forgets every token of a subject (credential revoked, refresh family burned). */
  revokeSubject(subject: string): void {
    for (const [t, p] of this.access) if (p.subject === subject) this.access.delete(t)
  }
}
