import { startTestServer, type TestServer } from '@amigo-ai/test-server'
import { verifyWebhookSignature } from '@amigo-ai/webhooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MockPlatform } from '../src/index'
import { call, startTestMock, ws } from './helpers'

let mock: MockPlatform
let receiver: TestServer
beforeAll(async () => {
  mock = await startTestMock({ webhookBaseDelayMs: 5, webhookMaxAttempts: 3 })
  receiver = await startTestServer((_req, res) => {
    res.writeHead(204).end()
  })
})
afterAll(async () => {
  await mock?.close()
  await receiver?.close()
})

describe('webhook deliveries', () => {
  it('delivers signed events to a destination registered through the API', async () => {
    const created = await call(mock, 'POST', `${ws(mock)}/webhook-destinations`, {
      body: {
        name: 'receiver',
        trigger_id: mock.store.triggers.list()[0]!.id,
        accepted_event_types: ['surface.*'],
        url: `${receiver.url}/hook`,
      },
    })
    expect(created.status).toBe(201)
    const secret = created.body.secret as string
    expect(secret).toMatch(/^whsec_/)
    expect(
      (await call(mock, 'GET', `${ws(mock)}/webhook-destinations/${created.body.id}`)).body,
    ).not.toHaveProperty('secret')
    mock.emit('surface.submitted', { surface_id: 's1', entity_id: 'e1' })
    mock.emit('call.started', { call_sid: 'CA1', direction: 'inbound', service_id: 'svc' })
    await mock.webhooksIdle()
    const hits = receiver.requestsTo('/hook')
    expect(hits).toHaveLength(1)
    const req = hits[0]!
    const body = JSON.parse(req.body)
    expect(body).toMatchObject({ type: 'surface.submitted', data: { surface_id: 's1' } })
    expect(body.id).toMatch(/^evt_/)
    const ok = await verifyWebhookSignature({
      payload: req.body,
      signature: String(req.headers['x-amigo-signature']),
      timestamp: String(req.headers['x-amigo-timestamp']),
      secret,
    })
    expect(ok).toBe(true)
    const tampered = await verifyWebhookSignature({
      payload: req.body.replace('s1', 's2'),
      signature: String(req.headers['x-amigo-signature']),
      timestamp: String(req.headers['x-amigo-timestamp']),
      secret,
    })
    expect(tampered).toBe(false)
    const deliveries = await call(
      mock,
      'GET',
      `${ws(mock)}/webhook-destinations/${created.body.id}/deliveries`,
    )
    expect(deliveries.body.items[0].event_type).toBe('surface.submitted')
  })

  it('retries failed deliveries with backoff and gives up after the last attempt', async () => {
    let n = 0
    const flaky = await startTestServer((_req, res) => {
      n++
      res.writeHead(n < 3 ? 500 : 200).end()
    })
    const down = await startTestServer((_req, res) => {
      res.writeHead(503).end()
    })
    try {
      const a = mock.addWebhookDestination({ url: `${flaky.url}/in`, eventTypes: ['review.submitted'] })
      mock.addWebhookDestination({ url: `${down.url}/in`, eventTypes: ['review.submitted'] })
      mock.emit('review.submitted', { action: 'approved', item_id: 'i1' })
      await mock.webhooksIdle()
      const logs = mock.webhookDeliveries.filter((d) => d.eventType === 'review.submitted')
      expect(logs.find((d) => d.destinationId === a.id)).toMatchObject({
        attempts: [500, 500, 200],
        delivered: true,
      })
      expect(logs.find((d) => d.destinationId !== a.id)).toMatchObject({
        attempts: [503, 503, 503],
        delivered: false,
      })
      const signatures = new Set(flaky.requests.map((r) => r.headers['x-amigo-signature']))
      expect(flaky.requests).toHaveLength(3)
      expect(signatures.size).toBeGreaterThanOrEqual(1)
    } finally {
      await flaky.close()
      await down.close()
    }
  })
})

describe('signedWebhook', () => {
  it('builds a delivery that the webhooks package verifies', async () => {
    const secret = mock.createWebhookSecret()
    const d = await mock.signedWebhook({ type: 'call.ended', data: { call_sid: 'CA1' }, secret })
    expect(d.secret).toBe(secret)
    expect(JSON.parse(d.body)).toMatchObject({ type: 'call.ended', data: { call_sid: 'CA1' } })
    const ok = await verifyWebhookSignature({
      payload: d.body,
      signature: d.headers['x-amigo-signature']!,
      timestamp: d.headers['x-amigo-timestamp'],
      secret,
    })
    expect(ok).toBe(true)
  })
})
