import { readServerSentEvents } from '@amigo-ai/realtime'
import type { MockPlatform } from '../src/index'

/** One SSE frame as the tests see it: a message, or a `retry:` announcement on its own. */
interface SseFrame {
  id?: string
  event?: string
  data?: string
  retry?: number
}

/**
 * Opens an SSE request and collects frames as they arrive. Parsing is the SDK's own reader
 * (`readServerSentEvents` of @amigo-ai/realtime), so the mock is tested against the parser users run.
 */
export async function readSse(
  mock: MockPlatform,
  path: string,
  headers: Record<string, string> = {},
  token = mock.apiKey,
) {
  const controller = new AbortController()
  const res = await fetch(`${mock.url}${path}`, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  })
  const events: SseFrame[] = []
  const waiters: Array<() => void> = []
  const wake = () => {
    for (const w of waiters.splice(0)) w()
  }
  const ended = (async (): Promise<{ error?: unknown }> => {
    try {
      const onRetry = (retry: number) => {
        events.push({ retry })
        wake()
      }
      for await (const message of readServerSentEvents(res, { signal: controller.signal, onRetry })) {
        const frame: SseFrame = { data: message.data }
        if (message.id !== undefined) frame.id = message.id
        if (message.event !== undefined) frame.event = message.event
        events.push(frame)
        wake()
      }
      return {}
    } catch (error) {
      return { error }
    } finally {
      wake()
    }
  })()
  /** Resolves once `n` frames have arrived (or the stream ended). */
  const waitFor = async (n: number) => {
    while (events.length < n) {
      const settled = await Promise.race([
        ended.then(() => true),
        new Promise<boolean>((r) => waiters.push(() => r(false))),
      ])
      if (settled && events.length < n) break
    }
    return events
  }
  return { res, events, ended, waitFor, close: () => controller.abort() }
}
