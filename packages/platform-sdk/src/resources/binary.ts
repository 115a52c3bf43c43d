import type { WithResponseMeta } from '@amigo-ai/core'

/**
 * Wraps the ArrayBuffer a binary download was read into as a Uint8Array, keeping the hidden response
 * metadata (`_request_id`, `lastResponse`) the transport attached to the buffer.
 */
export function bytesWithMeta(result: unknown): WithResponseMeta<Uint8Array> {
  const bytes = new Uint8Array(result instanceof ArrayBuffer ? result : new ArrayBuffer(0))
  const meta = (typeof result === 'object' && result !== null ? result : {}) as Partial<
    WithResponseMeta<object>
  >
  Object.defineProperty(bytes, '_request_id', { value: meta._request_id, enumerable: false })
  Object.defineProperty(bytes, 'lastResponse', { value: meta.lastResponse, enumerable: false })
  return bytes as WithResponseMeta<Uint8Array>
}
