import { ERROR_BRAND, hasBrand } from './brand'

/** What every error of this package can carry; all fields are optional. */
export interface AmigoErrorInit {
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
  /** The body's FastAPI `detail` value as received (a string, an object or a list), when it had one. */
  detail?: unknown
  /** The underlying error (network failure, abort reason, JSON syntax error). */
  cause?: unknown
}

// The optional fields copied from the init when given (a loop: this class is in every bundle).
const INIT_FIELDS = ['status', 'errorCode', 'requestId', 'headers', 'body', 'detail'] as const

/** Root of every error this SDK throws; catch it to handle them all. */
export class AmigoError extends Error {
  /**
   * Stable class name used for `name` and the cross-copy brand. Each subclass sets its own, because
   * `constructor.name` does not survive minifying bundlers.
   */
  static readonly kind: string = 'AmigoError'

  /** HTTP status, when the error came from a response. */
  readonly status?: number
  /** Machine-readable error code from the API body, when present. */
  readonly errorCode?: string
  /** Request id of the failed response, for support tickets and log correlation. */
  readonly requestId?: string
  /** Headers of the failed response. */
  readonly headers?: Headers
  /** Raw error body (parsed JSON or text). */
  readonly body?: unknown
  /**
   * The FastAPI `detail` of the error body exactly as the API sent it (e.g. `'Invalid message'`, an
   * object, or the 422 list), when the body had one; `message` is the readable summary of it.
   */
  readonly detail?: unknown

  constructor(message: string, init: AmigoErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause })
    const kinds: string[] = []
    // A subclass that forgot its own `kind` still gets its class name rather than its parent's.
    if (!Object.hasOwn(new.target, 'kind') && new.target.name) kinds.push(new.target.name)
    for (let c: unknown = new.target; typeof c === 'function' && c !== Error; c = Object.getPrototypeOf(c)) {
      if (Object.hasOwn(c, 'kind')) kinds.push((c as typeof AmigoError).kind)
    }
    Object.defineProperty(this, 'name', {
      value: kinds[0] ?? 'AmigoError',
      enumerable: false,
      writable: true,
    })
    Object.defineProperty(this, ERROR_BRAND, { value: kinds, enumerable: false })
    for (const key of INIT_FIELDS)
      if (init[key] !== undefined) (this as Record<string, unknown>)[key] = init[key]
  }

  /** Same as `status` (the name response metadata uses). */
  get statusCode(): number | undefined {
    return this.status
  }

  /** Brand-based check for this class (works across two installed copies, unlike `instanceof`). */
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
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      errorCode: this.errorCode,
      requestId: this.requestId,
      detail: this.detail,
      body: this.body,
    }
  }
}
