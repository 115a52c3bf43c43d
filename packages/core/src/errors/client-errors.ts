import { AmigoError, type AmigoErrorInit } from './amigo-error'

/** The client was configured wrongly (raised at construction, before any request). */
export class ConfigurationError extends AmigoError {
  static override readonly kind: string = 'ConfigurationError'
}

/** The request never got an HTTP response: DNS, refused or reset connection, TLS, or similar. */
export class NetworkError extends AmigoError {
  static override readonly kind: string = 'NetworkError'

  /** `init` may also be the underlying error itself (`new NetworkError(message, cause)`). */
  constructor(message: string, init?: AmigoErrorInit | unknown) {
    super(message, isInit(init) ? init : { cause: init })
  }
}

/** The request took longer than its `timeout` (a kind of NetworkError, never retried). */
export class RequestTimeoutError extends NetworkError {
  static override readonly kind: string = 'RequestTimeoutError'
  /** The timeout that was exceeded, in milliseconds. */
  declare readonly timeoutMs?: number

  /** `init` may also be the timeout itself (`new RequestTimeoutError(message, timeoutMs, cause)`). */
  constructor(
    message: string,
    init: (AmigoErrorInit & { timeoutMs?: number }) | number = {},
    cause?: unknown,
  ) {
    const o = typeof init === 'number' ? { timeoutMs: init, cause } : init
    super(message, o)
    if (o.timeoutMs !== undefined) this.timeoutMs = o.timeoutMs
  }
}

/** A success response whose body could not be read as the expected format (e.g. invalid JSON). */
export class ParseError extends AmigoError {
  static override readonly kind: string = 'ParseError'

  /** `init` may also be the unparseable body's text (`new ParseError(message, body)`). */
  constructor(message: string, init?: AmigoErrorInit | string) {
    super(message, typeof init === 'string' ? { body: init } : init)
  }
}

/** A call was made with input that cannot be sent (e.g. a missing path parameter); nothing was sent. */
export class InvalidRequestError extends AmigoError {
  static override readonly kind: string = 'InvalidRequestError'
}

/** A plain options object (not an error, array or other class instance passed as a cause). */
function isInit(value: unknown): value is AmigoErrorInit | undefined {
  if (value === undefined) return true
  if (typeof value !== 'object' || value === null) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}
