import { ERROR_BRAND, hasBrand } from './brand'
import type { PlatformErrorBody } from './platform-error-body'

/**
 * What an error can be built with (every field optional). The single-package SDK's `ErrorContext`
 * shape (`statusCode`, `errorBody`, `rawBody`, `context`, ...) is accepted as it is.
 */
export interface ErrorContext {
  /** HTTP status of the response that caused the error (`status` is the same). */
  statusCode?: number
  /** HTTP status of the response that caused the error. */
  status?: number
  /** Machine-readable error code from the response body (`error_code`), when the API sent one. */
  errorCode?: string
  /** The `x-request-id` of the failed response (or `request_id` from its body). */
  requestId?: string
  /** Response headers of the failed response. */
  headers?: Headers
  /** Raw error body: parsed JSON when it was JSON, otherwise the text. */
  body?: unknown
  /** The error body in the API's shapes (FastAPI `detail`, validation list, or unparseable text). */
  errorBody?: PlatformErrorBody
  /** The body's text when it could not be parsed as JSON. */
  rawBody?: string
  /** The body's FastAPI `detail` value as received (a string, an object or a list), when it had one. */
  detail?: unknown
  /** Extra facts about the failure (never secrets). */
  context?: Record<string, unknown>
  /** The underlying error (network failure, abort reason, JSON syntax error). */
  cause?: unknown
}

/** Same as {@link ErrorContext}. */
export type AmigoErrorInit = ErrorContext

// The optional fields copied from the init when given (a loop: this class is in every bundle). The
// first five are the ones `toJSON` shows.
const INIT_FIELDS = [
  'errorCode',
  'requestId',
  'detail',
  'body',
  'context',
  'headers',
  'errorBody',
  'rawBody',
] as const

/** Root of every error this SDK throws; catch it to handle them all. */
export class AmigoError<TBody = PlatformErrorBody> extends Error {
  /**
   * Stable class name used for `name` and the cross-copy brand. Each subclass sets its own, because
   * `constructor.name` does not survive minifying bundlers.
   */
  static readonly kind: string = 'AmigoError'

  /**
   * The HTTP status the class stands for, used when the init gives none (`new NotFoundError('x')`
   * has status 404); subclasses inherit it.
   */
  declare protected static readonly defaultStatus?: number

  /** HTTP status: of the response, or the one the class stands for (404 for NotFoundError, ...). */
  declare readonly status?: number
  /** Machine-readable error code from the API body, when present. */
  declare readonly errorCode?: string
  /** Request id of the failed response, for support tickets and log correlation. */
  declare readonly requestId?: string
  /** Headers of the failed response. */
  declare readonly headers?: Headers
  /** Raw error body (parsed JSON or text). */
  declare readonly body?: unknown
  /**
   * The FastAPI `detail` of the error body exactly as the API sent it (e.g. `'Invalid message'`, an
   * object, or the 422 list), when the body had one; `message` is the readable summary of it.
   */
  declare readonly detail?: unknown
  /** The error body in the API's shapes; see `isHttpException`, `isHttpValidationError`. */
  declare readonly errorBody?: TBody
  /** The body's text when it could not be parsed as JSON. */
  declare readonly rawBody?: string
  /** Extra facts about the failure. */
  declare readonly context?: Record<string, unknown>

  constructor(message: string, init: ErrorContext = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause })
    const kinds: string[] = []
    // A subclass that forgot its own `kind` still gets its class name rather than its parent's.
    if (!Object.hasOwn(new.target, 'kind') && new.target.name) kinds.push(new.target.name)
    for (let c: unknown = new.target; c && c !== Error; c = Object.getPrototypeOf(c)) {
      if (Object.hasOwn(c, 'kind')) kinds.push((c as typeof AmigoError).kind)
    }
    // Not enumerable (as Error's own fields are not); `name` stays writable, as Error's is.
    Object.defineProperties(this, {
      name: { value: kinds[0], writable: true }, // AmigoError's own kind is always there
      [ERROR_BRAND]: { value: kinds },
    })
    const self = this as Record<string, unknown>
    for (const key of INIT_FIELDS) if (init[key] !== undefined) self[key] = init[key]
    const status = init.status ?? init.statusCode ?? new.target.defaultStatus
    if (status !== undefined) self.status = status
  }

  /** Same as `status` (the name response metadata uses). */
  get statusCode(): number | undefined {
    return this.status
  }

  /**
   * `instanceof` reads the brand too, so an error from another installed copy of this package (or
   * of the package that threw it) is still an instance of the class of the same name. A subclass
   * without a `kind` of its own is checked the ordinary way.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class `instanceof` was called on.
    if (!Object.hasOwn(this, 'kind')) return super[Symbol.hasInstance](value)
    // biome-ignore lint/complexity/noThisInStatic: as above.
    return hasBrand(value, (this as unknown as typeof AmigoError).kind)
  }

  /** Brand-based check for this class (works across two installed copies, unlike a plain prototype check). */
  static isInstance<T extends abstract new (...args: any) => AmigoError>(
    this: T & { kind: string },
    value: unknown,
  ): value is InstanceType<T> {
    // `this` is the class the method is called on, so NotFoundError.isInstance checks NotFoundError.
    // biome-ignore lint/complexity/noThisInStatic: deliberate, see above
    return hasBrand(value, this.kind)
  }

  /** Plain-object form for logs and `JSON.stringify` (the headers are left out). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {
      name: this.name,
      message: this.message,
      status: this.status,
      statusCode: this.status,
    }
    for (const key of INIT_FIELDS.slice(0, 5)) out[key] = this[key]
    return out
  }
}
