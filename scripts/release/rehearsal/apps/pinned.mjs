// An app that pinned the umbrella at its first release: after later releases it still installs
// (its dependencies' ranges resolve to whatever matches them now) and still works.
import { AmigoClient, parseWebhookEvent, signWebhookPayload, VERSION } from '@amigo-ai/platform-sdk'
import { assert, report } from './results.mjs'

await report('pinned umbrella', async () => {
  const secret = 'whsec_pinned_app'
  const payload = JSON.stringify({
    id: 'evt_pinned',
    type: 'call.completed',
    timestamp: new Date().toISOString(),
    data: { call_id: 'call_pinned' },
  })
  const { headers } = await signWebhookPayload({ payload, secret })
  const event = await parseWebhookEvent({ payload, headers, secret })
  assert(event.id === 'evt_pinned', `parsed ${event.id}`)
  const client = new AmigoClient({ apiKey: 'key', workspaceId: 'ws', baseUrl: 'http://127.0.0.1:9' })
  assert(typeof client.agents.list === 'function', 'AmigoClient has no agents.list')
  return `platform-sdk ${VERSION} imports, builds an AmigoClient, signs and verifies a delivery through its webhooks dependency`
})
