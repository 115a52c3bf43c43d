import { AmigoError, type AmigoErrorInit } from './amigo-error'

/** 400: the API rejected the request as malformed. */
export class BadRequestError extends AmigoError {
  static override readonly kind: string = 'BadRequestError'
  protected static override readonly defaultStatus: number = 400
}

/** 401: the API key or token is missing, invalid or expired. */
export class AuthenticationError extends AmigoError {
  static override readonly kind: string = 'AuthenticationError'
  protected static override readonly defaultStatus: number = 401
}

/** 403: the credentials are valid but lack permission for this operation. */
export class PermissionError extends AmigoError {
  static override readonly kind: string = 'PermissionError'
  protected static override readonly defaultStatus: number = 403
}

/** 404: the resource does not exist (or is not visible to this workspace). */
export class NotFoundError extends AmigoError {
  static override readonly kind: string = 'NotFoundError'
  protected static override readonly defaultStatus: number = 404
}

/** 409: a conflict such as a duplicate slug or a stale version. */
export class ConflictError extends AmigoError {
  static override readonly kind: string = 'ConflictError'
  protected static override readonly defaultStatus: number = 409
}

/** One entry of a FastAPI validation error list. */
export interface ValidationIssue {
  /** Where the problem is, e.g. `['body', 'name']`. */
  loc: (string | number)[]
  /** Human-readable description. */
  msg: string
  /** Machine-readable kind, e.g. `missing`. */
  type: string
  [key: string]: unknown
}

/** 422: the request body or parameters failed validation; `issues` lists each problem. */
export class ValidationError extends AmigoError {
  static override readonly kind: string = 'ValidationError'
  protected static override readonly defaultStatus: number = 422
  /** FastAPI's `detail` list, when the body had one (empty otherwise). */
  declare readonly issues: ValidationIssue[]

  constructor(message: string, init: AmigoErrorInit & { issues?: ValidationIssue[] } = {}) {
    super(message, init)
    this.issues = init.issues ?? []
  }
}

/** 429: too many requests; `retryAfter` is the server's requested wait in seconds, when it sent one. */
export class RateLimitError extends AmigoError {
  static override readonly kind: string = 'RateLimitError'
  protected static override readonly defaultStatus: number = 429
  /** Seconds to wait before retrying (from `Retry-After`), when known. */
  declare readonly retryAfter?: number

  constructor(message: string, init: AmigoErrorInit & { retryAfter?: number } = {}) {
    super(message, init)
    if (init.retryAfter !== undefined) this.retryAfter = init.retryAfter
  }
}

/** 5xx: the server failed (also used for unexpected non-2xx statuses). */
export class ServerError extends AmigoError {
  static override readonly kind: string = 'ServerError'
  protected static override readonly defaultStatus: number = 500
}

/** 503: the service is temporarily unavailable. */
export class ServiceUnavailableError extends ServerError {
  static override readonly kind: string = 'ServiceUnavailableError'
  protected static override readonly defaultStatus: number = 503
}
