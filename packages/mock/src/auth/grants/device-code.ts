import type { Principal } from '../principal'
import { oauthError, type TokenReply } from '../token-form'
import { type GrantContext, issueTokenPair } from './context'

/**
 * The device-code poll: pending, denied or expired codes answer their OAuth error; an approved code
 * with one workspace (or a chosen `workspace_id`) gets a token pair; several workspaces and no
 * choice answer 300 with the list and a refresh token to continue with.
 */
export function deviceCodeGrant(ctx: GrantContext): TokenReply {
  const { form, device } = ctx
  const bad = form.missing('device_code')
  if (bad) return bad
  const code = form.str('device_code')!
  const polled = device.poll(code)
  if (polled.kind === 'error') return oauthError(400, polled.error, polled.description)
  const { workspaces } = polled
  const user: Principal = { kind: 'user', workspaces, scopes: ['*'], subject: `user:${polled.userCode}` }
  const chosen = form.str('workspace_id')
  if (chosen) {
    if (!workspaces.includes(chosen))
      return oauthError(400, 'invalid_request', 'workspace_id is not one of the approved workspaces')
    device.consume(code)
    return {
      status: 200,
      body: { ...issueTokenPair(ctx, { ...user, workspaces: [chosen] }), workspace_id: chosen },
    }
  }
  device.consume(code)
  if (workspaces.length > 1) {
    const choices = workspaces.map((id) => ({
      workspace_id: id,
      name: ctx.store.workspaces.get(id)?.name ?? id,
      role: 'owner',
    }))
    const { refresh_token } = issueTokenPair(ctx, user)
    return {
      status: 300,
      body: { error: 'workspace_selection_required', workspaces: choices, refresh_token },
    }
  }
  return { status: 200, body: { ...issueTokenPair(ctx, user), workspace_id: workspaces[0] } }
}
