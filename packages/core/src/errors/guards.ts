// One guard style for every error class of the SDK: a declared function that reads the
// Symbol.for brand, not the prototype chain, so it also recognises errors created by another
// installed copy of a package (two copies of @amigo-ai/core side by side).
import type { AmigoError } from './amigo-error'
import { hasBrand } from './brand'
import type { ConfigurationError, NetworkError, ParseError, RequestTimeoutError } from './client-errors'
import type {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ServerError,
  ServiceUnavailableError,
  ValidationError,
} from './http-errors'
import type {
  AmigoErrorWithBody,
  HttpExceptionBody,
  HttpValidationErrorBody,
  PlatformErrorBody,
  UnparseableErrorBody,
} from './platform-error-body'

/** True for any error thrown by this SDK. */
export function isAmigoError(err: unknown): err is AmigoError<PlatformErrorBody> {
  return hasBrand(err, 'AmigoError')
}
/** True for a 400 error. */
export function isBadRequestError(err: unknown): err is BadRequestError {
  return hasBrand(err, 'BadRequestError')
}
/** True for a 401 error. */
export function isAuthenticationError(err: unknown): err is AuthenticationError {
  return hasBrand(err, 'AuthenticationError')
}
/** True for a 403 error. */
export function isPermissionError(err: unknown): err is PermissionError {
  return hasBrand(err, 'PermissionError')
}
/** True for a 404 error. */
export function isNotFoundError(err: unknown): err is NotFoundError {
  return hasBrand(err, 'NotFoundError')
}
/** True for a 409 error. */
export function isConflictError(err: unknown): err is ConflictError {
  return hasBrand(err, 'ConflictError')
}
/** True for a 422 error. */
export function isValidationError(err: unknown): err is ValidationError {
  return hasBrand(err, 'ValidationError')
}
/** True for a 429 error. */
export function isRateLimitError(err: unknown): err is RateLimitError {
  return hasBrand(err, 'RateLimitError')
}
/** True for any 5xx error (including 503). */
export function isServerError(err: unknown): err is ServerError {
  return hasBrand(err, 'ServerError')
}
/** True for a 503 error. */
export function isServiceUnavailableError(err: unknown): err is ServiceUnavailableError {
  return hasBrand(err, 'ServiceUnavailableError')
}
/** True for a configuration error raised at construction. */
export function isConfigurationError(err: unknown): err is ConfigurationError {
  return hasBrand(err, 'ConfigurationError')
}
/** True for a network failure (including timeouts). */
export function isNetworkError(err: unknown): err is NetworkError {
  return hasBrand(err, 'NetworkError')
}
/** True for a request that exceeded its timeout. */
export function isRequestTimeoutError(err: unknown): err is RequestTimeoutError {
  return hasBrand(err, 'RequestTimeoutError')
}
/** True for an unreadable success body. */
export function isParseError(err: unknown): err is ParseError {
  return hasBrand(err, 'ParseError')
}

const bodyOf = (err: unknown): Record<string, unknown> | undefined => {
  const body = isAmigoError(err) ? err.errorBody : undefined
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined
}

const isIssueList = (detail: unknown): boolean =>
  Array.isArray(detail) &&
  detail.every((i) => typeof i === 'object' && i !== null && 'loc' in i && 'msg' in i)

/** True for an SDK error whose body is the API's usual `{ detail }` (not a validation list). */
export function isHttpException(err: unknown): err is AmigoErrorWithBody<HttpExceptionBody> {
  const body = bodyOf(err)
  return body !== undefined && 'detail' in body && !('raw_body' in body) && !isIssueList(body.detail)
}

/** True for an SDK error whose body is FastAPI's list of validation issues (a 422). */
export function isHttpValidationError(err: unknown): err is AmigoErrorWithBody<HttpValidationErrorBody> {
  const body = bodyOf(err)
  return body !== undefined && isIssueList(body.detail)
}

/** True for an SDK error whose body could not be parsed (`errorBody.raw_body` holds its text). */
export function isUnparseableErrorBody(err: unknown): err is AmigoErrorWithBody<UnparseableErrorBody> {
  return typeof bodyOf(err)?.raw_body === 'string'
}
