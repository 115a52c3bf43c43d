// The HMAC has two engines: the runtime's native crypto module when process.getBuiltinModule hands
// one out (Node 20.16+, Bun, Deno), Web Crypto everywhere else. Both must give the same answers on
// the published vectors, and each must really be the one used in its setting.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { verifyWebhookSignature } from '../src/index'
import { signWebhookPayload } from '../src/sign'
import vectors from './fixtures/vectors.json'

const proc = process as { getBuiltinModule?: (id: string) => unknown }
const original = proc.getBuiltinModule

afterEach(() => {
  proc.getBuiltinModule = original
  vi.restoreAllMocks()
})

const options = (v: (typeof vectors)[number]) => ({
  payload: v.body,
  signature: v.signature_header,
  timestamp: v.timestamp ?? undefined,
  secret: v.secret,
  now: v.now_unix_s === null ? undefined : v.now_unix_s * 1000,
})

async function answers(): Promise<boolean[]> {
  return Promise.all(vectors.map((v) => verifyWebhookSignature(options(v))))
}

describe('HMAC engines', () => {
  it('this Node hands out node:crypto, and verification uses it (no Web Crypto call)', async () => {
    expect(typeof original).toBe('function')
    const lookups = vi.fn((id: string) => original!.call(process, id))
    proc.getBuiltinModule = lookups
    const subtle = vi.spyOn(crypto.subtle, 'sign')
    expect(await answers()).toEqual(vectors.map((v) => v.expected_valid))
    expect(lookups).toHaveBeenCalledWith('node:crypto')
    expect(subtle).not.toHaveBeenCalled()
  })

  it('without getBuiltinModule (workers, browsers, older Node) Web Crypto gives the same answers', async () => {
    proc.getBuiltinModule = undefined
    const subtle = vi.spyOn(crypto.subtle, 'sign')
    expect(await answers()).toEqual(vectors.map((v) => v.expected_valid))
    expect(subtle).toHaveBeenCalled()
  })

  it('a signature made by one engine verifies with the other', async () => {
    const payload = '{"id":"evt_x","type":"call.completed","timestamp":"2026-01-01T00:00:00Z","data":{}}'
    const secret = 'whsec_engines'
    const native = await signWebhookPayload({ payload, secret })
    proc.getBuiltinModule = undefined
    const web = await signWebhookPayload({ payload, secret, timestamp: native.timestamp })
    expect(web.signature).toBe(native.signature)
    expect(await verifyWebhookSignature({ payload, headers: native.headers, secret })).toBe(true)
    proc.getBuiltinModule = original
    expect(await verifyWebhookSignature({ payload, headers: web.headers, secret })).toBe(true)
  })

  it('both engines hash only the window of a byte view (a pooled Node Buffer, a subarray)', async () => {
    const v = vectors.find((x) => x.expected_valid && x.timestamp)!
    const pool = new Uint8Array(4096).fill(0x41)
    const bytes = new TextEncoder().encode(v.body)
    pool.set(bytes, 1000)
    const windowed = pool.subarray(1000, 1000 + bytes.length)
    for (const engine of [original, undefined]) {
      proc.getBuiltinModule = engine
      expect(await verifyWebhookSignature({ ...options(v), payload: windowed })).toBe(true)
      expect(await verifyWebhookSignature({ ...options(v), payload: Buffer.from(v.body) })).toBe(true)
      expect(
        await verifyWebhookSignature({ ...options(v), payload: pool.subarray(999, 999 + bytes.length) }),
      ).toBe(false)
    }
  })

  it('a runtime whose getBuiltinModule has no crypto falls back to Web Crypto', async () => {
    proc.getBuiltinModule = () => undefined
    expect(await answers()).toEqual(vectors.map((v) => v.expected_valid))
  })
})
