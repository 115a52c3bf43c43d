import { describe, expect, it } from 'vitest'
import { parseWebhookEvent, verifyWebhookSignature, type WebhookVerificationOptions } from '../src/index'
import { signWebhookPayload } from '../src/sign'
import { delivery, envelope, SECRET, T0 } from './helpers'

const rejects = (options: WebhookVerificationOptions, reason: string) =>
  expect(parseWebhookEvent(options)).rejects.toMatchObject({ name: 'WebhookVerificationError', reason })

describe('signature checks', () => {
  it('accepts a delivery signed with the secret', async () => {
    expect(await verifyWebhookSignature(await delivery())).toBe(true)
  })

  it('rejects a tampered body, one byte changed', async () => {
    const d = await delivery()
    await rejects({ ...d, payload: d.payload.toString().replace('CA1', 'CA2') }, 'signature_mismatch')
    expect(await verifyWebhookSignature({ ...d, payload: `${d.payload} ` })).toBe(false)
  })

  it('rejects the wrong secret, and a secret differing only in case or whitespace', async () => {
    const d = await delivery()
    for (const secret of ['whsec_other', SECRET.toUpperCase(), `${SECRET} `, ` ${SECRET}`])
      await rejects({ ...d, secret }, 'signature_mismatch')
  })

  it('rejects a re-signed timestamp (the timestamp is part of the MAC)', async () => {
    const d = await delivery()
    await rejects({ ...d, timestamp: '1767225601' }, 'signature_mismatch')
    // Same instant, different text: still a different signed message.
    await rejects({ ...d, timestamp: '1767225600000' }, 'signature_mismatch')
    await rejects({ ...d, timestamp: undefined }, 'signature_mismatch')
  })

  it('accepts uppercase hex and a missing sha256= prefix; rejects other prefixes', async () => {
    const d = await delivery()
    const hex = d.signature.slice(7)
    expect(await verifyWebhookSignature({ ...d, signature: hex.toUpperCase() })).toBe(true)
    expect(await verifyWebhookSignature({ ...d, signature: `sha256=${hex.toUpperCase()}` })).toBe(true)
    await rejects({ ...d, signature: `SHA256=${hex}` }, 'malformed_signature')
    await rejects({ ...d, signature: `sha512=${hex}` }, 'malformed_signature')
    await rejects({ ...d, signature: `v1=${hex}` }, 'malformed_signature')
  })

  it('classifies missing and malformed signature headers', async () => {
    const d = await delivery()
    for (const signature of [undefined, null, '', '   ', ',', ' , '])
      await rejects({ ...d, signature: signature as string }, 'missing_signature')
    for (const signature of [
      'sha256=',
      'xyz',
      'abc',
      'sha256=abc',
      'zz'.repeat(32),
      'sha256:deadbeef',
      '0x00',
    ])
      await rejects({ ...d, signature }, 'malformed_signature')
  })

  it('rejects a truncated or extended signature (length differs)', async () => {
    const d = await delivery()
    await rejects({ ...d, signature: d.signature.slice(0, -2) }, 'signature_mismatch')
    await rejects({ ...d, signature: `${d.signature}00` }, 'signature_mismatch')
    await rejects({ ...d, signature: 'sha256=00' }, 'signature_mismatch')
  })

  it('accepts a header carrying several signatures when any one matches', async () => {
    const d = await delivery()
    const other = (
      await signWebhookPayload({ payload: d.payload, secret: 'whsec_other', timestamp: d.timestamp! })
    ).signature
    for (const signature of [
      `${other},${d.signature}`,
      `${other} ${d.signature}`,
      `${d.signature}, ${other}`,
      `sha256=zz, ${d.signature.slice(7)}`,
    ])
      expect(await verifyWebhookSignature({ ...d, signature })).toBe(true)
    expect(await verifyWebhookSignature({ ...d, signature: [other, d.signature] })).toBe(true)
    await rejects({ ...d, signature: `${other}, ${other}` }, 'signature_mismatch')
  })
})

describe('timestamp window', () => {
  const at = async (
    timestampSeconds: number,
    now: number,
    extra: Partial<WebhookVerificationOptions> = {},
  ) => {
    const d = await delivery(envelope(), SECRET, String(timestampSeconds))
    return { ...d, now, ...extra }
  }

  it('accepts exactly at the tolerance, both directions, and rejects 1 ms beyond', async () => {
    const s = T0 / 1000
    expect(await verifyWebhookSignature(await at(s, T0 + 300_000))).toBe(true)
    expect(await verifyWebhookSignature(await at(s, T0 - 300_000))).toBe(true)
    await rejects(await at(s, T0 + 300_001), 'timestamp_too_old')
    await rejects(await at(s, T0 - 300_001), 'timestamp_in_future')
  })

  it('honours toleranceMs and its alias maxAgeMs', async () => {
    const s = T0 / 1000
    expect(await verifyWebhookSignature(await at(s, T0 + 10_000, { toleranceMs: 10_000 }))).toBe(true)
    await rejects(await at(s, T0 + 10_001, { toleranceMs: 10_000 }), 'timestamp_too_old')
    await rejects(await at(s, T0 + 10_001, { maxAgeMs: 10_000 }), 'timestamp_too_old')
    expect(await verifyWebhookSignature(await at(s, T0 + 3_600_000, { maxAgeMs: 3_600_000 }))).toBe(true)
    // toleranceMs wins over maxAgeMs when both are given.
    expect(await verifyWebhookSignature(await at(s, T0 + 20_000, { toleranceMs: 30_000, maxAgeMs: 1 }))).toBe(
      true,
    )
    expect(await verifyWebhookSignature(await at(s, T0 + 1, { toleranceMs: 0 }))).toBe(false)
    expect(await verifyWebhookSignature(await at(s, T0, { toleranceMs: 0 }))).toBe(true)
  })

  it('reads seconds, milliseconds and ISO-8601 timestamps; a Date works as the clock', async () => {
    for (const timestamp of [
      '1767225600',
      '1767225600000',
      '2026-01-01T00:00:00Z',
      '2026-01-01T00:00:00.000Z',
    ]) {
      const d = await delivery(envelope(), SECRET, timestamp)
      expect(await verifyWebhookSignature({ ...d, now: new Date(T0 + 1000) })).toBe(true)
    }
  })

  it('uses Date.now() when no clock is given', async () => {
    const d = await delivery(envelope(), SECRET, String(Math.floor(Date.now() / 1000)))
    expect(await verifyWebhookSignature({ ...d, now: undefined })).toBe(true)
    const old = await delivery()
    expect(await verifyWebhookSignature({ ...old, now: undefined })).toBe(false)
  })

  it('rejects an authentic but unparseable timestamp as malformed_timestamp', async () => {
    for (const timestamp of ['yesterday', 'NaN', '1767225600s']) {
      const d = await delivery(envelope(), SECRET, timestamp)
      await rejects(d, 'malformed_timestamp')
    }
  })

  it('refuses date strings without a fixed shape, even when authentic', async () => {
    const shapes = [
      '2026-01-01T00:00',
      '2026-01-01 00:00:00Z',
      'Thu, 01 Jan 2026 00:00:00 GMT',
      '-1',
      '1e9',
      ' 1767225600',
    ]
    for (const timestamp of shapes)
      await rejects(await delivery(envelope(), SECRET, timestamp), 'malformed_timestamp')
  })

  it('reports a bad MAC before a stale timestamp', async () => {
    const d = await delivery()
    await rejects({ ...d, secret: 'whsec_wrong', now: T0 + 3_600_000 }, 'signature_mismatch')
  })
})

describe('payload forms', () => {
  it('verifies the same bytes given as string, Uint8Array, ArrayBuffer, Buffer and DataView', async () => {
    const text = envelope('call.ended', { caller: 'José Ñúñez', note: 'ünïcode ✓ 🎉', zh: '你好' })
    const d = await delivery(text)
    const bytes = new TextEncoder().encode(text)
    for (const payload of [
      text,
      bytes,
      bytes.slice().buffer,
      Buffer.from(text),
      new DataView(bytes.slice().buffer),
    ])
      expect(await parseWebhookEvent({ ...d, payload })).toMatchObject({ data: { caller: 'José Ñúñez' } })
  })

  it('verifies a view at an offset inside a larger buffer (only the view is signed)', async () => {
    const text = envelope()
    const d = await delivery(text)
    const inner = new TextEncoder().encode(text)
    const big = new Uint8Array(inner.length + 20).fill(0x7b)
    big.set(inner, 7)
    const view = big.subarray(7, 7 + inner.length)
    expect(await verifyWebhookSignature({ ...d, payload: view })).toBe(true)
    expect(await verifyWebhookSignature({ ...d, payload: big })).toBe(false)
  })

  it('verifies binary bodies byte for byte (invalid UTF-8 included)', async () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i)
    const d = await delivery(bytes)
    expect(await verifyWebhookSignature(d)).toBe(true)
    // Decoding and re-encoding the bytes as text changes them, and the signature catches it.
    const roundTripped = new TextDecoder().decode(bytes)
    expect(await verifyWebhookSignature({ ...d, payload: roundTripped })).toBe(false)
    await rejects(d, 'invalid_json')
  })

  it('distinguishes NFC and NFD forms of the same text', async () => {
    const nfc = envelope('call.ended', { name: 'José' }).normalize('NFC')
    const d = await delivery(nfc)
    expect(await verifyWebhookSignature({ ...d, payload: nfc.normalize('NFD') })).toBe(false)
  })

  it('verifies a 10 MB body and catches one flipped bit in it', async () => {
    const big = new Uint8Array(10 * 1024 * 1024)
    for (let i = 0; i < big.length; i++) big[i] = (i * 31 + 7) & 0xff
    const d = await delivery(big)
    expect(await verifyWebhookSignature(d)).toBe(true)
    const flipped = big.slice()
    flipped[5_000_000]! ^= 1
    expect(await verifyWebhookSignature({ ...d, payload: flipped })).toBe(false)
  })

  it('verifies an empty body', async () => {
    const d = await delivery('')
    expect(await verifyWebhookSignature(d)).toBe(true)
    await rejects(d, 'invalid_json')
  })
})

describe('secret rotation', () => {
  it('accepts any of several secrets', async () => {
    const d = await delivery(envelope(), 'whsec_old')
    expect(await verifyWebhookSignature({ ...d, secret: ['whsec_new', 'whsec_old'] })).toBe(true)
    expect(await verifyWebhookSignature({ ...d, secret: ['whsec_new', 'whsec_newer'] })).toBe(false)
  })

  it('stops accepting a rotated secret at its expiresAt (Date, ISO string or epoch ms)', async () => {
    const d = await delivery(envelope(), 'whsec_old')
    for (const expiresAt of [new Date(T0 + 1), '2026-01-01T00:00:00.001Z', T0 + 1]) {
      const secret = ['whsec_new', { secret: 'whsec_old', expiresAt }]
      expect(await verifyWebhookSignature({ ...d, secret, now: T0 })).toBe(true)
      expect(await verifyWebhookSignature({ ...d, secret, now: T0 + 1 })).toBe(false)
    }
    // A single expiring entry works too, and no expiresAt means no expiry.
    expect(await verifyWebhookSignature({ ...d, secret: { secret: 'whsec_old' } })).toBe(true)
    expect(await verifyWebhookSignature({ ...d, secret: { secret: 'whsec_old', expiresAt: null } })).toBe(
      true,
    )
  })

  it('treats an unparseable expiresAt as expired (fails closed)', async () => {
    const d = await delivery(envelope(), 'whsec_old')
    const secret = ['whsec_new', { secret: 'whsec_old', expiresAt: 'soon' }]
    expect(await verifyWebhookSignature({ ...d, secret })).toBe(false)
  })

  // Nothing can verify then, whatever the delivery: a configuration to fix (a 500, so the platform
  // retries once it is fixed), not a bad delivery to refuse with a 400. Signing says the same.
  it('throws TypeError when every secret has expired or has an unparseable expiresAt', async () => {
    const d = await delivery(envelope(), 'whsec_old')
    for (const secret of [
      [{ secret: 'whsec_old', expiresAt: 'soon' }],
      [{ secret: 'whsec_old', expiresAt: '2026-13-01T00:00:00Z' }],
      { secret: 'whsec_old', expiresAt: T0 },
      [undefined, { secret: 'whsec_old', expiresAt: T0 - 1 }, { secret: 'whsec_older', expiresAt: 0 }],
    ]) {
      const verifiers = [verifyWebhookSignature, parseWebhookEvent] as ((
        o: WebhookVerificationOptions,
      ) => Promise<unknown>)[]
      for (const verify of verifiers) {
        const error = await verify({ ...d, secret }).catch((e: unknown) => e)
        expect(error).toBeInstanceOf(TypeError)
        expect((error as Error).message).toBe('all webhook secrets expired')
      }
    }
  })

  it('skips empty entries (an unset env var) but needs at least one secret', async () => {
    const d = await delivery()
    expect(await verifyWebhookSignature({ ...d, secret: [undefined, '', SECRET] })).toBe(true)
    for (const secret of [undefined, null, '', [], [undefined, ''], { secret: '' }])
      await expect(verifyWebhookSignature({ ...d, secret: secret as never })).rejects.toThrow(TypeError)
  })

  it('names a secret of the wrong type instead of skipping it as missing', async () => {
    const d = await delivery()
    // Bytes (a secret read from a file without an encoding) are not skipped as an empty entry either.
    const bytes = new TextEncoder().encode(SECRET)
    for (const secret of [42, [SECRET, 42], { secret: 42 }, [{ secret: true }], bytes, [bytes], [[SECRET]]])
      await expect(verifyWebhookSignature({ ...d, secret: secret as never })).rejects.toThrow(
        'webhook secret is not a string',
      )
  })

  it('handles many secrets (more than the key cache holds) correctly', async () => {
    const secrets = Array.from({ length: 40 }, (_, i) => `whsec_many_${i}`)
    const d = await delivery(envelope(), secrets[39]!)
    expect(await verifyWebhookSignature({ ...d, secret: secrets })).toBe(true)
    expect(await verifyWebhookSignature({ ...d, secret: secrets.slice(0, 39) })).toBe(false)
    expect(await verifyWebhookSignature({ ...d, secret: secrets })).toBe(true)
  })
})

describe('headers form', () => {
  it('reads the headers from a fetch Headers object', async () => {
    const d = await delivery()
    const headers = new Headers({ 'x-amigo-signature': d.signature, 'x-amigo-timestamp': d.timestamp! })
    expect(await parseWebhookEvent({ headers, payload: d.payload, secret: SECRET, now: T0 })).toMatchObject({
      type: 'call.ended',
    })
    headers.delete('x-amigo-timestamp')
    await rejects({ headers, payload: d.payload, secret: SECRET, now: T0 }, 'signature_mismatch')
    headers.delete('x-amigo-signature')
    await rejects({ headers, payload: d.payload, secret: SECRET, now: T0 }, 'missing_signature')
  })

  it('reads a Node-style record case-insensitively, with string[] values', async () => {
    const d = await delivery()
    const records = [
      { 'x-amigo-signature': d.signature, 'x-amigo-timestamp': d.timestamp },
      { 'X-Amigo-Signature': [d.signature], 'X-AMIGO-TIMESTAMP': d.timestamp, get: 'a header named get' },
      { 'x-amigo-signature': ['sha256=00', d.signature], 'x-amigo-timestamp': Number(d.timestamp) },
    ]
    for (const headers of records)
      expect(await verifyWebhookSignature({ headers, payload: d.payload, secret: SECRET, now: T0 })).toBe(
        true,
      )
  })

  it('lets explicit signature/timestamp take precedence over headers', async () => {
    const d = await delivery()
    const headers = { 'x-amigo-signature': 'sha256=00', 'x-amigo-timestamp': '1' }
    expect(await verifyWebhookSignature({ ...d, headers })).toBe(true)
    await rejects({ headers, payload: d.payload, secret: SECRET, now: T0 }, 'signature_mismatch')
  })

  it('treats an absent header object as no headers', async () => {
    const d = await delivery()
    await rejects({ headers: null, payload: d.payload, secret: SECRET }, 'missing_signature')
    await rejects({ headers: {}, payload: d.payload, secret: SECRET }, 'missing_signature')
  })
})

describe('misuse and secrecy', () => {
  it('throws TypeError (not a rejection reason) for a payload that is not raw text or bytes', async () => {
    const d = await delivery()
    for (const payload of [JSON.parse(d.payload as string), 42, null, undefined])
      await expect(verifyWebhookSignature({ ...d, payload })).rejects.toThrow(/raw body/)
    await expect(verifyWebhookSignature({ ...d, payload: undefined as never })).rejects.toThrow(TypeError)
  })

  it('throws TypeError for a NaN clock or a negative/NaN tolerance', async () => {
    const d = await delivery()
    for (const bad of [
      { now: Number.NaN },
      { now: new Date('x') },
      { toleranceMs: -1 },
      { maxAgeMs: Number.NaN },
      // A string would be coerced by the comparisons and silently reject fresh deliveries.
      { toleranceMs: '300000' as never },
    ])
      await expect(verifyWebhookSignature({ ...d, ...bad })).rejects.toThrow(TypeError)
  })

  it('never reads options from a positional payload (a parsed body carrying its own secret)', async () => {
    // A JSON body parser ran first, so the positional payload is an object the sender wrote.
    const forged = envelope('call.ended', { forged: true })
    const { signature } = await signWebhookPayload({ payload: forged, secret: 'chosen', timestamp: null })
    const parsedBody = { payload: forged, signature, secret: 'chosen' }
    await expect(verifyWebhookSignature(parsedBody as never, 'sha256=00', SECRET)).rejects.toThrow(/raw body/)
    await expect(parseWebhookEvent(parsedBody as never, undefined, SECRET)).rejects.toThrow(/raw body/)
  })

  it('never puts the secret in an error message', async () => {
    const secret = 'whsec_SUPER_SECRET_do_not_log_1234'
    const d = await delivery(envelope(), secret)
    const attempts: WebhookVerificationOptions[] = [
      { ...d, secret: `${secret}x` },
      { ...d, signature: '' },
      { ...d, signature: 'nothex' },
      { ...d, now: T0 + 10 ** 9 },
      { ...d, now: T0 - 10 ** 9 },
      { ...(await delivery('not json', secret)) },
      { ...d, payload: { secret } as never },
      { ...d, now: Number.NaN },
    ]
    for (const options of attempts) {
      const error = await parseWebhookEvent({ ...options, expectedType: secret }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(Error)
      expect(String((error as Error).message)).not.toContain(secret)
      expect(String((error as Error).stack)).not.toContain(secret)
      expect(JSON.stringify(error)).not.toContain(secret)
    }
  })
})
