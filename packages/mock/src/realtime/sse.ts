import type { ServerResponse } from 'node:http'
import { MAX_UNSENT_BYTES } from './limits'

/**
 * Writes Server-Sent Events frames; counts events so `sseDropEvery` faults can cut the stream, and
 * cuts a stream whose client leaves more than `MAX_UNSENT_BYTES` unread.
 */
export class SseWriter {
  private sent = 0
  closed = false

  constructor(
    private readonly res: ServerResponse,
    private readonly dropEvery?: number,
  ) {
    res.on('close', () => {
      this.closed = true
    })
  }

  /** Sends the response head. */
  open(headers: Record<string, string> = {}): void {
    this.res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      // Dashboards on another origin read the stream directly, like the JSON routes.
      'access-control-allow-origin': '*',
      ...headers,
    })
    this.res.flushHeaders()
  }

  /** `retry:` directive. */
  retry(ms: number): void {
    this.write(`retry: ${ms}\n\n`)
  }

  /** A comment line (keep-alive). */
  comment(text: string): void {
    this.write(`: ${text}\n\n`)
  }

  /** One event; returns false when the stream is closed (or was just cut by a fault). */
  event(event: string, data: unknown, id?: string | number): boolean {
    if (this.closed) return false
    let frame = ''
    if (id !== undefined) frame += `id: ${id}\n`
    frame += `event: ${event}\n`
    for (const line of JSON.stringify(data).split('\n')) frame += `data: ${line}\n`
    this.sent++
    if (this.dropEvery && this.sent % this.dropEvery === 0) {
      // Injected fault: cut the connection (no clean end) once the K-th event has left.
      this.closed = true
      this.res.write(`${frame}\n`, () => this.res.socket?.destroy())
      return false
    }
    this.write(`${frame}\n`)
    return !this.closed
  }

  /** Ends the stream cleanly. */
  end(): void {
    if (this.closed) return
    this.closed = true
    this.res.end()
  }

  private write(text: string): void {
    if (this.closed) return
    this.res.write(text)
    if (this.res.writableLength > MAX_UNSENT_BYTES) {
      this.closed = true
      this.res.destroy()
    }
  }
}
