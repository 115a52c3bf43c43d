// A client that opens the workspace event stream and never reads it must not make the mock buffer
// every event for it: past a bound the stream is cut, which also frees its per-workspace slot.
// A client that keeps reading gets every event meanwhile.
import { connect, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MockPlatform } from '../src/index'
import { startTestMock, ws } from './helpers'
import { readSse } from './sse-client'

let mock: MockPlatform
beforeAll(async () => {
  mock = await startTestMock({ maxStreamsPerWorkspace: 2, eventBufferSize: 5 })
})
afterAll(() => mock?.close())

const stream = () => `${ws(mock)}/events/stream`

/** A raw connection that opens the event stream, reads the response head, then stops reading. */
async function stalledStream(): Promise<{ sock: Socket; closed: Promise<unknown> }> {
  const sock = connect(mock.port, '127.0.0.1')
  sock.on('error', () => undefined)
  const closed = new Promise((resolve) => sock.once('close', resolve))
  await new Promise((resolve) => sock.once('connect', resolve))
  sock.write(`GET ${stream()} HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Bearer ${mock.apiKey}\r\n\r\n`)
  await new Promise((resolve) => sock.once('data', resolve))
  sock.pause()
  return { sock, closed }
}

describe('an event stream whose client never reads', () => {
  it('is cut once too much is unsent, freeing its slot, while a reading client gets every event', async () => {
    const reading = await readSse(mock, stream())
    const stalled = await stalledStream()
    const payload = 'x'.repeat(50_000)
    const events = 600 // 30 MB: well past what the kernel's socket buffers hold for the stalled one
    for (let i = 0; i < events; i++) {
      mock.emit('trigger.fired', { trigger_id: `t${i}`, payload })
      // Let the sockets move data between events, as a live mock would.
      await new Promise((resolve) => setImmediate(resolve))
    }
    const next = await readSse(mock, stream())
    try {
      const got = await reading.waitFor(1 + events)
      expect(got.filter((e) => e.event === 'trigger.fired')).toHaveLength(events)
      // The stalled stream's slot is free again: with the reading one open, a new stream of the
      // workspace (two allowed) gets `retry:`, not too_many_streams.
      expect((await next.waitFor(1))[0]).toEqual({ retry: 3000 })
    } finally {
      reading.close()
      next.close()
    }

    // What the stalled client can still read ends well short of every event.
    let received = 0
    stalled.sock.on('data', (chunk: Buffer) => {
      received += chunk.length
    })
    stalled.sock.resume()
    await stalled.closed
    expect(received).toBeLessThan((events / 2) * payload.length)
  })
})
