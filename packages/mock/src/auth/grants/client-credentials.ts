import { EXTERNAL_USER_SESSION_CREATE_SCOPE, type Principal } from '../principal'
import { oauthError, type TokenReply } from '../token-form'
import { accessToken, type GrantContext } from './context'

/**
 * `client_credentials`: an external integration's active credential gets a token that may only
 * create external-user sessions (for its services).
 */
export function clientCredentialsGrant(ctx: GrantContext): TokenReply {
  const { form, store } = ctx
  const bad = form.missing('client_id', 'client_secret')
  if (bad) return bad
  const clientId = form.str('client_id')!
  const cred = store.credentials.list((c) => c.client_id === clientId)[0]
  const secret = ctx.clientSecret(clientId)
  if (!cred || !secret || secret !== form.str('client_secret') || !cred.is_active)
    return oauthError(401, 'invalid_client', 'client authentication failed')
  const integration = store.externalIntegrations.get(cred.integration_id)
  const requested = form.scopes() ?? [EXTERNAL_USER_SESSION_CREATE_SCOPE]
  const allowed = requested.filter((s) => s === EXTERNAL_USER_SESSION_CREATE_SCOPE)
  if (!allowed.length)
    return oauthError(400, 'invalid_scope', `allowed scope: ${EXTERNAL_USER_SESSION_CREATE_SCOPE}`)
  const principal: Principal = {
    kind: 'integration',
    workspaces: [integration?.workspace_id ?? store.workspaceId],
    scopes: allowed,
    subject: `cred:${cred.id}`,
    serviceIds: cred.service_ids,
  }
  return { status: 200, body: accessToken(ctx, principal) }
}
