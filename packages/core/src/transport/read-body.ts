import type { ParseAs } from './types'

/**
 * Reads a response body the way openapi-fetch's client does, so results did not change when the
 * transport took over the fetch call: nothing for 204, HEAD or an empty body (nor for 205 Reset
 * Content, which has no content by definition); a success per
 * `parseAs` (JSON that is empty reads as `undefined`); an error body as JSON when it parses, else
 * its text, and `undefined` when it is empty.
 */
export async function readBody(response: Response, method: string, parseAs: ParseAs): Promise<unknown> {
  const length = response.headers.get('content-length')
  if (
    response.status === 204 ||
    response.status === 205 ||
    method === 'HEAD' ||
    (length === '0' && !response.headers.get('transfer-encoding')?.includes('chunked'))
  )
    return undefined
  if (!response.ok) {
    const text = await response.text()
    if (text === '') return undefined
    try {
      return JSON.parse(text)
    } catch {
      return text
    }
  }
  if (parseAs === 'stream') return response.body
  // Without a length the body may be empty (read as undefined); with one, json() parses the bytes
  // directly, without a string copy first.
  if (parseAs === 'json' && !length) {
    const text = await response.text()
    return text ? JSON.parse(text) : undefined
  }
  return response[parseAs]()
}
