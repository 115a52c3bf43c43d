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
 * Typed events of a streamed conversation turn (`POST …/turns/stream`, `text/event-stream`). The
 * server carries the name in the `event:` line only, so it is put back as `event`. Frames with an
 * unknown name, invalid JSON or a non-object body are skipped.
 */
export async function* readTurnStreamEvents(
  source: Response | ReadableStream<Uint8Array>,
  options: ReadServerSentEventsOptions = {},
): AsyncGenerator<TurnStreamEvent, void, undefined> {
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
