export { AmigoError, type AmigoErrorInit, type ErrorContext } from './errors/amigo-error'
export { ERROR_BRAND } from './errors/brand'
export { classifyRefreshFailure } from './errors/classify-refresh-failure'
export {
  ConfigurationError,
  InvalidRequestError,
  NetworkError,
  ParseError,
  RequestTimeoutError,
} from './errors/client-errors'
export { type ErrorBodySummary, summarizeErrorBody } from './errors/error-body'
export { type ErrorResponseInput, errorFromResponse } from './errors/from-response'
export {
  isAmigoError,
  isAuthenticationError,
  isBadRequestError,
  isConfigurationError,
  isConflictError,
  isHttpException,
  isHttpValidationError,
  isNetworkError,
  isNotFoundError,
  isParseError,
  isPermissionError,
  isRateLimitError,
  isRequestTimeoutError,
  isServerError,
  isServiceUnavailableError,
  isUnparseableErrorBody,
  isValidationError,
} from './errors/guards'
export {
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
} from './errors/http-errors'
export { type OAuthErrorBody, readOAuthError } from './errors/oauth-error-body'
export type {
  AmigoErrorWithBody,
  HttpExceptionBody,
  HttpValidationErrorBody,
  PlatformErrorBody,
  UnparseableErrorBody,
} from './errors/platform-error-body'
export { redactDeep, redactSecrets } from './errors/redact'
export { parseRetryAfter } from './errors/retry-after'
export { credentialOf, secretForms } from './errors/secret-forms'
export {
  isRefreshTokenExpiredError,
  isRefreshTokenReusedError,
  isTokenRefreshError,
  RefreshTokenExpiredError,
  RefreshTokenReusedError,
  TokenRefreshError,
} from './errors/token-refresh-errors'
export { isAbortSignal } from './options/is-abort-signal'
export { kindOf } from './options/kind-of'
export { type OptionNames, unknownOptionProblem } from './options/unknown-options'
export { nextCursor, type PageCursor, pageItems } from './pagination/page-shape'
export {
  autoPage,
  type ListParams,
  type PaginatedList,
  type PaginateOptions,
  paginate,
  type TokenPage,
} from './pagination/paginate'
export { type BackoffOptions, backoffDelay } from './retry/backoff'
export {
  DEFAULT_RETRY,
  isRetrySafe,
  MAX_TIMER_MS,
  type ResolvedRetry,
  type RetryOptions,
  shouldRetryStatus,
} from './retry/policy'
export { sleep } from './retry/sleep'
export { untilAborted } from './retry/until-aborted'
export {
  type ApiKeySource,
  type ClientConfig,
  checkApiKey,
  type HeaderValues,
  type RequestOptions,
  type ScopedRequestOptions,
} from './transport/config'
export { isHeaderValue } from './transport/header-checks'
export type {
  ClientHooks,
  ErrorHookContext,
  RequestHookContext,
  ResponseHookContext,
} from './transport/hooks'
export { pathSegmentProblem } from './transport/path-segment'
export { parseRateLimitHeaders, type RateLimitInfo, requestIdOf } from './transport/rate-limit'
export {
  type AmigoResponse,
  buildLastResponse,
  extractRequestId,
  type LastResponseInfo,
  type ResponseMetadata,
  type WithResponseMetadata,
  withResponseMetadata,
} from './transport/response-meta'
export { Transport } from './transport/transport'
export type {
  AmigoRequestOptions,
  HttpMethod,
  ParseAs,
  PathsWithMethod,
  RequestExtras,
  RequestInit_,
  SuccessData,
  TypedInit,
  TypedMethod,
  TypedRoute,
  WithInjectedParams,
} from './transport/types'
export { DEFAULT_BASE_URL } from './transport/url'
export { VERSION } from './version'
