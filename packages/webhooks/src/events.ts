import type { KnownWebhookEventType, WebhookEventDataMap } from './generated/events'

export type {
  KnownWebhookEventType,
  WebhookDeliveryRecord,
  WebhookEventDataMap,
  WebhookEventType,
} from './generated/events'

/** The JSON body of every delivery. */
export interface WebhookEnvelope<T extends string = string, D = unknown> {
  /** Event id (e.g. `evt_…`); use it to deduplicate retried deliveries. */
  id: string
  /** Event type, e.g. `call.ended`. */
  type: T
  /** When the event happened (ISO-8601). */
  timestamp: string
  /** Event-specific payload. */
  data: D
}

/**
 * The type of an event this SDK version does not know. A plain `string` here would stop
 * `switch (event.type)` from narrowing `data` for the known cases (TypeScript keeps any member
 * whose tag is `string`), so the type is a string pattern no known literal matches. It is
 * still a string at runtime; compare it with `event.type as string` to handle a newer event.
 */
export type UnknownWebhookEventType = `${string}\u0000unknown`

/** A known event: `type` and the matching `data`, one union member per documented type. */
export type KnownWebhookEvent = {
  [K in KnownWebhookEventType]: WebhookEnvelope<K, WebhookEventDataMap[K]>
}[KnownWebhookEventType]

/** An event whose type this SDK version does not list; its `data` has not been typed. */
export type UnknownWebhookEvent = WebhookEnvelope<UnknownWebhookEventType, unknown>

/**
 * A parsed delivery: the union of known events plus {@link UnknownWebhookEvent}, so
 * `switch (event.type)` narrows `event.data`. `parseWebhookEvent` returns it.
 */
export type ParsedWebhookEvent = KnownWebhookEvent | UnknownWebhookEvent

/**
 * A delivery's envelope with `data` of the type you give (`unknown` by default). Every
 * {@link ParsedWebhookEvent} is one.
 */
export interface WebhookEvent<T = unknown> extends WebhookEnvelope<string, T> {}

/** The event(s) a parse with `expectedType: T` can return. */
export type WebhookEventOfType<T extends string> = T extends KnownWebhookEventType
  ? Extract<KnownWebhookEvent, { type: T }>
  : WebhookEnvelope<T, unknown>
