import type { WebhookPayload } from './bytes'
import type { WebhookHeaders } from './headers'
import type { WebhookSecret } from './secrets'

/** What to verify: the raw body, its signature (and timestamp) or the request headers, and the secret(s). */
export interface WebhookVerificationOptions {
  /** The raw request body, exactly as received (never re-serialised JSON). */
  payload: WebhookPayload
  /** `x-amigo-signature` value: hex, optionally `sha256=`-prefixed; several may be comma/space separated. */
  signature?: string | readonly string[] | null
  /** `x-amigo-timestamp` value, verbatim. Absent or empty: the legacy body-only scheme (no replay check). */
  timestamp?: string | number | null
  /** Request headers to read `x-amigo-signature` / `x-amigo-timestamp` from when those are not given. */
  headers?: WebhookHeaders | null
  /** The signing secret, or several during a rotation (entries may carry `expiresAt`). */
  secret: WebhookSecret
  /** Largest accepted clock difference, either direction, in ms (default 300000; the limit itself passes). */
  toleranceMs?: number
  /** Alias of `toleranceMs` (the name the original helper used). */
  maxAgeMs?: number
  /** The verifier's clock (epoch ms or Date); defaults to `Date.now()`. Handy in tests. */
  now?: number | Date
}

/** The arguments of the public functions: one options object, or the positional (legacy) triple. */
export type VerifyArgs<O> = [O | WebhookPayload, (string | readonly string[] | null)?, WebhookSecret?]

/** The positional (legacy) call shape folded into the options shape. */
export const toOptions = <O extends WebhookVerificationOptions>(args: VerifyArgs<O>): O =>
  // Decided by arity, not by a `payload` key: a positional payload mistakenly parsed from JSON is
  // the sender's object, and must not be able to supply its own secret and signature.
  (args.length < 2 ? (args[0] ?? {}) : { payload: args[0], signature: args[1], secret: args[2] }) as O
