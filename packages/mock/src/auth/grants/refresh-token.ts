import { canAccessWorkspace } from '../principal'
import { oauthError, type TokenReply } from '../token-form'
import { type GrantContext, issueTokenPair } from './context'

/**
 * `refresh_token`: spends a refresh token (rotation: see RefreshTokens) for a new pair in the same
 * family; `workspace_id` narrows a user's token to one of its workspaces.
 */
export function refreshTokenGrant(ctx: GrantContext): TokenReply {
  const bad = ctx.form.missing('refresh_token')
  if (bad) return bad
  const spent = ctx.refreshTokens.spend(ctx.form.str('refresh_token')!)
  if ('status' in spent) return spent
  const ws = ctx.form.str('workspace_id')
  let principal = spent.principal
  if (ws) {
    if (!canAccessWorkspace(principal, ws))
      return oauthError(400, 'invalid_grant', 'workspace not allowed for this token')
    if (principal.kind === 'user') principal = { ...principal, workspaces: [ws] }
  }
  const body = issueTokenPair(ctx, principal, spent.family)
  return { status: 200, body: ws ? { ...body, workspace_id: ws } : body }
}
