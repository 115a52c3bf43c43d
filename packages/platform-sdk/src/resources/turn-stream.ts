// Turns a `text/event-stream` body of a conversation turn into typed events. The SSE framing itself
// is parsed by @amigo-ai/realtime's `readServerSentEvents` (the project's one SSE parser); this file
// only maps each frame onto the TurnStreamEvent union.

import type { TurnStreamEvent } from '@amigo-ai/realtime'
import { readServerSentEvents } from '@amigo-ai/realtime'

/** The event names a turn stream can carry (the SSE `event:` line). */
export const TURN_STREAM_EVENT_NAMES: ReadonlySet<string> = new Set([
  'token',
  'thinking',
  'tool_call_started',
  'tool_call_completed',
  'message',
  'done',
  'error',
])

const isTurnEventName = (name: string | undefined): name is TurnStreamEvent['event'] =>
  name !== undefined && TURN_STREAM_EVENT_NAMES.has(name)

/**
 * Yields the typed events of a turn stream. The server sends the event name on the `event:` line and
 * leaves it out of the JSON, so it is put back as `event`. Frames with an unknown name, invalid JSON
 * or a non-object payload are skipped (newer servers may add event kinds).
 */
export async function* parseTurnStream(
  body: ReadableStream<Uint8Array> | Response,
  signal?: AbortSignal,
): AsyncGenerator<TurnStreamEvent, void, undefined> {
  for await (const frame of readServerSentEvents(body, signal ? { signal } : {})) {
    if (!isTurnEventName(frame.event)) continue
    let payload: unknown
    try {
      payload = JSON.parse(frame.data)
    } catch {
      continue
    }
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) continue
    yield { ...(payload as object), event: frame.event } as TurnStreamEvent
  }
}
