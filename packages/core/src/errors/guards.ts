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

// Guards read the Symbol.for brand, not the prototype chain, so they also recognise errors
// created by another installed copy of this package.
const guard =
  <T>(kind: string) =>
  (e: unknown): e is T =>
    hasBrand(e, kind)

/** True for any error thrown by this SDK. */
export const isAmigoError = guard<AmigoError>('AmigoError')
/** True for a 400 error. */
export const isBadRequestError = guard<BadRequestError>('BadRequestError')
/** True for a 401 error. */
export const isAuthenticationError = guard<AuthenticationError>('AuthenticationError')
/** True for a 403 error. */
export const isPermissionError = guard<PermissionError>('PermissionError')
/** True for a 404 error. */
export const isNotFoundError = guard<NotFoundError>('NotFoundError')
/** True for a 409 error. */
export const isConflictError = guard<ConflictError>('ConflictError')
/** True for a 422 error. */
export const isValidationError = guard<ValidationError>('ValidationError')
/** True for a 429 error. */
export const isRateLimitError = guard<RateLimitError>('RateLimitError')
/** True for any 5xx error (including 503). */
export const isServerError = guard<ServerError>('ServerError')
/** True for a 503 error. */
export const isServiceUnavailableError = guard<ServiceUnavailableError>('ServiceUnavailableError')
/** True for a configuration error raised at construction. */
export const isConfigurationError = guard<ConfigurationError>('ConfigurationError')
/** True for a network failure (including timeouts). */
export const isNetworkError = guard<NetworkError>('NetworkError')
/** True for a request that exceeded its timeout. */
export const isRequestTimeoutError = guard<RequestTimeoutError>('RequestTimeoutError')
/** True for an unreadable success body. */
export const isParseError = guard<ParseError>('ParseError')
