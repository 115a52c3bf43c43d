/** A signed-in user's tokens, as `loginWithDeviceCode` returns them and `TokenManager.store` takes them. */
export interface AuthResult {
  /** The access token; usable as `apiKey` of `AmigoClient`. */
  accessToken: string
  /** The refresh token (an empty string when the server issued none). */
  refreshToken: string
  /** The workspace the token is bound to. */
  workspaceId: string
  /** When `accessToken` expires, in seconds since the epoch. */
  expiresAt: number
  /** Granted scope, when the server says. */
  scope?: string
}
