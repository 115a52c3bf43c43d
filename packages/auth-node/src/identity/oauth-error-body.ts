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

/**
 * True when an answer carries tokens: HTTP 200, unless its body is an OAuth error (an `error` and no
 * `access_token`), which some device-flow services send with 200. Such an answer is read as the error.
 */
export function isTokenAnswer(res: { status: number; body: unknown }): boolean {
  if (res.status !== 200) return false
  const body = res.body as { access_token?: unknown } | undefined
  return !readOAuthError(body).error || body?.access_token !== undefined
}
