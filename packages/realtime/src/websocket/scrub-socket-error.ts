import { redactSecrets } from '@amigo-ai/core'

/**
 * What a connection's own text (a runtime's error message, a server's close reason) must not show:
 * the URL (which may carry a query token), each query value (decoded, and as the URL carries it,
 * percent-encoded, which is what a server echoing its raw query quotes), and the subprotocols but
 * `auth` (the token of `auth, <token>`).
 */
function socketSecrets(url: string, protocols: string | string[] | undefined): string[] {
  const secrets = [url, ...[protocols ?? []].flat().filter((p) => p !== 'auth')]
  try {
    const { search, searchParams } = new URL(url)
    for (const value of searchParams.values()) secrets.push(value)
    for (const pair of search.slice(1).split('&')) {
      const at = pair.indexOf('=')
      if (at >= 0) secrets.push(pair.slice(at + 1))
    }
  } catch {
    // An unparseable URL is redacted whole above.
  }
  return secrets
}

/** The shortest cut-off start of a secret taken out: three characters of a token give nothing away. */
const MIN_CUT_SECRET = 4

/**
 * `text` with a trailing start of one of `secrets` replaced: a close reason is cut at 123 bytes, so a
 * server quoting the URL or token there may stop partway through it.
 */
function redactCutSecret(text: string, secrets: readonly string[]): string {
  for (const secret of secrets) {
    for (let n = Math.min(secret.length - 1, text.length); n >= MIN_CUT_SECRET; n--)
      if (text.endsWith(secret.slice(0, n))) return `${text.slice(0, -n)}[REDACTED]`
  }
  return text
}

/** `text` with the secrets of the connection to `url` with `protocols` replaced by `[REDACTED]`. */
export function redactSocketSecrets(
  text: string,
  url: string,
  protocols: string | string[] | undefined,
): string {
  const secrets = socketSecrets(url, protocols)
  return redactCutSecret(redactSecrets(text, secrets), secrets)
}

/**
 * A copy of a socket-creation error that is safe to attach as `cause`: runtimes quote the URL (which
 * may carry a query token) or the subprotocols (`auth, <token>`) in these messages.
 */
export function scrubSocketError(
  error: unknown,
  url: string,
  protocols: string | string[] | undefined,
): Error {
  const text = error instanceof Error ? error.message : String(error)
  const copy = new Error(redactSocketSecrets(text, url, protocols))
  copy.name = error instanceof Error ? error.name : 'Error'
  return copy
}
