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
