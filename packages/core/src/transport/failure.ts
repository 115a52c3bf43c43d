import {
  ConfigurationError,
  InvalidRequestError,
  NetworkError,
  ParseError,
  RequestTimeoutError,
} from '../errors/client-errors'
import { errorFromResponse } from '../errors/from-response'
import { parseRetryAfter } from '../errors/retry-after'
import type { AttemptFailure } from '../retry/retry-delay'
import type { Call } from './prepare-call'
import { requestIdOf } from './rate-limit'

/** A failed attempt: its error, the redacted request hooks saw, and what the retry decision reads. */
export interface FailedAttempt extends AttemptFailure {
  error: unknown
  request?: Request
}

/** An error response (or a redirect not followed): the error its status and body map to, and its Retry-After. */
export function statusFailure(
  response: Response,
  body: unknown,
  request: Request | undefined,
  secrets: unknown[],
): FailedAttempt {
  const { status, headers } = response
  const requestId = requestIdOf(headers) || undefined
  return {
    kind: 'status',
    status,
    retryAfterMs: parseRetryAfter(headers.get('retry-after')),
    error: errorFromResponse({
      status,
      headers,
      body,
      requestId,
      secrets,
      // A redirect (a browser shows it as status 0): only `redirect: 'follow'` follows one.
      message: status < 400 && status !== 304 ? `Redirect (status ${status}) not followed` : undefined,
    }),
    request,
  }
}

/** Where an attempt was when it threw. */
export interface ThrownAt {
  response?: Response
  request?: Request
  /** False when fetch was never called (the request could not be built). */
  sent: boolean
  timedOut: boolean
}

/**
 * An attempt that threw (no usable HTTP status): the caller's abort (its reason, as it is), a
 * timeout, a request that could not be built, a success body that is not JSON, or a network failure.
 */
export function thrownFailure(
  thrown: unknown,
  at: ThrownAt,
  call: Call,
  redact: (text: string) => string,
): FailedAttempt {
  const { response, request, timedOut } = at
  const { signal } = call
  const fail = (kind: AttemptFailure['kind'], error: unknown): FailedAttempt => ({ kind, error, request })
  if (signal?.aborted && !timedOut) return fail('aborted', signal.reason)
  if (timedOut) {
    const timeoutMs = call.opts.timeout
    return fail(
      'timeout',
      new RequestTimeoutError(`Request timed out after ${timeoutMs}ms`, { timeoutMs, cause: thrown }),
    )
  }
  // A custom fetch that resolved to something unusable: a mistake in the caller's code, not the network.
  if (thrown instanceof ConfigurationError) return fail('final', thrown)
  if (!at.sent) {
    const message = `could not build the request: ${describeCause(thrown)}`
    return fail('final', new InvalidRequestError(redact(message), { cause: thrown }))
  }
  if (response?.ok && thrown instanceof SyntaxError) {
    const { status, headers } = response
    // A server may echo the key in either header; the error keeps neither copy.
    const message = redact(
      `Response body (status ${status}, content-type ${headers.get('content-type') ?? 'none'}) is not valid JSON`,
    )
    const requestId = redact(requestIdOf(headers)) || undefined
    // The engine's message quotes the start of the body, which may be a credential cut short of
    // what redaction recognises: the cause keeps the rest of the message.
    const cause = new SyntaxError(thrown.message.replace(/".*"/s, '"…"'))
    return fail('final', new ParseError(message, { status, headers, requestId, cause }))
  }
  return fail(
    'network',
    new NetworkError(redact(`Network error: ${describeCause(thrown)}`), { cause: thrown }),
  )
}

// The error's message, and its cause's code or message when that adds something: undici reports
// "fetch failed" and hides the useful part (ECONNRESET, ECONNREFUSED) in `cause`.
function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const inner = (error as { cause?: unknown }).cause as { code?: unknown; message?: unknown } | undefined
  const code = typeof inner?.code === 'string' ? inner.code : undefined
  const detail = code ?? (typeof inner?.message === 'string' ? inner.message : undefined)
  return detail && !error.message.includes(detail) ? `${error.message} (${detail})` : error.message
}
