import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isWebhookVerificationError, parseWebhookEvent, verifyWebhookSignature } from '../src/index'
import { signWebhookPayload } from '../src/sign'
import { headerTimeMs } from '../src/time'
import { T0 } from './helpers'

const secretArb = fc.string({ minLength: 1, maxLength: 40 })
const bodyArb = fc.oneof(
  fc.jsonValue().map((data) => JSON.stringify({ id: 'evt_p', type: 'call.ended', timestamp: 't', data })),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.uint8Array({ maxLength: 200 }),
)
// A timestamp inside the default window around T0, as Unix seconds or milliseconds.
const timestampArb = fc.oneof(
  fc.integer({ min: -290, max: 290 }).map((s) => String(T0 / 1000 + s)),
  fc.integer({ min: -290_000, max: 290_000 }).map((ms) => String(T0 + ms)),
  fc.constant(null),
)

const bytesOf = (body: string | Uint8Array) =>
  typeof body === 'string' ? new TextEncoder().encode(body) : body
const hexOf = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')
// Legacy bodies that start with "v1:" are refused on purpose, by the signer too (see canonicalization tests).
const signable = (body: string | Uint8Array, timestamp: string | null) =>
  timestamp !== null || Buffer.from(bytesOf(body).subarray(0, 3)).toString('latin1') !== 'v1:'

/** Mutations that change what was signed or the signature itself (never a no-op). */
type Mutation =
  | { kind: 'flipBody'; at: number; bit: number }
  | { kind: 'insertBody'; at: number; byte: number }
  | { kind: 'deleteBody'; at: number }
  | { kind: 'flipSignature'; at: number; bit: number }
  | { kind: 'truncateSignature'; bytes: number }
  | { kind: 'extendSignature'; byte: number }
  | { kind: 'changeTimestamp'; text: string }
  | { kind: 'dropTimestamp' }
  | { kind: 'changeSecret'; extra: string }

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flipBody' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({
    kind: fc.constant('insertBody' as const),
    at: fc.nat(),
    byte: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({ kind: fc.constant('deleteBody' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('flipSignature' as const),
    at: fc.nat(31),
    bit: fc.integer({ min: 0, max: 7 }),
  }),
  fc.record({ kind: fc.constant('truncateSignature' as const), bytes: fc.integer({ min: 1, max: 32 }) }),
  fc.record({ kind: fc.constant('extendSignature' as const), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('changeTimestamp' as const), text: fc.string({ maxLength: 30 }) }),
  fc.record({ kind: fc.constant('dropTimestamp' as const) }),
  fc.record({ kind: fc.constant('changeSecret' as const), extra: fc.string({ minLength: 1, maxLength: 5 }) }),
)

interface Delivery {
  payload: Uint8Array
  signature: string
  timestamp: string | undefined
  secret: string
  now: number
}

/** Applies `m`; returns undefined when the mutation would not change anything (e.g. delete from empty). */
function mutate(d: Delivery, m: Mutation): Delivery | undefined {
  const body = d.payload
  const sig = Buffer.from(d.signature.slice(7), 'hex')
  switch (m.kind) {
    case 'flipBody': {
      if (!body.length) return undefined
      const out = body.slice()
      out[m.at % body.length]! ^= 1 << m.bit
      return { ...d, payload: out }
    }
    case 'insertBody': {
      const at = m.at % (body.length + 1)
      return { ...d, payload: Uint8Array.from([...body.subarray(0, at), m.byte, ...body.subarray(at)]) }
    }
    case 'deleteBody': {
      if (!body.length) return undefined
      const at = m.at % body.length
      return { ...d, payload: Uint8Array.from([...body.subarray(0, at), ...body.subarray(at + 1)]) }
    }
    case 'flipSignature':
      sig[m.at]! ^= 1 << m.bit
      return { ...d, signature: `sha256=${hexOf(sig)}` }
    case 'truncateSignature':
      return { ...d, signature: `sha256=${hexOf(sig.subarray(0, 32 - m.bytes))}` }
    case 'extendSignature':
      return { ...d, signature: `sha256=${hexOf(Buffer.concat([sig, Buffer.from([m.byte])]))}` }
    case 'changeTimestamp':
      return m.text === (d.timestamp ?? '') ? undefined : { ...d, timestamp: m.text || undefined }
    case 'dropTimestamp':
      return d.timestamp ? { ...d, timestamp: undefined } : undefined
    case 'changeSecret':
      return { ...d, secret: d.secret + m.extra }
  }
}

async function signed(
  body: string | Uint8Array,
  secret: string,
  timestamp: string | null,
): Promise<Delivery> {
  const s = await signWebhookPayload({ payload: body, secret, timestamp })
  return {
    payload: bytesOf(body),
    signature: s.signature,
    timestamp: s.timestamp || undefined,
    secret,
    now: T0,
  }
}

describe('property: forged deliveries', () => {
  it('a signed delivery verifies', async () => {
    await fc.assert(
      fc.asyncProperty(bodyArb, secretArb, timestampArb, async (body, secret, timestamp) => {
        fc.pre(signable(body, timestamp))
        expect(await verifyWebhookSignature(await signed(body, secret, timestamp))).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('the signer refuses a timestamp or body, or signs what the verifier accepts at that instant', async () => {
    const anyTimestamp = fc.oneof(
      timestampArb,
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.constantFrom('', '-1', '1e9', '2026-01-01T00:00', '2026-02-30T00:00:00Z', '1767225600\n'),
    )
    const anyBody = fc.oneof(
      bodyArb,
      bodyArb.map((b) => (typeof b === 'string' ? `v1:${b}` : b)),
    )
    await fc.assert(
      fc.asyncProperty(anyBody, secretArb, anyTimestamp, async (payload, secret, timestamp) => {
        const s = await signWebhookPayload({ payload, secret, timestamp }).catch((e: unknown) => e)
        if (s instanceof TypeError) return
        const { headers, timestamp: signedAt } = s as Awaited<ReturnType<typeof signWebhookPayload>>
        expect(signedAt).toBe(timestamp === null ? '' : String(timestamp))
        const now = signedAt ? headerTimeMs(signedAt) : T0
        expect(Number.isFinite(now)).toBe(true)
        expect(await verifyWebhookSignature({ payload, secret, headers, now, toleranceMs: 0 })).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('no mutation of a valid delivery verifies', async () => {
    await fc.assert(
      fc.asyncProperty(bodyArb, secretArb, timestampArb, mutationArb, async (body, secret, timestamp, m) => {
        fc.pre(signable(body, timestamp))
        const forged = mutate(await signed(body, secret, timestamp), m)
        fc.pre(forged !== undefined)
        expect(await verifyWebhookSignature(forged!)).toBe(false)
      }),
      { numRuns: 1000 },
    )
  })

  it('the verifier throws nothing but WebhookVerificationError for any delivery input', async () => {
    const anyHeader = fc.oneof(fc.string(), fc.constant(undefined), fc.constant(null), fc.array(fc.string()))
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ unit: 'binary' }), fc.uint8Array()),
        anyHeader,
        fc.oneof(fc.string(), fc.constant(undefined), fc.integer()),
        secretArb,
        fc.option(fc.oneof(fc.string(), fc.constantFrom('call.ended', 'x'))),
        async (payload, signature, timestamp, secret, expectedType) => {
          const options = { payload, signature: signature as string, timestamp, secret, now: T0 }
          const error = await parseWebhookEvent({ ...options, expectedType: expectedType ?? undefined }).then(
            () => undefined,
            (e: unknown) => e,
          )
          if (error !== undefined) expect(isWebhookVerificationError(error)).toBe(true)
          expect(typeof (await verifyWebhookSignature(options))).toBe('boolean')
        },
      ),
      { numRuns: 500 },
    )
  })

  it('mutated deliveries are rejected with WebhookVerificationError only', async () => {
    await fc.assert(
      fc.asyncProperty(bodyArb, secretArb, timestampArb, mutationArb, async (body, secret, timestamp, m) => {
        fc.pre(signable(body, timestamp))
        const forged = mutate(await signed(body, secret, timestamp), m)
        fc.pre(forged !== undefined)
        const error = await parseWebhookEvent(forged!).then(
          () => undefined,
          (e: unknown) => e,
        )
        expect(isWebhookVerificationError(error)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})
