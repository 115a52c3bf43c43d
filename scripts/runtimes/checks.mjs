// What each runtime check needs from the packages (see missing() in app.mjs).
const webhooks = [
  ['@amigo-ai/webhooks', 'parseWebhookEvent'],
  ['@amigo-ai/webhooks/sign', 'signWebhookPayload'],
  ['@amigo-ai/webhooks', 'WebhookVerificationError'],
]
const mock = [['@amigo-ai/platform-mock', 'startMockPlatform']]

/** Needs of each named check. */
export const needs = {
  webhooks,
  agents: [['@amigo-ai/platform-sdk', 'AmigoClient'], ...mock],
  events: [['@amigo-ai/platform-sdk', 'client.events'], ...mock],
  'worker-webhooks': webhooks,
  'worker-platform': [['@amigo-ai/platform-sdk', 'AmigoClient'], ...mock],
  'browser-webhooks': webhooks,
  'browser-events': [['@amigo-ai/realtime', 'subscribeToWorkspaceEvents'], ...mock],
  bundles: [['@amigo-ai/platform-sdk', 'AmigoClient']],
  webpack: [['@amigo-ai/platform-sdk', 'AmigoClient']],
}
