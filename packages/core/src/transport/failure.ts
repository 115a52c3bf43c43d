import type { AmigoError } from '../errors/amigo-error'
import { InvalidRequestError, NetworkError, ParseError, RequestTimeoutError } from '../errors/client-errors'
import { requestIdOf } from './rate-limit'

/** Builds the error for an attempt that threw (no usable HTTP status): timeout, parse, network or bad input. */
export function errorFromThrown(
  error: unknown,
  response: Response | undefined,
  sent: boolean,
  timedOut: boolean,
  timeoutMs: number | undefined,
  redact: (text: string) => string,
): AmigoError {
  // Failing before fetch was even called means the input could not be turned into a request
  // (a GET with a body, an unserialisable query): retrying cannot help.
  if (!sent && !timedOut)
    return new InvalidRequestError(
      redact(`could not build the request: ${error instanceof Error ? error.message : String(error)}`),
      { cause: error },
    )
  if (timedOut)
    return new RequestTimeoutError(`Request timed out after ${timeoutMs}ms`, { timeoutMs, cause: error })
  if (response?.ok && error instanceof SyntaxError)
    return new ParseError(
      `Response body (status ${response.status}, content-type ${response.headers.get('content-type') ?? 'none'}) is not valid JSON`,
      {
        status: response.status,
        headers: response.headers,
        requestId: requestIdOf(response.headers) || undefined,
        cause: error,
      },
    )
  return new NetworkError(redact(`Network error: ${describeCause(error)}`), { cause: error })
}

// undici reports "fetch failed" and hides the useful part (ECONNRESET, ECONNREFUSED) in `cause`.
function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const inner = (error as { cause?: unknown }).cause as { code?: unknown; message?: unknown } | undefined
  const code = typeof inner?.code === 'string' ? inner.code : undefined
  const detail = code ?? (typeof inner?.message === 'string' ? inner.message : undefined)
  return detail && !error.message.includes(detail) ? `${error.message} (${detail})` : error.message
}
