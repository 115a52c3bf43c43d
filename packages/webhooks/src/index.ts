export type { WebhookPayload } from './bytes'
export {
  isWebhookVerificationError,
  WebhookVerificationError,
  type WebhookVerificationErrorInit,
  type WebhookVerificationReason,
} from './errors'
export type {
  KnownWebhookEvent,
  KnownWebhookEventType,
  ParsedWebhookEvent,
  UnknownWebhookEvent,
  UnknownWebhookEventType,
  WebhookDeliveryRecord,
  WebhookEnvelope,
  WebhookEvent,
  WebhookEventDataMap,
  WebhookEventOfType,
  WebhookEventType,
} from './events'
export type { WebhookHeaders } from './headers'
export type { WebhookVerificationOptions } from './options'
export { type ParsedWebhookEventOf, type ParseWebhookEventOptions, parseWebhookEvent } from './parse'
export type { ExpiringWebhookSecret, WebhookSecret } from './secrets'
export { DEFAULT_TOLERANCE_MS, type Instant } from './time'
export { verifyWebhookSignature } from './verify'
export { VERSION } from './version'
