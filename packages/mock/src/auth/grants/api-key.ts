import { oauthError, type TokenReply } from '../token-form'
import { type GrantContext, newSessionId } from './context'

/** `api_key`: exchanges a registered API key for an access token, optionally with a narrower scope. */
export function apiKeyGrant(ctx: GrantContext): TokenReply {
  const bad = ctx.form.missing('api_key')
  if (bad) return bad
  const principal = ctx.apiKey(ctx.form.str('api_key')!)
  if (!principal) return oauthError(401, 'invalid_client', 'the API key is not valid')
  const requested = ctx.form.scopes()
  const scopes = requested?.length ? requested : principal.scopes
  const { token, expiresIn } = ctx.issuer.issue(
    { ...principal, kind: 'api_key', scopes },
    ctx.tokenTtlSeconds,
  )
  return {
    status: 200,
    body: {
      access_token: token,
      token_type: 'Bearer',
      expires_in: expiresIn,
      scope: scopes.join(' '),
      session_id: newSessionId(),
    },
  }
}
