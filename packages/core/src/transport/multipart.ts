/**
 * Re-sending FormData makes fetch pick a new multipart boundary, so the Content-Type (carrying
 * the old boundary) must be dropped and left to fetch.
 */
export function withoutMultipartType(headers: Headers, body: unknown): Headers {
  if (!(body instanceof FormData)) return headers
  const copy = new Headers(headers)
  copy.delete('content-type')
  return copy
}
