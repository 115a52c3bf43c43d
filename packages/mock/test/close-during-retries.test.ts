// `mock.close()` stops the server and every connection at once, also while a webhook delivery waits
// to retry: it does not wait out the backoff (which `webhookBaseDelayMs` can make minutes long).
import { startTestServer } from '@amigo-ai/test-server'
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
