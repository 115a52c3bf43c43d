/** The `error` / `error_description` pair of an OAuth error body, when present. */
export interface OAuthErrorBody {
  error?: string
  error_description?: string
}

/** Reads `error` and `error_description` from a parsed body, ignoring anything that is not a string. */
export function readOAuthError(body: unknown): OAuthErrorBody {
  if (!body || typeof body !== 'object') return {}
  const b = body as Record<string, unknown>
  return {
    error: typeof b.error === 'string' ? b.error : undefined,
    error_description: typeof b.error_description === 'string' ? b.error_description : undefined,
  }
}

/**
 * True when an answer carries tokens: HTTP 200, unless its body is an OAuth error (an `error` and no
 * `access_token`), which some device-flow services send with 200. Such an answer is read as the error.
 */
export function isTokenAnswer(res: { status: number; body: unknown }): boolean {
  if (res.status !== 200) return false
  const body = res.body as { access_token?: unknown } | undefined
  return !readOAuthError(body).error || body?.access_token !== undefined
}
