import type { OutgoingHttpHeaders, ServerResponse } from 'node:http'

/** One SSE frame; any field left out is not written. */
export interface SseFrame {
  id?: string
  event?: string
  /** Written as one `data:` line per line of text; objects are JSON-encoded. */
  data?: unknown
  /** Reconnection delay in milliseconds. */
  retry?: number
}

/** A writer for an open `text/event-stream` response. */
export interface SseWriter {
  /** Writes one frame (terminated by a blank line). */
  send(frame: SseFrame): void
  /** Writes a `: comment` line (keep-alive). */
  comment(text?: string): void
  /** Writes raw text as is (for malformed-frame tests). */
  raw(text: string): void
  /** Ends the response normally. */
  end(): void
  /** Destroys the socket mid-stream. */
  destroy(): void
  /** True once the client has gone away or the stream has ended. */
  readonly closed: boolean
}

/** Starts an SSE response on `res` (status 200 and event-stream headers) and returns a frame writer. */
export function sse(res: ServerResponse, headers: OutgoingHttpHeaders = {}): SseWriter {
  let closed = false
  res.once('close', () => {
    closed = true
  })
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    ...headers,
  })
  res.flushHeaders()
  const write = (text: string) => {
    if (!closed) res.write(text)
  }
  return {
    send(frame) {
      let out = ''
      if (frame.id !== undefined) out += `id: ${frame.id}\n`
      if (frame.event !== undefined) out += `event: ${frame.event}\n`
      if (frame.retry !== undefined) out += `retry: ${frame.retry}\n`
      if (frame.data !== undefined) {
        const text = typeof frame.data === 'string' ? frame.data : JSON.stringify(frame.data)
        for (const line of text.split('\n')) out += `data: ${line}\n`
      }
      write(`${out}\n`)
    },
    comment(text = '') {
      write(`: ${text}\n\n`)
    },
    raw: write,
    end() {
      closed = true
      res.end()
    },
    destroy() {
      closed = true
      res.destroy()
    },
    get closed() {
      return closed
    },
  }
}
