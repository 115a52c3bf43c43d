import { readOAuthError } from '@amigo-ai/core'

/**
 * True when an answer carries tokens: HTTP 200, unless its body is an OAuth error (an `error` and no
 * `access_token`), which some device-flow services send with 200. Such an answer is read as the error.
 */
export function isTokenAnswer(res: { status: number; body: unknown }): boolean {
  if (res.status !== 200) return false
  const body = res.body as { access_token?: unknown } | undefined
  return !readOAuthError(body).error || body?.access_token !== undefined
}
