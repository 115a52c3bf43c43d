import { errorFromResponse, ParseError } from '@amigo-ai/core'
import type { TurnStreamEvent } from '../event-types'
import { type ReadServerSentEventsOptions, readServerSentEvents } from '../sse/read-server-sent-events'

const TURN_EVENT_NAMES = new Set([
  'token',
  'thinking',
  'tool_call_started',
  'tool_call_completed',
  'message',
  'done',
  'error',
])

/**
 * The error for a turn-stream response that is not a success (its body is no event stream). The
 * body is left out and cancelled: the caller's token is not known here, and a server may echo it.
 */
function refusedTurnError(response: Response) {
  response.body?.cancel().catch(() => {})
  return errorFromResponse({
    status: response.status,
    headers: response.headers,
    body: undefined,
    message: `The turn stream request failed with HTTP ${response.status}`,
    requestId: response.headers?.get('x-request-id') ?? undefined,
  })
}

/**
 * The content type of the answer `source` came from: a `Response`'s own, or the one in the response
 * metadata a stream from `conversations.createTurnStream` carries (undefined for a bare stream).
 */
function contentTypeOf(source: Response | ReadableStream<Uint8Array>): string | null | undefined {
  // `?.`: a source that is no object at all is refused, naming it, by readServerSentEvents.
  const headers =
    (source as { headers?: Headers } | null)?.headers ??
    (source as { lastResponse?: { headers?: Headers } } | null)?.lastResponse?.headers
  return headers?.get('content-type')
}

/**
 * Typed events of a streamed conversation turn (`POST …/turns/stream`, `text/event-stream`). The
 * server carries the name in the `event:` line only, so it is put back as `event`. Frames with an
 * unknown name, invalid JSON or a non-object body are skipped. A `Response` that is not a success
 * throws the HTTP error for its status (AuthenticationError, ServerError, ...) instead, and an answer
 * known not to be an event stream a ParseError; a connection cut mid-stream is a NetworkError.
 */
export async function* readTurnStreamEvents(
  source: Response | ReadableStream<Uint8Array>,
  options: ReadServerSentEventsOptions = {},
): AsyncGenerator<TurnStreamEvent, void, undefined> {
  if ((source as Partial<Response> | null)?.ok === false) throw refusedTurnError(source as Response)
  // A success that is not an event stream (a proxy's HTML page, a JSON answer) holds no turn events:
  // read as one, it would end at once as if the turn had said nothing.
  const type = contentTypeOf(source)
  if (type != null && !type.includes('text/event-stream')) {
    ;(source instanceof ReadableStream ? source : source.body)?.cancel().catch(() => {})
    throw new ParseError(`The turn stream answer is not an event stream (content-type ${type.slice(0, 100)})`)
  }
  for await (const message of readServerSentEvents(source, options)) {
    if (message.event === undefined || !TURN_EVENT_NAMES.has(message.event)) continue
    let body: unknown
    try {
      body = JSON.parse(message.data)
    } catch {
      continue
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) continue
    const event: Record<string, unknown> = { ...(body as Record<string, unknown>), event: message.event }
    if (message.event === 'error') {
      event.code ??= 'unknown'
      event.retryable ??= false
    }
    yield event as TurnStreamEvent
  }
}
