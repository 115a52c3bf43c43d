// `mock.close()` called again before the first call has finished (an afterEach and an afterAll
// both closing, or close() from two cleanups at once) resolves only once the mock is closed.
import { startTestServer } from '@amigo-ai/test-server'
import { expect, it } from 'vitest'
import { startTestMock, ws } from './helpers'
import { readSse } from './sse-client'

it('a second close() while the first is running resolves when the mock is closed, not before', async () => {
  let arrived!: () => void
  const delivering = new Promise<void>((resolve) => {
    arrived = resolve
  })
  // A receiver that never answers: the first close() has a delivery to abort and wait for.
  const silent = await startTestServer(() => arrived())
  const mock = await startTestMock()
  try {
    const stream = await readSse(mock, `${ws(mock)}/events/stream`)
    mock.addWebhookDestination({ url: `${silent.url}/in`, eventTypes: ['review.submitted'] })
    mock.emit('review.submitted', { action: 'approved', item_id: 'i1' })
    await delivering
    let firstDone = false
    const first = mock.close().then(() => {
      firstDone = true
    })
    await mock.close()
    expect(firstDone).toBe(true)
    expect(mock.webhookDeliveries[0]).toMatchObject({ delivered: false, attempts: [0] })
    await Promise.all([first, stream.ended])
  } finally {
    await silent.close()
  }
})
