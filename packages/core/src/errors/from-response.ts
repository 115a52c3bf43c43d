import { AmigoError, type ErrorContext } from './amigo-error'
import { summarizeErrorBody } from './error-body'
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ServerError,
  ServiceUnavailableError,
  ValidationError,
  type ValidationIssue,
} from './http-errors'
import type { PlatformErrorBody } from './platform-error-body'
import { redactDeep, redactSecrets } from './redact'
import { parseRetryAfter } from './retry-after'

/** Input of {@link errorFromResponse}. */
export interface ErrorResponseInput {
  /** HTTP status of the response; it picks the error class. */
  status: number
  /** Response headers (`Retry-After` becomes a `RateLimitError`'s `retryAfter`). */
  headers: Headers
  /** Parsed JSON body, raw text, or undefined for an empty body. */
  body: unknown
  /** Request id from the response headers (the body's `request_id` is used when this is missing). */
  requestId?: string
  /** Overrides the message read from the body. */
  message?: string
  /** Strings to keep out of the message and the body (API keys, tokens); each becomes `[REDACTED]`. */
  secrets?: readonly unknown[]
}

// The classes that stand for one status each (their `defaultStatus`); other statuses keep the root
// class (5xx: ServerError), with `status` telling them apart.
const STATUS_CLASSES = [
  BadRequestError,
  AuthenticationError,
  PermissionError,
  NotFoundError,
  ConflictError,
  ValidationError,
  RateLimitError,
  ServiceUnavailableError,
] as unknown as (HttpErrorClass & { defaultStatus: number })[]

type HttpErrorClass = new (message: string, init: HttpErrorInit) => AmigoError

/** What every class gets; each reads the fields it has (`issues`, `retryAfter`) and ignores the rest. */
type HttpErrorInit = ErrorContext & { issues?: ValidationIssue[]; retryAfter?: number }

/** Builds the error class for an HTTP status, with message, code and request id read from the body. */
export function errorFromResponse(input: ErrorResponseInput): AmigoError {
  const { status, headers, secrets = [] } = input
  const body = secrets.length ? redactDeep(input.body, secrets) : input.body
  const summary = summarizeErrorBody(body)
  const message = redactSecrets(
    input.message ?? summary.message ?? `Request failed with status ${status}`,
    secrets,
  )
  const retryAfterMs = parseRetryAfter(headers.get('retry-after'))
  const ErrorClass: HttpErrorClass =
    STATUS_CLASSES.find((c) => c.defaultStatus === status) ?? (status >= 500 ? ServerError : AmigoError)
  return new ErrorClass(message, {
    status,
    headers,
    body,
    ...bodyViews(body, message),
    errorCode: summary.errorCode,
    // The body's is redacted with it; a header's may echo a secret too.
    requestId: input.requestId ? redactSecrets(input.requestId, secrets) : summary.requestId,
    issues: summary.issues,
    retryAfter: retryAfterMs === undefined ? undefined : retryAfterMs / 1000,
  })
}

/**
 * The views of an error body: a JSON object is the `errorBody` as it is, its FastAPI `detail` as
 * received; a text is the `rawBody` and an unparseable `errorBody`. The body is already redacted, so
 * no view holds a secret the message would not.
 */
function bodyViews(body: unknown, message: string): Pick<ErrorContext, 'errorBody' | 'rawBody' | 'detail'> {
  if (typeof body === 'string')
    return body === '' ? {} : { rawBody: body, errorBody: { detail: message, raw_body: body } }
  if (typeof body === 'object' && body !== null && !Array.isArray(body))
    return { errorBody: body as PlatformErrorBody, detail: (body as { detail?: unknown }).detail }
  return {}
}
