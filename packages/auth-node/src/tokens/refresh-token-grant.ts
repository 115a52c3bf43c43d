import { errorFromResponse, redactSecrets } from '@amigo-ai/core'
import { postForm } from '../device-code/identity-request'
import { identityUrl } from '../device-code/identity-url'
import { readOAuthError } from '../device-code/oauth-error-body'
import { parseTokenPayload } from '../device-code/parse-token-payload'
import type { TokenPayload } from '../device-code/types'
import { RefreshTokenExpiredError, RefreshTokenReusedError, TokenRefreshError } from '../errors/token-errors'

/** Inputs of one `grant_type=refresh_token` exchange. */
export interface RefreshTokenGrantInput {
  identityBaseUrl: string
  refreshToken: string
  workspaceId?: string
  scope?: string
  fetch?: typeof fetch
  signal?: AbortSignal
  timeoutMs?: number
}

// Error codes and descriptions that mean the refresh token was already spent (rotation reuse):
// final, the user must sign in again, and worth telling apart from a plain expiry.
const REUSE_CODES = new Set(['refresh_token_reused', 'token_reused', 'refresh_token_reuse_detected'])
const REUSE_TEXT = /reuse|reused|already (been )?used|revoked|replay/i
const EXPIRY_CODES = new Set(['refresh_token_expired', 'token_expired', 'expired_token'])
const EXPIRY_TEXT = /expired/i

/** Exchanges a refresh token at `POST /token` (form body); failures are typed `TokenRefreshError`s. */
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
  if (res.status === 200) return parseTokenPayload(res.body)
  const { error, error_description } = readOAuthError(res.body)
  // The description is server text; keep the tokens of this exchange out of it all the same.
  const detail = error_description ? `: ${redactSecrets(error_description, [input.refreshToken])}` : ''
  // The body is server JSON (or text): a round trip through the text redactor keeps an echoed
  // refresh token out of `err.body`, and so out of logs and JSON of the error.
  const body =
    res.body === undefined
      ? undefined
      : JSON.parse(redactSecrets(JSON.stringify(res.body), [input.refreshToken]))
  const init = { status: res.status, errorCode: error, body, headers: res.headers }
  if (
    error &&
    (REUSE_CODES.has(error) || (error === 'invalid_grant' && REUSE_TEXT.test(error_description ?? '')))
  ) {
    return Promise.reject(new RefreshTokenReusedError(`The refresh token was already used${detail}`, init))
  }
  if (
    error &&
    (EXPIRY_CODES.has(error) || (error === 'invalid_grant' && EXPIRY_TEXT.test(error_description ?? '')))
  ) {
    return Promise.reject(new RefreshTokenExpiredError(`The refresh token has expired${detail}`, init))
  }
  if (error === 'invalid_grant' || error === 'invalid_token' || error === 'unauthorized_client') {
    return Promise.reject(new TokenRefreshError(`The refresh token was refused (${error})${detail}`, init))
  }
  // Anything else (429, 5xx, odd bodies) keeps core's status-based class so callers can retry on it.
  throw errorFromResponse({
    status: res.status,
    headers: res.headers,
    body: res.body,
    message: `Token refresh failed with HTTP ${res.status}${error ? ` (${error})` : ''}${detail}`,
    secrets: [input.refreshToken],
  })
}
