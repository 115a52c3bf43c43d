// Once `mock.close()` has been called, the handle's actions throw instead of doing half the work:
// an event emitted then reaches no stream (a test awaiting it would wait for ever), a simulated call
// would start timers, a fault or webhook destination would change state nobody can reach. What
// reads (and cleanup: clearFaults, a fault's disarm function, close itself) keeps working.
import { describe, expect, it } from 'vitest'
import type { MockPlatform } from '../src/index'
import { call, startTestMock } from './helpers'

/** What the actions act on: a pending device code and an issued access token, made while open. */
type Live = { mock: MockPlatform; userCode: string; token: string }

/** Each acting method, called as a test would call it on an open mock (where each would succeed). */
const ACTIONS: Record<string, (live: Live) => unknown> = {
  emit: ({ mock }) => mock.emit('review.submitted', { action: 'approved', item_id: 'i1' }),
  simulateCall: ({ mock }) => mock.simulateCall({ durationMs: 10 }),
  injectFault: ({ mock }) => mock.injectFault({ status: 503 }),
  addWebhookDestination: ({ mock }) => mock.addWebhookDestination({ url: 'http://127.0.0.1:9/in' }),
  approveDeviceCode: ({ mock, userCode }) => mock.approveDeviceCode(userCode),
  denyDeviceCode: ({ mock, userCode }) => mock.denyDeviceCode(userCode),
  expireDeviceCode: ({ mock, userCode }) => mock.expireDeviceCode(userCode),
  expireToken: ({ mock, token }) => mock.expireToken(token),
}

/** A fresh mock with a pending device code and an access token of its API key. */
async function startLive(): Promise<Live> {
  const mock = await startTestMock()
  const noAuth = { authorization: '' }
  const device = await call(mock, 'POST', '/device/code', {
    headers: noAuth,
    form: { client_description: 't' },
  })
  const issued = await call(mock, 'POST', '/token', { headers: noAuth, form: { api_key: mock.apiKey } })
  return { mock, userCode: device.body.user_code, token: issued.body.access_token }
}

describe('a closed mock', () => {
  for (const [method, act] of Object.entries(ACTIONS)) {
    it(`${method} throws once close() has been called, even before it has finished`, async () => {
      const live = await startLive()
      const events = live.mock.events().length
      const closed = live.mock.close()
      expect(() => act(live)).toThrow(new Error(`${method}: the mock platform is closed`))
      await closed
      expect(() => act(live)).toThrow(new Error(`${method}: the mock platform is closed`))
      expect(live.mock.events()).toHaveLength(events)
    })
  }

  it('still answers what reads, cleans up, and resolves a second close()', async () => {
    const mock = await startTestMock()
    const listed = await call(mock, 'GET', `/v1/${mock.workspaceId}/agents`)
    const event = mock.emit('review.submitted', { action: 'approved', item_id: 'i1' })
    const disarm = mock.injectFault({ status: 503, path: '/nowhere' })
    const { url, port, apiKey, workspaceId, store } = mock
    await mock.close()

    expect(mock).toMatchObject({ url, port, apiKey, workspaceId, store })
    expect(mock.requests.map((r) => r.status)).toEqual([listed.status])
    expect(mock.events()).toEqual([event])
    expect(mock.webhookDeliveries).toEqual([])
    await expect(mock.webhooksIdle()).resolves.toBeUndefined()
    expect(mock.createWebhookSecret()).toMatch(/^whsec_/)
    const signed = await mock.signedWebhook({ type: 'review.submitted', data: { item_id: 'i1' } })
    expect(JSON.parse(signed.body)).toMatchObject({ type: 'review.submitted' })
    expect(() => disarm()).not.toThrow()
    expect(() => mock.clearFaults()).not.toThrow()
    await expect(mock.close()).resolves.toBeUndefined()
  })
})
