import { redactSecrets } from '@amigo-ai/core'

/**
 * A copy of a socket-creation error that is safe to attach as `cause`: runtimes quote the URL (which
 * may carry a query token) or the subprotocols (`auth, <token>`) in these messages.
 */
export function scrubSocketError(
  error: unknown,
  url: string,
  protocols: string | string[] | undefined,
): Error {
  const secrets = [url, ...[protocols ?? []].flat().filter((p) => p !== 'auth')]
  try {
    for (const value of new URL(url).searchParams.values()) secrets.push(value)
  } catch {
    // An unparseable URL is redacted whole above.
  }
  const text = error instanceof Error ? error.message : String(error)
  const copy = new Error(redactSecrets(text, secrets))
  copy.name = error instanceof Error ? error.name : 'Error'
  return copy
}
