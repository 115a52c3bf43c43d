// Sorts a failed refresh-token exchange into the terminal classes auth-node defines, so callers can
// tell a reused (possibly stolen) refresh token apart from an expired one and from transient failures.

import { RefreshTokenExpiredError, RefreshTokenReusedError, TokenRefreshError } from '@amigo-ai/auth-node'
import type { AmigoError } from '@amigo-ai/core'

const REUSE_CODES = new Set(['refresh_token_reused', 'token_reused', 'refresh_token_reuse_detected'])
const REUSE_TEXT = /reuse|reused|already (been )?used|revoked|replay/i
const EXPIRY_CODES = new Set(['refresh_token_expired', 'token_expired', 'expired_token'])
const EXPIRY_TEXT = /expired/i
const REFUSED_CODES = new Set(['invalid_grant', 'invalid_token', 'unauthorized_client'])

function oauthError(body: unknown): { error?: string; description?: string } {
  if (body === null || typeof body !== 'object') return {}
  const { error, error_description } = body as { error?: unknown; error_description?: unknown }
  return {
    ...(typeof error === 'string' ? { error } : {}),
    ...(typeof error_description === 'string' ? { description: error_description } : {}),
  }
}

/** Maps an error of `POST /token` (refresh grant) onto reuse / expiry / refusal; other errors pass through. */
export function classifyRefreshFailure(error: AmigoError): AmigoError {
  const { error: code, description } = oauthError(error.body)
  const hint = description ? `: ${description}` : ''
  const init = {
    ...(error.status !== undefined ? { status: error.status } : {}),
    ...(code !== undefined ? { errorCode: code } : {}),
    ...(error.requestId !== undefined ? { requestId: error.requestId } : {}),
    ...(error.headers !== undefined ? { headers: error.headers } : {}),
    body: error.body,
    cause: error,
  }
  if (code === undefined) return error
  if (REUSE_CODES.has(code) || (code === 'invalid_grant' && REUSE_TEXT.test(description ?? ''))) {
    return new RefreshTokenReusedError(`The refresh token was already used${hint}`, init)
  }
  if (EXPIRY_CODES.has(code) || (code === 'invalid_grant' && EXPIRY_TEXT.test(description ?? ''))) {
    return new RefreshTokenExpiredError(`The refresh token has expired${hint}`, init)
  }
  if (REFUSED_CODES.has(code))
    return new TokenRefreshError(`The refresh token was refused (${code})${hint}`, init)
  return error
}
