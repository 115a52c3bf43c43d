import { errorFromResponse, redactSecrets } from '@amigo-ai/core'
import { postForm } from '../device-code/identity-request'
import { identityUrl } from '../device-code/identity-url'
import { readOAuthError } from '../device-code/oauth-error-body'
import { parseTokenPayload, type TokenPayload } from '../device-code/parse-token-payload'
import { RefreshTokenExpiredError, RefreshTokenReusedError } from '../errors/token-errors'

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
// Answers that mean the refresh token is no good any more (RFC 6749 §5.2 and common variants).
const REFUSED_CODES = new Set([
  'invalid_grant',
  'invalid_token',
  'unauthorized_client',
  'refresh_token_expired',
  'token_expired',
  'expired_token',
])

/**
 * Exchanges a refresh token at `POST /token` (form body). A refused token (401, `invalid_grant`
 * and the like) is a `RefreshTokenExpiredError` (`RefreshTokenReusedError` for a spent one); other
 * failures keep core's status classes, so callers can retry on them.
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
  if (res.status === 200) return parseTokenPayload(res.body)
  const { error, error_description } = readOAuthError(res.body)
  // The description is server text; keep the tokens of this exchange out of it all the same.
  const detail = error_description ? `: ${redactSecrets(error_description, [input.refreshToken])}` : ''
  if ((error && REFUSED_CODES.has(error)) || (error && REUSE_CODES.has(error)) || res.status === 401) {
    // The body is server JSON (or text): a round trip through the text redactor keeps an echoed
    // refresh token out of `err.body`, and so out of logs and JSON of the error.
    const body =
      res.body === undefined
        ? undefined
        : JSON.parse(redactSecrets(JSON.stringify(res.body), [input.refreshToken]))
    const init = { status: res.status, body, headers: res.headers }
    const reused = error && (REUSE_CODES.has(error) || REUSE_TEXT.test(error_description ?? ''))
    throw reused
      ? new RefreshTokenReusedError(`Refresh token was already used${detail}; sign in again`, init)
      : new RefreshTokenExpiredError(
          `Refresh token expired or was refused (${error ?? `HTTP ${res.status}`})${detail}; sign in again`,
          init,
        )
  }
  throw errorFromResponse({
    status: res.status,
    headers: res.headers,
    body: res.body,
    message: `Token refresh failed with HTTP ${res.status}${error ? ` (${error})` : ''}${detail}`,
    secrets: [input.refreshToken],
  })
}
