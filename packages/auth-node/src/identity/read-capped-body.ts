import { ParseError } from '@amigo-ai/core'

// 1 MiB. Identity answers are small JSON documents: a body past this comes from a misbehaving
// server, and reading it whole (or forever) would fill the memory of the program waiting for its
// token. Written as a literal, which bundles that never read an answer drop (not so `1024 * 1024`).
const MAX_BODY_BYTES = 1_048_576

/** True for a WHATWG byte stream, as a real `Response.body` is (a stub's `body` may be anything). */
export const isByteStream = (body: unknown): body is ReadableStream<Uint8Array> =>
  typeof (body as ReadableStream | null)?.getReader === 'function'

/**
 * Reads `body` as UTF-8 text, up to 1 MiB. Past that, or when `content-length` says it will be, the
 * stream is cancelled (the rest is never downloaded) and this rejects with a `ParseError` naming the
 * limit and the route, never quoting the body.
 */
export async function readCappedBody(
  body: ReadableStream<Uint8Array>,
  answer: { path: string; status: number; headers: Headers },
): Promise<string> {
  const reader = body.getReader()
  const refuse = async () => {
    await reader.cancel().catch(() => {})
    return new ParseError(
      `The identity service's answer to ${answer.path} is larger than 1 MiB; it was not read`,
      {
        status: answer.status,
      },
    )
  }
  if (Number(answer.headers.get('content-length')) > MAX_BODY_BYTES) throw await refuse()
  // A streaming decoder keeps a character whose bytes straddle two chunks whole.
  const decoder = new TextDecoder()
  let text = ''
  let size = 0
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength
    if (size > MAX_BODY_BYTES) throw await refuse()
    text += decoder.decode(read.value, { stream: true })
  }
  return text + decoder.decode()
}
