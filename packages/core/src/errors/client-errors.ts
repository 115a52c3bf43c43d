import { AmigoError, type AmigoErrorInit } from './amigo-error'

/** The client was configured wrongly (raised at construction, before any request). */
export class ConfigurationError extends AmigoError {
  static override readonly kind: string = 'ConfigurationError'
}

/** The request never got an HTTP response: DNS, refused or reset connection, TLS, or similar. */
export class NetworkError extends AmigoError {
  static override readonly kind: string = 'NetworkError'
}

/** The request took longer than its `timeout` (a kind of NetworkError, never retried). */
export class RequestTimeoutError extends NetworkError {
  static override readonly kind: string = 'RequestTimeoutError'
  /** The timeout that was exceeded, in milliseconds. */
  readonly timeoutMs?: number

  constructor(message: string, init: AmigoErrorInit & { timeoutMs?: number } = {}) {
    super(message, init)
    if (init.timeoutMs !== undefined) this.timeoutMs = init.timeoutMs
  }
}

/** A success response whose body could not be read as the expected format (e.g. invalid JSON). */
export class ParseError extends AmigoError {
  static override readonly kind: string = 'ParseError'
}

/** A call was made with input that cannot be sent (e.g. a missing path parameter); nothing was sent. */
export class InvalidRequestError extends AmigoError {
  static override readonly kind: string = 'InvalidRequestError'
}
