export { EXTERNAL_USER_SESSION_CREATE_SCOPE, type Principal } from './auth/principal'
export type { WorkspaceEvent } from './events/event-hub'
export { parseFault } from './faults/parse'
export type { MockFault } from './faults/types'
export type { RecordedRequest } from './http/types'
export type { MockPlatformOptions } from './options'
export { WS_CLOSE } from './realtime/ws-auth'
export { resolveSpecPath } from './spec/load-spec'
export { type MockPlatform, startMockPlatform } from './start'
export type { Store } from './state/store'
export { VERSION } from './version'
export type { WebhookDeliveryLog } from './webhooks/dispatcher'
export {
  type SampleWebhookEventOptions,
  sampleWebhookEvent,
  type WebhookEventSample,
  webhookEventTypes,
} from './webhooks/sample-event'
