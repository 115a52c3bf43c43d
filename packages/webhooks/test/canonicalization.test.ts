import { describe, expect, it } from 'vitest'
import { parseWebhookEvent, verifyWebhookSignature } from '../src/index'
import { signWebhookPayload } from '../src/sign'
import { envelope, SECRET, T0 } from './helpers'

// The MAC covers `v1:<timestamp>:<body>`. These forgeries keep that byte string intact but
// split it differently between the timestamp header and the body.
describe('bytes moved between timestamp and body', () => {
  it('rejects a truncated ISO timestamp with its tail moved into the body', async () => {
    const body = envelope()
    const timestamp = '2026-01-01T00:00:00.000Z'
    const { signature } = await signWebhookPayload({ payload: body, secret: SECRET, timestamp })
    const forgeries = [
      { timestamp: '2026-01-01T00:00', payload: `00.000Z:${body}` },
      { timestamp: '2026-01-01T00', payload: `00:00.000Z:${body}` },
    ]
    for (const f of forgeries) {
      expect(await verifyWebhookSignature({ ...f, signature, secret: SECRET, now: T0 })).toBe(false)
      await expect(parseWebhookEvent({ ...f, signature, secret: SECRET, now: T0 })).rejects.toMatchObject({
        reason: 'malformed_timestamp',
      })
    }
  })

  it('rejects an offset timestamp cut inside its zone', async () => {
    const body = envelope()
    const timestamp = '2026-01-01T01:00:00+01:00'
    const { signature } = await signWebhookPayload({ payload: body, secret: SECRET, timestamp })
    expect(
      await verifyWebhookSignature({ payload: body, signature, timestamp, secret: SECRET, now: T0 }),
    ).toBe(true)
    const forged = {
      timestamp: '2026-01-01T01:00:00+01',
      payload: `00:${body}`,
      signature,
      secret: SECRET,
      now: T0,
    }
    expect(await verifyWebhookSignature(forged)).toBe(false)
  })

  it('rejects a timestamp extended with the start of the body', async () => {
    const body = '5:{"id":"evt","type":"x","timestamp":"t","data":{}}'
    const { signature } = await signWebhookPayload({ payload: body, secret: SECRET, timestamp: '1767225600' })
    const forged = { timestamp: '1767225600:5', payload: body.slice(2), signature, secret: SECRET, now: T0 }
    expect(await verifyWebhookSignature(forged)).toBe(false)
  })

  it('rejects a timestamped signature replayed as legacy with the prefix in the body', async () => {
    const body = envelope()
    const { signature } = await signWebhookPayload({ payload: body, secret: SECRET, timestamp: '1767225600' })
    const forged = { payload: `v1:1767225600:${body}`, signature, secret: SECRET }
    expect(await verifyWebhookSignature(forged)).toBe(false)
    expect(await verifyWebhookSignature(forged.payload, signature, SECRET)).toBe(false)
    expect(
      await verifyWebhookSignature({ ...forged, payload: new TextEncoder().encode(forged.payload) }),
    ).toBe(false)
  })

  it('still accepts the timestamp shapes the platform uses', async () => {
    const shapes = [
      '1767225600',
      '1767225600000',
      '1767225600.5',
      '2026-01-01T00:00:00Z',
      '2026-01-01T00:00:00.000Z',
    ]
    for (const timestamp of [
      ...shapes,
      '2026-01-01T01:00:00+01:00',
      '2026-01-01T01:00:00+0100',
      '2026-01-01T00:00Z',
    ]) {
      const { signature } = await signWebhookPayload({ payload: 'x', secret: SECRET, timestamp })
      expect(
        await verifyWebhookSignature({ payload: 'x', signature, timestamp, secret: SECRET, now: T0 }),
      ).toBe(true)
    }
  })
})
