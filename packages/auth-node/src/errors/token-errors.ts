import { AmigoError, type AmigoErrorInit, AuthenticationError } from '@amigo-ai/core'

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

/** Nothing is stored to use (e.g. `asApiKey()`'s getter or `refresh()` before any sign-in). */
export class NotSignedInError extends AmigoError {
  static override readonly kind: string = 'NotSignedInError'
}

/** Credentials could not be read or written (unreadable, corrupt, or locked storage); names the file. */
export class TokenStorageError extends AmigoError {
  static override readonly kind: string = 'TokenStorageError'
  /** The file involved, when the storage is file-based. */
  readonly path?: string

  constructor(message: string, init: AmigoErrorInit & { path?: string } = {}) {
    const { path, ...rest } = init
    super(message, rest)
    if (path !== undefined) this.path = path
  }
}

/** A Node-only function (`FileTokenStorage`, `openBrowser`) was called in a browser or edge build. */
export class NodeOnlyError extends AmigoError {
  static override readonly kind: string = 'NodeOnlyError'
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
/** True for a `NotSignedInError`. */
export function isNotSignedInError(err: unknown): err is NotSignedInError {
  return NotSignedInError.isInstance(err)
}
/** True for a `TokenStorageError`. */
export function isTokenStorageError(err: unknown): err is TokenStorageError {
  return TokenStorageError.isInstance(err)
}
/** True for a `NodeOnlyError`. */
export function isNodeOnlyError(err: unknown): err is NodeOnlyError {
  return NodeOnlyError.isInstance(err)
}
