/** The `error` / `error_description` pair of an OAuth error body, when present. */
export interface OAuthErrorBody {
  error?: string
  error_description?: string
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined)

/** Reads `error` and `error_description` from a parsed body, ignoring anything that is not a string. */
export function readOAuthError(body: unknown): OAuthErrorBody {
  if (!body || typeof body !== 'object') return {}
  const b = body as Record<string, unknown>
  return { error: text(b.error), error_description: text(b.error_description) }
}
