/** Why a delivery was rejected; stable strings meant for logs, metrics and `switch` statements. */
export type WebhookVerificationReason =
  | 'missing_signature'
  | 'malformed_signature'
  | 'signature_mismatch'
  | 'timestamp_too_old'
  | 'timestamp_in_future'
  | 'malformed_timestamp'
  | 'invalid_json'
  | 'unexpected_type'
  // An error built without a reason (never one this package throws).
  | 'unspecified'

// Symbol.for gives the same symbol in every copy of this package, so identity survives
// an app that ends up with two installed versions (e.g. direct + via platform-sdk).
const BRAND = Symbol.for('@amigo-ai/webhooks.WebhookVerificationError')

/** True when `value` is a WebhookVerificationError from any installed copy of this package. */
export function isWebhookVerificationError(value: unknown): value is WebhookVerificationError {
  // Optional chaining reads nothing off null and undefined; other primitives have no brand.
  return (value as Record<symbol, unknown> | null | undefined)?.[BRAND] === true
}

/** What a WebhookVerificationError is built from besides its message. */
export interface WebhookVerificationErrorInit {
  /** Which check failed. */
  reason?: WebhookVerificationReason
  /** The underlying failure, when there is one (a JSON syntax error, for instance). */
  cause?: unknown
}

/** Thrown when a delivery fails verification or parsing; `reason` says which check failed. Never contains the secret. */
export class WebhookVerificationError extends Error {
  /** Machine-readable cause of the rejection. */
  declare readonly reason: WebhookVerificationReason

  /**
   * `(message, init)`, the shape of every error of the SDK; `new WebhookVerificationError(message)`
   * (the single-package SDK's form) is accepted too.
   */
  constructor(message: string, init: WebhookVerificationErrorInit = {}) {
    // Error reads only `cause` from its options, so the init itself serves (none when it has none).
    super(message, init.cause === undefined ? undefined : init)
    this.name = 'WebhookVerificationError'
    this.reason = init.reason ?? 'unspecified'
    // Set here rather than as a `[BRAND]` member: bundlers keep any class with a computed key, used
    // or not, and this class reaches apps that never verify a webhook inside the umbrella's files.
    Object.defineProperty(this, BRAND, { value: true })
  }

  /** Makes `instanceof` work across copies of the package (the brand decides, not the prototype chain). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // For a subclass, the ordinary prototype-chain check still applies.
    return (
      isWebhookVerificationError(value) &&
      // biome-ignore lint/complexity/noThisInStatic: `this` is the class `instanceof` was called on (maybe a subclass).
      (this === WebhookVerificationError || super[Symbol.hasInstance](value))
    )
  }
}

/** Shorthand used by the verifier: create and throw in one expression. */
export const fail = (reason: WebhookVerificationReason, message: string, cause?: unknown): never => {
  throw new WebhookVerificationError(message, { reason, cause })
}
