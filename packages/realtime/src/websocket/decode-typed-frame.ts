// Marked pure so a bundle that never decodes frames drops it (the built dist is one module).
const utf8 = /* @__PURE__ */ new TextDecoder()

/** A JSON object frame with a string `type` discriminator. */
export type TypedFrame = { type: string } & Record<string, unknown>

/**
 * Decodes the `data` of one WebSocket message (text, ArrayBuffer or a view of bytes) as a JSON object
 * with a string `type`; anything else (not JSON, an array, no `type`) gives undefined and is dropped,
 * so frame types newer than this package pass through untouched.
 */
export function decodeTypedFrame(data: unknown): TypedFrame | undefined {
  let text: string
  if (typeof data === 'string') text = data
  else if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) text = utf8.decode(data)
  else return undefined
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined
  return typeof (body as { type?: unknown }).type === 'string' ? (body as TypedFrame) : undefined
}
