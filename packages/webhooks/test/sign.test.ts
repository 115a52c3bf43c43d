import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { verifyWebhookSignature } from '../src/index'
import { signWebhookPayload } from '../src/sign'
import { T0 } from './helpers'

describe('signWebhookPayload', () => {
  it('matches an HMAC computed independently with node:crypto', async () => {
    const payload = '{"id":"evt_1","type":"call.ended","timestamp":"t","data":{}}'
    const signed = await signWebhookPayload({ payload, secret: 'whsec_x', timestamp: '1767225600' })
    const expected = createHmac('sha256', 'whsec_x').update(`v1:1767225600:${payload}`).digest('hex')
    expect(signed).toEqual({
      signature: `sha256=${expected}`,
      timestamp: '1767225600',
      headers: { 'x-amigo-signature': `sha256=${expected}`, 'x-amigo-timestamp': '1767225600' },
    })
  })

  it('signs the legacy body-only way when timestamp is null', async () => {
    const signed = await signWebhookPayload({ payload: 'abc', secret: 'k', timestamp: null })
    expect(signed.signature).toBe(`sha256=${createHmac('sha256', 'k').update('abc').digest('hex')}`)
    expect(signed.timestamp).toBe('')
    expect(signed.headers).toEqual({ 'x-amigo-signature': signed.signature })
    expect(await verifyWebhookSignature('abc', signed.signature, 'k')).toBe(true)
  })

  it('defaults to the current Unix time in seconds, which verifies right away', async () => {
    const before = Math.floor(Date.now() / 1000)
    const signed = await signWebhookPayload({ payload: new Uint8Array([1, 2, 3]), secret: 'k' })
    expect(Number(signed.timestamp)).toBeGreaterThanOrEqual(before)
    expect(signed.timestamp).toMatch(/^\d{10}$/)
    expect(
      await verifyWebhookSignature({
        payload: new Uint8Array([1, 2, 3]),
        secret: 'k',
        headers: signed.headers,
      }),
    ).toBe(true)
  })

  it('signs a numeric timestamp verbatim', async () => {
    const signed = await signWebhookPayload({ payload: 'x', secret: 'k', timestamp: T0 })
    expect(signed.timestamp).toBe(String(T0))
    expect(
      await verifyWebhookSignature({ payload: 'x', secret: 'k', now: T0, headers: signed.headers }),
    ).toBe(true)
  })

  it('signs once per unexpired secret during a rotation; receivers with either secret accept', async () => {
    const secret = [
      'whsec_new',
      { secret: 'whsec_old', expiresAt: Date.now() + 60_000 },
      { secret: 'whsec_gone', expiresAt: 0 },
    ]
    const signed = await signWebhookPayload({ payload: 'x', secret, timestamp: '1767225600' })
    const hmac = (key: string) =>
      `sha256=${createHmac('sha256', key).update('v1:1767225600:x').digest('hex')}`
    expect(signed.signature).toBe(`${hmac('whsec_new')}, ${hmac('whsec_old')}`)
    for (const receiver of ['whsec_new', 'whsec_old'])
      expect(
        await verifyWebhookSignature({ payload: 'x', secret: receiver, now: T0, headers: signed.headers }),
      ).toBe(true)
    expect(
      await verifyWebhookSignature({ payload: 'x', secret: 'whsec_gone', now: T0, headers: signed.headers }),
    ).toBe(false)
  })

  it('needs a secret', async () => {
    await expect(signWebhookPayload({ payload: 'x', secret: '' })).rejects.toThrow(TypeError)
  })

  it('names its options when given none, or something else', async () => {
    for (const bad of [undefined, null, 'x', 42]) {
      await expect(signWebhookPayload(bad as never)).rejects.toThrow(
        'signWebhookPayload takes { payload, secret, timestamp? }',
      )
    }
  })

  it('signs only the timestamps the verifier reads as an instant, and names timestamp otherwise', async () => {
    const unreadable = [
      {},
      Number.NaN,
      Number.POSITIVE_INFINITY,
      true,
      ['1767225600'],
      // '' would otherwise sign the legacy scheme without being asked to.
      '',
      '-1',
      -1,
      1e21,
      '9'.repeat(400),
      'yesterday',
      '1767225600\n',
      '1767225600\r\nx-injected: 1',
      '2026-01-01T00:00',
      '2026-01-01T00:00:00+99:99',
    ]
    for (const timestamp of unreadable) {
      const signed = signWebhookPayload({ payload: 'x', secret: 'whsec_a', timestamp } as never)
      await expect(signed).rejects.toThrow(TypeError)
      await expect(signed).rejects.toThrow(/^timestamp must be Unix seconds or milliseconds/)
    }
    for (const timestamp of [1767225600, '1767225600', T0, '1767225600.5', '2026-01-01T01:00:00+01:00']) {
      const signed = await signWebhookPayload({ payload: 'x', secret: 'k', timestamp })
      expect(signed.timestamp).toBe(String(timestamp))
      expect(
        await verifyWebhookSignature({ payload: 'x', secret: 'k', now: T0, headers: signed.headers }),
      ).toBe(true)
    }
  })

  it('refuses to sign a legacy (null timestamp) body starting with v1:, which verifiers refuse', async () => {
    for (const payload of ['v1:abc', new TextEncoder().encode('v1:1767225600:{}')])
      await expect(signWebhookPayload({ payload, secret: 'k', timestamp: null })).rejects.toThrow(
        /^timestamp: null \(the legacy scheme\) cannot sign a body starting with "v1:"/,
      )
    // The same body with a timestamp, and legacy bodies that merely look alike, are signed and verify.
    const stamped = await signWebhookPayload({ payload: 'v1:abc', secret: 'k', timestamp: '1767225600' })
    expect(
      await verifyWebhookSignature({ payload: 'v1:abc', secret: 'k', now: T0, headers: stamped.headers }),
    ).toBe(true)
    for (const payload of ['v1', ' v1:abc', 'V1:abc']) {
      const { signature } = await signWebhookPayload({ payload, secret: 'k', timestamp: null })
      expect(await verifyWebhookSignature(payload, signature, 'k')).toBe(true)
    }
  })

  it('refuses to sign when every secret has expired (no empty signature header)', async () => {
    await expect(
      signWebhookPayload({ payload: 'x', secret: [{ secret: 'whsec_old', expiresAt: 1 }] }),
    ).rejects.toThrow('all webhook secrets expired')
  })
})
