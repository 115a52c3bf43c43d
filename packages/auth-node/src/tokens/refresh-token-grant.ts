import { classifyRefreshFailure, errorFromResponse, readOAuthError, secretForms } from '@amigo-ai/core'
import { failedStatus } from '../identity/failed-status'
import { postForm } from '../identity/identity-request'
import { identityUrl } from '../identity/identity-url'
import { isTokenAnswer } from '../identity/oauth-error-body'
import { parseTokenPayload, type TokenPayload } from '../identity/parse-token-payload'

/** Inputs of one `grant_type=refresh_token` exchange. */
export interface RefreshTokenGrantInput {
  identityBaseUrl: string
  refreshToken: string
  /** Other secrets the caller holds (its access token, a device code): kept out of the error too. */
  secrets?: readonly (string | undefined)[]
  workspaceId?: string
  scope?: string
  fetch?: typeof fetch
  signal?: AbortSignal
  timeoutMs?: number
}

/**
 * Exchanges a refresh token at `POST /token` (form body). A refused token (a 4xx: 401,
 * `invalid_grant` and the like) is a `RefreshTokenExpiredError` (`RefreshTokenReusedError` for a
 * spent one); other failures, a 5xx whatever its body, keep core's status classes, so callers can
 * retry on them.
 */
export async function refreshTokenGrant(input: RefreshTokenGrantInput): Promise<TokenPayload> {
  const res = await postForm(
    identityUrl(input.identityBaseUrl, '/token'),
    {
      grant_type: 'refresh_token',
      refresh_token: input.refreshToken,
      workspace_id: input.workspaceId,
      scope: input.scope,
    },
    { fetch: input.fetch, signal: input.signal, timeoutMs: input.timeoutMs },
  )
  if (isTokenAnswer(res)) return parseTokenPayload(res.body)
  const { error } = readOAuthError(res.body)
  // Said outright for a 5xx: its body may still name an OAuth error such as `invalid_grant`.
  const serverFault = res.status >= 500 ? ': the identity service failed; try again later' : ''
  throw classifyRefreshFailure(
    errorFromResponse({
      status: res.status,
      headers: res.headers,
      body: res.body,
      message: `Token refresh failed with ${failedStatus(res.status)}${error ? ` (${error})` : ''}${serverFault}`,
      secrets: secretForms([input.refreshToken, ...(input.secrets ?? [])]),
    }),
  )
}
