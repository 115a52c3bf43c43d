import type { WebhookPayload } from './bytes'
import { fail } from './errors'
import type { ParsedWebhookEvent, WebhookEvent, WebhookEventOfType } from './events'
import { toOptions, type VerifyArgs, type WebhookVerificationOptions } from './options'
import type { WebhookSecret } from './secrets'
import { verifyDelivery } from './verify-delivery'

/** Verification options plus what to check about the parsed event. */
export interface ParseWebhookEventOptions extends WebhookVerificationOptions {
  /** Reject (reason `unexpected_type`) unless the event's type is this one (or one of these). */
  expectedType?: string | readonly string[]
  /** Passed to `JSON.parse`. */
  reviver?: (this: unknown, key: string, value: unknown) => unknown
  /** Your own check of the parsed event; whatever it throws propagates. */
  validate?: (event: WebhookEvent<unknown>) => void
}

/** Without a type argument, every known event (narrowed by `type`); with one, an envelope of that `data`. */
export type ParsedWebhookEventOf<D> = [D] extends [never] ? ParsedWebhookEvent : WebhookEvent<D>

/**
 * Verifies, then parses; `expectedType` narrows the result to that event type. (`T extends string`
 * keeps the literal types of a list without a `const` type parameter, which needs TypeScript 5.0.)
 */
export function parseWebhookEvent<T extends string>(
  options: ParseWebhookEventOptions & { expectedType: T | readonly T[] },
): Promise<WebhookEventOfType<T>>
/** Verifies the delivery (signature, then timestamp) and returns the parsed event, or throws WebhookVerificationError. */
export function parseWebhookEvent<D = never>(
  options: ParseWebhookEventOptions,
): Promise<ParsedWebhookEventOf<D>>
/**
 * Legacy shape: body-only HMAC, no timestamp. It returns what the single-package SDK's form returned,
 * a {@link WebhookEvent} whose `type` is any string (code comparing it with a type this package does
 * not list still compiles); the options form returns the narrowing {@link ParsedWebhookEvent}.
 */
export function parseWebhookEvent<D = unknown>(
  payload: WebhookPayload,
  signature: string | null | undefined,
  secret: WebhookSecret,
): Promise<WebhookEvent<D>>
export async function parseWebhookEvent(
  ...args: VerifyArgs<ParseWebhookEventOptions>
): Promise<WebhookEvent<unknown>> {
  const options = toOptions(args)
  const body = await verifyDelivery(options)
  let event: WebhookEvent<unknown> | undefined
  let cause: unknown
  try {
    // Text and bytes read alike. One leading byte order mark is dropped from both, as the UTF-8 decoder
    // (and so fetch's `json()`) does and RFC 8259 allows; the MAC covered it as received. Bytes that are
    // not UTF-8 are refused, not parsed with U+FFFD in their place (data the sender never wrote).
    event = JSON.parse(
      typeof body === 'string'
        ? body.replace(/^\ufeff/, '')
        : new TextDecoder(undefined, { fatal: true }).decode(body),
      options.reviver,
    )
  } catch (error) {
    // A syntax error, the decoder's error or what the caller's reviver threw: kept, so the reason shows.
    cause = error
  }
  if (!event || typeof event !== 'object' || Array.isArray(event))
    fail('invalid_json', 'Invalid JSON webhook payload: the body is not a JSON object', cause)
  const expected = options.expectedType
  const type: unknown = event!.type
  if (expected != null && ![expected].flat().includes(type as string))
    // The type is the sender's: clipped, so a huge one cannot flood the logs. Anything but a string
    // is named by its kind (`{"toString":0}` cannot even be made one).
    fail(
      'unexpected_type',
      `Unexpected webhook event type ${typeof type === 'string' ? type.slice(0, 100) : typeof type}`,
    )
  options.validate?.(event!)
  return event!
}
