import { AmigoError, type AmigoErrorInit } from '@amigo-ai/core'
import { brandGuard } from './brand-guard'

/** A refresh was refused by the identity service; the stored refresh token is no good. */
export class TokenRefreshError extends AmigoError {
  static override readonly kind: string = 'TokenRefreshError'
}

/** The refresh token was already spent (rotation reuse): final, the user must sign in again. */
export class RefreshTokenReusedError extends TokenRefreshError {
  static override readonly kind: string = 'RefreshTokenReusedError'
}

/** The refresh token itself has expired: the user must sign in again. */
export class RefreshTokenExpiredError extends TokenRefreshError {
  static override readonly kind: string = 'RefreshTokenExpiredError'
}

/** There is nothing to use: no stored credentials, or an expired access token and no refresh token. */
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

/** True for any `TokenRefreshError` (including reuse and expiry). */
export const isTokenRefreshError = brandGuard<TokenRefreshError>('TokenRefreshError')
/** True for a `RefreshTokenReusedError`. */
export const isRefreshTokenReusedError = brandGuard<RefreshTokenReusedError>('RefreshTokenReusedError')
/** True for a `RefreshTokenExpiredError`. */
export const isRefreshTokenExpiredError = brandGuard<RefreshTokenExpiredError>('RefreshTokenExpiredError')
/** True for a `NotSignedInError`. */
export const isNotSignedInError = brandGuard<NotSignedInError>('NotSignedInError')
/** True for a `TokenStorageError`. */
export const isTokenStorageError = brandGuard<TokenStorageError>('TokenStorageError')
/** True for a `NodeOnlyError`. */
export const isNodeOnlyError = brandGuard<NodeOnlyError>('NodeOnlyError')
