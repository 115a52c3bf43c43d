import type { TokenPayload } from '../identity/parse-token-payload'
import { expiresAtSeconds } from '../identity/token-expiry'
import type { DeviceCodeLoginResult } from './types'

/** Turns a token payload into the result `loginWithDeviceCode` returns (`expiresAt` in seconds). */
export function toLoginResult(
  payload: TokenPayload,
  workspaceId: string,
  identityBaseUrl: string,
  nowMs: number,
): DeviceCodeLoginResult {
  const result: DeviceCodeLoginResult = {
    accessToken: payload.access_token,
    refreshToken: payload.refresh_token ?? '',
    workspaceId,
    expiresAt: expiresAtSeconds(payload, nowMs),
    tokenType: payload.token_type,
    identityBaseUrl,
    raw: payload.raw,
  }
  if (payload.scope) result.scope = payload.scope
  if (payload.session_id) result.sessionId = payload.session_id
  return result
}
