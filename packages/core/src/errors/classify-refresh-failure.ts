import type { AmigoError } from './amigo-error'
import { readOAuthError } from './oauth-error-body'
import { RefreshTokenExpiredError, RefreshTokenReusedError } from './token-refresh-errors'

// Codes and descriptions that mean the refresh token was already spent (rotation reuse): final, the
// user must sign in again, and worth telling apart from a plain expiry (it can mean a copied token).
const REUSE_CODES = new Set(['refresh_token_reused', 'token_reused', 'refresh_token_reuse_detected'])
const REUSE_TEXT = /reuse|already (been )?used|revoked|replay/i
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
 * Sorts a failed refresh-token exchange (`POST /token` with `grant_type=refresh_token`): a refused
 * token (HTTP 401, `invalid_grant` and the like) becomes a `RefreshTokenExpiredError`, a spent one a
 * `RefreshTokenReusedError`; anything else (a 5xx, a 429) is returned as it is, so callers can retry
 * it. The error's body should already be free of the refresh token (it is quoted in messages).
 */
export function classifyRefreshFailure(error: AmigoError<unknown>): AmigoError<unknown> {
  // A refusal is a 4xx (RFC 6749 §5.2), or an OAuth error some services send with a 200. A 5xx or
  // a 429 is the server failing or busy whatever its body says, and a 3xx a redirect not followed,
  // not the service's answer: taking them for a refusal would sign the user out over an outage.
  const status = error.status ?? 0
  if (status === 429 || status >= 500 || (status >= 300 && status < 400)) return error
  const { error: code, error_description: description } = readOAuthError(error.body)
  // `has` of no code is false.
  const refused = status === 401 || REFUSED_CODES.has(code as string)
  const reused =
    code !== undefined && (REUSE_CODES.has(code) || (refused && REUSE_TEXT.test(description ?? '')))
  if (!refused && !reused) return error
  const init = {
    status,
    requestId: error.requestId,
    headers: error.headers,
    body: error.body,
    cause: error,
  }
  const hint = description ? `: ${description}` : ''
  return reused
    ? new RefreshTokenReusedError(`Refresh token was already used${hint}; sign in again`, init)
    : new RefreshTokenExpiredError(
        `Refresh token expired or was refused (${code ?? `HTTP ${status}`})${hint}; sign in again`,
        init,
      )
}
