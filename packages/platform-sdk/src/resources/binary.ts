import { ParseError, type WithResponseMetadata } from '@amigo-ai/core'

/** What a download resolves to: the file's bytes, or the JSON document (e.g. a signed link) sent instead. */
export type DownloadResult<J extends object = Record<string, unknown>> =
  | WithResponseMetadata<Uint8Array>
  | WithResponseMetadata<J>

/**
 * Reads a download answer by its content type. Download routes may answer with the file itself or
 * with a JSON document pointing at it (a signed URL); JSON objects are parsed, anything else stays
 * bytes (a Uint8Array over the ArrayBuffer the answer was read into). Both carry the hidden response
 * metadata (`_request_id`, `lastResponse`) the transport attached to that buffer.
 */
export function bytesOrJson<J extends object = Record<string, unknown>>(result: unknown): DownloadResult<J> {
  const meta = result as Partial<WithResponseMetadata<object>> | undefined
  const bytes = new Uint8Array(result instanceof ArrayBuffer ? result : new ArrayBuffer(0))
  let out: object = bytes
  if (/\bjson\b/i.test(meta?.lastResponse?.headers.get('content-type') ?? '')) {
    let parsed: unknown
    try {
      parsed = JSON.parse(new TextDecoder().decode(bytes))
    } catch (cause) {
      throw new ParseError('The download answer claimed JSON but could not be parsed', {
        requestId: meta?._request_id,
        cause,
      })
    }
    if (parsed !== null && typeof parsed === 'object') out = parsed
  }
  for (const key of ['_request_id', 'lastResponse'] as const)
    Object.defineProperty(out, key, { value: meta?.[key] }) // not enumerable, as on the buffer
  return out as DownloadResult<J>
}
