import { oauthError, type TokenReply } from '../token-form'
import { accessToken, type GrantContext, newSessionId } from './context'

/** `api_key`: exchanges a registered API key for an access token, optionally with a narrower scope. */
export function apiKeyGrant(ctx: GrantContext): TokenReply {
  const bad = ctx.form.missing('api_key')
  if (bad) return bad
  const principal = ctx.apiKey(ctx.form.str('api_key')!)
  if (!principal) return oauthError(401, 'invalid_client', 'the API key is not valid')
  const requested = ctx.form.scopes()
  const scopes = requested?.length ? requested : principal.scopes
  return {
    status: 200,
    body: { ...accessToken(ctx, { ...principal, kind: 'api_key', scopes }), session_id: newSessionId() },
  }
}
