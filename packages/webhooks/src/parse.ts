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

/** Verifies, then parses; `expectedType` narrows the result to that event type. */
export function parseWebhookEvent<const T extends string>(
  options: ParseWebhookEventOptions & { expectedType: T | readonly T[] },
): Promise<WebhookEventOfType<T>>
/** Verifies the delivery (signature, then timestamp) and returns the parsed event, or throws WebhookVerificationError. */
export function parseWebhookEvent<D = never>(
  options: ParseWebhookEventOptions,
): Promise<ParsedWebhookEventOf<D>>
/** Legacy shape: body-only HMAC, no timestamp. */
export function parseWebhookEvent<D = never>(
  payload: WebhookPayload,
  signature: string | null | undefined,
  secret: WebhookSecret,
): Promise<ParsedWebhookEventOf<D>>
export async function parseWebhookEvent(
  ...args: VerifyArgs<ParseWebhookEventOptions>
): Promise<WebhookEvent<unknown>> {
  const options = toOptions(args)
  const body = await verifyDelivery(options)
  const text = typeof body === 'string' ? body : new TextDecoder().decode(body)
  let event: WebhookEvent<unknown> | undefined
  let cause: unknown
  try {
    event = JSON.parse(text, options.reviver)
  } catch (error) {
    // A syntax error, or what the caller's reviver threw: kept, so the reason can be told.
    cause = error
  }
  if (!event || typeof event !== 'object' || Array.isArray(event))
    fail('invalid_json', 'Invalid JSON webhook payload: the body is not a JSON object', cause)
  const expected = options.expectedType
  if (expected != null && ![expected].flat().includes(event!.type))
    // The type is the sender's: clipped, so a huge one cannot flood the logs.
    fail('unexpected_type', `Unexpected webhook event type ${String(event!.type).slice(0, 100)}`)
  options.validate?.(event!)
  return event!
}
