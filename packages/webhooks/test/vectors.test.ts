import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { parseWebhookEvent, verifyWebhookSignature, type WebhookVerificationReason } from '../src/index'
import vectors from './fixtures/vectors.json'

// Expected rejection reason per invalid vector (the fixture only says valid/invalid).
const reasons: Record<string, WebhookVerificationReason> = {
  V4: 'signature_mismatch',
  V5: 'timestamp_too_old',
  V7: 'signature_mismatch',
  V8: 'timestamp_in_future',
}

describe('published test vectors', () => {
  it('has all eight, transcribed without errors', () => {
    expect(vectors).toHaveLength(8)
    for (const v of vectors) {
      const bytes = Buffer.from(v.body, 'utf8')
      expect(bytes.length).toBe(v.body_utf8_bytes)
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(v.body_sha256_hex)
    }
  })

  for (const v of vectors) {
    const id = v.name.split(' ')[0]!
    const options = {
      payload: v.body,
      signature: v.signature_header,
      timestamp: v.timestamp ?? undefined,
      secret: v.secret,
      now: v.now_unix_s === null ? undefined : v.now_unix_s * 1000,
    }

    it(`${v.name}: verifyWebhookSignature → ${v.expected_valid}`, async () => {
      expect(await verifyWebhookSignature(options)).toBe(v.expected_valid)
      // Same answer for the bytes as Uint8Array and as ArrayBuffer.
      const bytes = new TextEncoder().encode(v.body)
      expect(await verifyWebhookSignature({ ...options, payload: bytes })).toBe(v.expected_valid)
      expect(await verifyWebhookSignature({ ...options, payload: bytes.slice().buffer })).toBe(
        v.expected_valid,
      )
    })

    it(`${v.name}: parseWebhookEvent ${v.expected_valid ? 'returns the event' : `rejects (${reasons[id]})`}`, async () => {
      if (v.expected_valid) {
        const event = await parseWebhookEvent(options)
        expect(event).toEqual(JSON.parse(v.body))
      } else {
        await expect(parseWebhookEvent(options)).rejects.toMatchObject({
          name: 'WebhookVerificationError',
          reason: reasons[id],
        })
      }
    })
  }

  it('V1 and V7 through the legacy positional shapes', async () => {
    const [v1, , , , , , v7] = vectors
    expect(await verifyWebhookSignature(v1!.body, v1!.signature_header, v1!.secret)).toBe(true)
    expect(await parseWebhookEvent(v1!.body, v1!.signature_header, v1!.secret)).toMatchObject({
      id: 'evt_01',
    })
    expect(await verifyWebhookSignature(v7!.body, v7!.signature_header, v7!.secret)).toBe(false)
    await expect(parseWebhookEvent(v7!.body, v7!.signature_header, v7!.secret)).rejects.toMatchObject({
      reason: 'signature_mismatch',
    })
  })

  it('V2 through a fetch Headers object and a Node headers record', async () => {
    const v = vectors[1]!
    const now = v.now_unix_s! * 1000
    const headers = new Headers({
      'X-Amigo-Signature': v.signature_header,
      'X-Amigo-Timestamp': v.timestamp!,
    })
    expect(await parseWebhookEvent({ headers, payload: v.body, secret: v.secret, now })).toMatchObject({
      type: 'call.completed',
    })
    const record = { 'x-amigo-signature': v.signature_header, 'X-AMIGO-TIMESTAMP': [v.timestamp!] }
    expect(await verifyWebhookSignature({ headers: record, payload: v.body, secret: v.secret, now })).toBe(
      true,
    )
  })
})
