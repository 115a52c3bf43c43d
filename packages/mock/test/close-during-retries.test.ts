// `mock.close()` stops the server and every connection at once, also while a webhook delivery waits
// to retry (it does not wait out the backoff, which `webhookBaseDelayMs` can make minutes long) or
// waits for a receiver that never answers (it does not wait out the 5 s delivery timeout).
import { startTestServer, waitFor } from '@amigo-ai/test-server'
import { expect, it } from 'vitest'
import { startTestMock } from './helpers'

it('close() ends a webhook delivery waiting a minute to retry, without sending the retry', async () => {
  let attempts = 0
  let firstAttempt!: () => void
  const attempted = new Promise<void>((resolve) => {
    firstAttempt = resolve
  })
  const down = await startTestServer((_req, res) => {
    attempts++
    res.writeHead(503).end()
    firstAttempt()
  })
  const mock = await startTestMock({ webhookMaxAttempts: 3, webhookBaseDelayMs: 60_000 })
  try {
    mock.addWebhookDestination({ url: `${down.url}/in`, eventTypes: ['review.submitted'] })
    mock.emit('review.submitted', { action: 'approved', item_id: 'i1' })
    await attempted
    // The 503 is read: the delivery now waits out its backoff.
    await waitFor(() => mock.webhookDeliveries[0]?.attempts.length === 1)
    const closed = mock.close().then(() => 'closed')
    const stuck = new Promise((resolve) => setTimeout(resolve, 5_000, 'still waiting').unref())
    expect(await Promise.race([closed, stuck])).toBe('closed')
    expect(attempts).toBe(1)
    const [log] = mock.webhookDeliveries
    expect(log).toMatchObject({ delivered: false, attempts: [503] })
  } finally {
    await mock.close()
    await down.close()
  }
})

it('close() ends a webhook delivery to a receiver that never answers, at once', async () => {
  let arrived!: () => void
  const delivering = new Promise<void>((resolve) => {
    arrived = resolve
  })
  // Reads the delivery and never answers it: only the mock's own timeout or close() ends it.
  const silent = await startTestServer(() => arrived())
  const mock = await startTestMock({ webhookMaxAttempts: 3, webhookBaseDelayMs: 0 })
  try {
    mock.addWebhookDestination({ url: `${silent.url}/in`, eventTypes: ['review.submitted'] })
    mock.emit('review.submitted', { action: 'approved', item_id: 'i1' })
    await delivering
    const closed = mock.close().then(() => 'closed')
    const stuck = new Promise((resolve) => setTimeout(resolve, 2_000, 'still waiting').unref())
    expect(await Promise.race([closed, stuck])).toBe('closed')
    expect(silent.requests).toHaveLength(1)
    expect(mock.webhookDeliveries[0]).toMatchObject({ delivered: false, attempts: [0] })
  } finally {
    await mock.close()
    await silent.close()
  }
})
