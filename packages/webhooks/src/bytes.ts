/** A raw request body exactly as received: text (UTF-8 encoded before hashing) or bytes. */
export type WebhookPayload = string | Uint8Array | ArrayBuffer | ArrayBufferView

/**
 * One shared encoder; TextEncoder is stateless. Marked pure so that a bundle which never uses it
 * drops it even when this code reaches it inside another file (the umbrella's Node build).
 */
export const utf8 = /* @__PURE__ */ new TextEncoder()

const isArrayBuffer = (value: unknown): value is ArrayBuffer =>
  // The tag check also accepts buffers from another realm (iframe, vm, worker), where instanceof fails.
  /ArrayBuffer]$/.test(Object.prototype.toString.call(value))

/**
 * The payload as text or bytes, without copying binary input. Text stays text: the native HMAC hashes
 * its UTF-8 form directly, and only the Web Crypto path encodes it.
 */
export function rawBody(payload: WebhookPayload): string | Uint8Array {
  if (typeof payload === 'string') return payload
  // A view keeps its own window (offset/length) of the underlying buffer, e.g. a pooled Node Buffer.
  if (ArrayBuffer.isView(payload))
    return new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength)
  if (isArrayBuffer(payload)) return new Uint8Array(payload)
  throw new TypeError(`payload must be the raw body text or bytes, got ${typeof payload}`)
}

/** Lowercase hex of `bytes`. */
export const toHex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => (b < 16 ? '0' : '') + b.toString(16)).join('')

/** Bytes of an even-length hex string (either case), or undefined when it is not one. */
export function fromHex(hex: string): Uint8Array | undefined {
  if (!/^(?:[\da-f]{2})+$/i.test(hex)) return undefined
  // A checked hex digit's value from its char code: 0-9 keep their low four bits, a-f and A-F
  // (0x41-0x46, 0x61-0x66) have 1-6 there plus bit 6 set, which adds the 9 they are short of.
  const digit = (i: number) => {
    const c = hex.charCodeAt(i)
    return (c & 15) + (c >> 6) * 9
  }
  const out = new Uint8Array(hex.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = (digit(2 * i) << 4) | digit(2 * i + 1)
  return out
}

/** Compares two byte strings in time that depends only on their lengths, never on where they differ. */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ (b[i] ?? 0)
  return diff === 0
}
