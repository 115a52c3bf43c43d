import type { DeviceCodeLoginResult, TokenPayload } from './types'

/** Turns a token payload into the camelCase result `loginWithDeviceCode` returns. */
export function toLoginResult(
  payload: TokenPayload,
  workspaceId: string,
  identityBaseUrl: string,
  now: number,
): DeviceCodeLoginResult {
  const result: DeviceCodeLoginResult = {
    accessToken: payload.access_token,
    expiresAt: now + payload.expires_in * 1000,
    workspaceId,
    tokenType: payload.token_type,
    identityBaseUrl,
    raw: payload,
  }
  if (payload.refresh_token) result.refreshToken = payload.refresh_token
  if (payload.scope) result.scope = payload.scope
  if (payload.session_id) result.sessionId = payload.session_id
  return result
}
