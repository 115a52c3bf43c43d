import type { AmigoErrorInit } from './amigo-error'
import { AuthenticationError } from './http-errors'

// The errors of a refused refresh-token exchange (`POST /token`), here rather than in auth-node
// because the umbrella's `tokens.refresh` reports them too: an app using only the resource classes
// then carries none of auth-node's sign-in code.

/**
 * A refresh was refused by the identity service. An authentication failure, so core's
 * `isAuthenticationError` is true for it and its subclasses.
 */
export class TokenRefreshError extends AuthenticationError {
  static override readonly kind: string = 'TokenRefreshError'
}

/**
 * The refresh token is not usable (expired, revoked, refused with `invalid_grant`, or
 * missing when the access token runs out): the user must sign in again.
 */
export class RefreshTokenExpiredError extends TokenRefreshError {
  static override readonly kind: string = 'RefreshTokenExpiredError'
  constructor(message = 'Refresh token expired; sign in again', init: AmigoErrorInit = {}) {
    super(message, { errorCode: 'refresh_token_expired', ...init })
  }
}

/**
 * The refresh token was already spent (rotation reuse, e.g. a stale copy of the credentials): a kind
 * of `RefreshTokenExpiredError` worth telling apart, since it can also mean a copied token.
 */
export class RefreshTokenReusedError extends RefreshTokenExpiredError {
  static override readonly kind: string = 'RefreshTokenReusedError'
  constructor(message = 'Refresh token was already used; sign in again', init: AmigoErrorInit = {}) {
    super(message, { errorCode: 'refresh_token_reused', ...init })
  }
}

/** True for any `TokenRefreshError` (including expiry and reuse). */
export function isTokenRefreshError(err: unknown): err is TokenRefreshError {
  return TokenRefreshError.isInstance(err)
}
/** True for a `RefreshTokenExpiredError` (including reuse). */
export function isRefreshTokenExpiredError(err: unknown): err is RefreshTokenExpiredError {
  return RefreshTokenExpiredError.isInstance(err)
}
/** True for a `RefreshTokenReusedError`. */
export function isRefreshTokenReusedError(err: unknown): err is RefreshTokenReusedError {
  return RefreshTokenReusedError.isInstance(err)
}
