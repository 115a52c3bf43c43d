/** A raw request body exactly as received: text (UTF-8 encoded before hashing) or bytes. */
export type WebhookPayload = string | Uint8Array | ArrayBuffer | ArrayBufferView

/** One shared encoder; TextEncoder is stateless. */
export const utf8 = new TextEncoder()

const isArrayBuffer = (value: unknown): value is ArrayBuffer =>
  // The tag check also accepts buffers from another realm (iframe, vm, worker), where instanceof fails.
  /ArrayBuffer]$/.test(Object.prototype.toString.call(value))

/** The payload's bytes, without copying binary input. */
export function toBytes(payload: WebhookPayload): Uint8Array {
  if (typeof payload === 'string') return utf8.encode(payload)
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
export const fromHex = (hex: string): Uint8Array | undefined =>
  /^(?:[\da-f]{2})+$/i.test(hex)
    ? new Uint8Array(hex.match(/../g)!.map((h) => Number.parseInt(h, 16)))
    : undefined

/** Compares two byte strings in time that depends only on their lengths, never on where they differ. */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ (b[i] ?? 0)
  return diff === 0
}
