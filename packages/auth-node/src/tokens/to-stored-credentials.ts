import { ConfigurationError } from '@amigo-ai/core'
import { looksLikeMilliseconds } from '../identity/token-expiry'
import type { AuthResult } from './auth-result'
import type { StoredCredentials } from './stored-credentials'

/** The extra fields of a `loginWithDeviceCode` result that are worth keeping. */
type LoginExtras = { tokenType?: unknown; identityBaseUrl?: unknown; sessionId?: unknown }

/**
 * Turns an `AuthResult` (or a login result) into stored credentials. Bad fields are a
 * `ConfigurationError` naming them, never showing their values (they may be tokens).
 */
export function toStoredCredentials(
  result: AuthResult & LoginExtras,
  identityBaseUrl?: string,
): StoredCredentials {
  const r = (result && typeof result === 'object' ? result : {}) as Partial<AuthResult> & LoginExtras
  const problems: string[] = []
  if (typeof r.accessToken !== 'string' || !r.accessToken) problems.push('accessToken')
  if (r.refreshToken !== undefined && typeof r.refreshToken !== 'string') problems.push('refreshToken')
  if (typeof r.workspaceId !== 'string' || !r.workspaceId) problems.push('workspaceId')
  if (typeof r.expiresAt !== 'number' || !Number.isFinite(r.expiresAt)) problems.push('expiresAt')
  if (problems.length > 0) {
    throw new ConfigurationError(
      `TokenManager.store got a result with missing or invalid: ${problems.join(', ')}`,
    )
  }
  if (looksLikeMilliseconds(r.expiresAt as number)) {
    throw new ConfigurationError(
      'TokenManager.store: expiresAt is in milliseconds; it must be seconds since the epoch',
    )
  }
  const creds: StoredCredentials = {
    access_token: r.accessToken as string,
    refresh_token: r.refreshToken ?? '',
    workspace_id: r.workspaceId as string,
    expires_at: r.expiresAt as number,
  }
  if (typeof r.scope === 'string') creds.scope = r.scope
  const issuer = typeof r.identityBaseUrl === 'string' ? r.identityBaseUrl : identityBaseUrl
  if (issuer) creds.identity_base_url = issuer
  if (typeof r.tokenType === 'string') creds.token_type = r.tokenType
  if (typeof r.sessionId === 'string') creds.session_id = r.sessionId
  return creds
}
