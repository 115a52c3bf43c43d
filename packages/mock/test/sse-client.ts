import type { MockPlatform } from '../src/index'

/** One parsed SSE frame. */
export interface SseFrame {
  id?: string
  event?: string
  data?: string
  retry?: number
}

/** Opens an SSE request and parses frames as they arrive (a tiny parser, enough for tests). */
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
  const ended = (async (): Promise<{ error?: unknown }> => {
    const reader = res.body!.getReader()
    const decoder = new TextDecoder()
    let buf = ''
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) return {}
        buf += decoder.decode(value, { stream: true })
        let i = buf.indexOf('\n\n')
        while (i >= 0) {
          const block = buf.slice(0, i)
          buf = buf.slice(i + 2)
          const frame: SseFrame = {}
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue
            const [k, ...rest] = line.split(':')
            const v = rest.join(':').replace(/^ /, '')
            if (k === 'data') frame.data = frame.data === undefined ? v : `${frame.data}\n${v}`
            else if (k === 'retry') frame.retry = Number(v)
            else if (k === 'id' || k === 'event') frame[k] = v
          }
          if (Object.keys(frame).length) events.push(frame)
          for (const w of waiters.splice(0)) w()
          i = buf.indexOf('\n\n')
        }
      }
    } catch (error) {
      return { error }
    } finally {
      for (const w of waiters.splice(0)) w()
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
