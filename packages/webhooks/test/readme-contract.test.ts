import { parseWebhookEvent, WebhookVerificationError } from '@amigo-ai/webhooks'
import { signWebhookPayload } from '@amigo-ai/webhooks/sign'
import { afterAll, describe, expect, it, vi } from 'vitest'

afterAll(() => {
  vi.unstubAllEnvs()
})

// The "Webhook Verification" usage of the product README, run as written (from a fetch Request).
describe('README contract: webhook verification', () => {
  const secret = 'whsec_readme_contract'
  const body = JSON.stringify({
    id: 'evt_r',
    type: 'call.ended',
    timestamp: '2026-01-01T00:00:00Z',
    data: { call_sid: 'CA' },
  })

  const receive = async (request: Request) => {
    vi.stubEnv('AMIGO_WEBHOOK_SECRET', secret)
    const text = await request.text()
    try {
      const event = await parseWebhookEvent({
        payload: text,
        signature: request.headers.get('x-amigo-signature') ?? '',
        timestamp: request.headers.get('x-amigo-timestamp') ?? undefined,
        secret: process.env.AMIGO_WEBHOOK_SECRET!,
      })
      return `${event.type} ${JSON.stringify(event.data)}`
    } catch (error) {
      if (error instanceof WebhookVerificationError) return `Rejected webhook: ${error.message}`
      throw error
    }
  }

  it('accepts a timestamped delivery read from request headers', async () => {
    const { headers } = await signWebhookPayload({ payload: body, secret })
    const request = new Request('http://127.0.0.1/hook', { method: 'POST', headers, body })
    expect(await receive(request)).toBe('call.ended {"call_sid":"CA"}')
  })

  it('rejects a forged one through the instanceof branch', async () => {
    const { headers } = await signWebhookPayload({ payload: body, secret: 'whsec_forger' })
    const request = new Request('http://127.0.0.1/hook', { method: 'POST', headers, body })
    expect(await receive(request)).toMatch(/^Rejected webhook: webhook signature mismatch/)
    const unsigned = new Request('http://127.0.0.1/hook', { method: 'POST', body })
    expect(await receive(unsigned)).toMatch(/^Rejected webhook: missing webhook signature/)
  })

  it('keeps the original positional helper for legacy HMAC deliveries', async () => {
    const { signature } = await signWebhookPayload({ payload: body, secret, timestamp: null })
    const rawBody = body
    const event = await parseWebhookEvent(rawBody, signature, secret)
    expect(event.id).toBe('evt_r')
  })
})
