import { ParseError, type WithResponseMetadata } from '@amigo-ai/core'

/**
 * Wraps the ArrayBuffer a binary download was read into as a Uint8Array, keeping the hidden response
 * metadata (`_request_id`, `lastResponse`) the transport attached to the buffer.
 */
function bytesWithMeta(result: unknown): WithResponseMetadata<Uint8Array> {
  const bytes = new Uint8Array(result instanceof ArrayBuffer ? result : new ArrayBuffer(0))
  const meta = (typeof result === 'object' && result !== null ? result : {}) as Partial<
    WithResponseMetadata<object>
  >
  Object.defineProperty(bytes, '_request_id', { value: meta._request_id, enumerable: false })
  Object.defineProperty(bytes, 'lastResponse', { value: meta.lastResponse, enumerable: false })
  return bytes as WithResponseMetadata<Uint8Array>
}

/** What a download resolves to: the file's bytes, or the JSON document (e.g. a signed link) sent instead. */
export type DownloadResult<J extends object = Record<string, unknown>> =
  | WithResponseMetadata<Uint8Array>
  | WithResponseMetadata<J>

/**
 * Reads a download answer by its content type. Download routes may answer with the file itself or
 * with a JSON document pointing at it (a signed URL); JSON objects are parsed, anything else stays
 * bytes. Both carry the response metadata.
 */
export function bytesOrJson<J extends object = Record<string, unknown>>(result: unknown): DownloadResult<J> {
  const bytes = bytesWithMeta(result)
  const contentType = bytes.lastResponse?.headers.get('content-type') ?? ''
  if (!/\bjson\b/i.test(contentType)) return bytes
  let parsed: unknown
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes))
  } catch (cause) {
    throw new ParseError('The download answer claimed JSON but could not be parsed', {
      ...(bytes._request_id !== undefined ? { requestId: bytes._request_id } : {}),
      cause,
    })
  }
  if (parsed === null || typeof parsed !== 'object') return bytes
  for (const key of ['_request_id', 'lastResponse'] as const)
    Object.defineProperty(parsed, key, { value: bytes[key], enumerable: false })
  return parsed as WithResponseMetadata<J>
}
