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
export const isAmigoError = /* @__PURE__ */ guard<AmigoError>('AmigoError')
/** True for a 400 error. */
export const isBadRequestError = /* @__PURE__ */ guard<BadRequestError>('BadRequestError')
/** True for a 401 error. */
export const isAuthenticationError = /* @__PURE__ */ guard<AuthenticationError>('AuthenticationError')
/** True for a 403 error. */
export const isPermissionError = /* @__PURE__ */ guard<PermissionError>('PermissionError')
/** True for a 404 error. */
export const isNotFoundError = /* @__PURE__ */ guard<NotFoundError>('NotFoundError')
/** True for a 409 error. */
export const isConflictError = /* @__PURE__ */ guard<ConflictError>('ConflictError')
/** True for a 422 error. */
export const isValidationError = /* @__PURE__ */ guard<ValidationError>('ValidationError')
/** True for a 429 error. */
export const isRateLimitError = /* @__PURE__ */ guard<RateLimitError>('RateLimitError')
/** True for any 5xx error (including 503). */
export const isServerError = /* @__PURE__ */ guard<ServerError>('ServerError')
/** True for a 503 error. */
export const isServiceUnavailableError =
  /* @__PURE__ */ guard<ServiceUnavailableError>('ServiceUnavailableError')
/** True for a configuration error raised at construction. */
export const isConfigurationError = /* @__PURE__ */ guard<ConfigurationError>('ConfigurationError')
/** True for a network failure (including timeouts). */
export const isNetworkError = /* @__PURE__ */ guard<NetworkError>('NetworkError')
/** True for a request that exceeded its timeout. */
export const isRequestTimeoutError = /* @__PURE__ */ guard<RequestTimeoutError>('RequestTimeoutError')
/** True for an unreadable success body. */
export const isParseError = /* @__PURE__ */ guard<ParseError>('ParseError')
