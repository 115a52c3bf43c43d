import { randomBytes } from 'node:crypto'
import type { Store } from '../../state/store'
import type { DeviceCodes } from '../device-codes'
import type { Principal } from '../principal'
import type { RefreshTokens } from '../refresh-tokens'
import type { TokenForm, TokenReply } from '../token-form'
import type { TokenIssuer } from '../tokens'

/** What one grant handler of `POST /token` works with. */
export interface GrantContext {
  form: TokenForm
  /** The request's own Bearer token (an external-user session's parent token). */
  bearer: string | undefined
  store: Store
  issuer: TokenIssuer
  device: DeviceCodes
  refreshTokens: RefreshTokens
  /** Lifetime of issued access tokens, seconds. */
  tokenTtlSeconds: number
  /** The principal of a registered API key. */
  apiKey(key: string): Principal | undefined
  /** Resolves a Bearer token (API key or issued token). */
  resolve(token: string): Principal | 'expired' | undefined
  /** The secret of a client credential, by client id. */
  clientSecret(clientId: string): string | undefined
}

/** Answers one grant type. */
export type GrantHandler = (ctx: GrantContext) => TokenReply

/** A fresh `sess_…` id. */
export const newSessionId = () => `sess_${randomBytes(8).toString('hex')}`

/** The access-token fields every grant answers with, for `principal` (its scopes as `scope`). */
export function accessToken(ctx: GrantContext, principal: Principal, ttlSeconds = ctx.tokenTtlSeconds) {
  const { token, expiresIn } = ctx.issuer.issue(principal, ttlSeconds)
  return {
    access_token: token,
    token_type: 'Bearer',
    expires_in: expiresIn,
    scope: principal.scopes.join(' '),
  }
}

/** An access token plus a refresh token (in `family`, a new one when none) for `principal`. */
export function issueTokenPair(ctx: GrantContext, principal: Principal, family?: string) {
  return {
    ...accessToken(ctx, principal),
    refresh_token: ctx.refreshTokens.issue(principal, family),
    session_id: principal.sessionId ?? newSessionId(),
  }
}
