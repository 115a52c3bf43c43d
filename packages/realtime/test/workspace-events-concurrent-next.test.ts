// next() called again before the previous call settled (Promise.all over next(), or a helper that
// prefetches) is served in order, as an async generator's would be: no event of a batch is skipped.
import { sse } from '@amigo-ai/test-server'
import { describe, expect, it } from 'vitest'
import { workspaceEvents } from '../src/index'
import { eventStreamServer, fast } from './helpers'

const frame = (id: number) => ({ id: String(id), event: 'call.started', data: { call_sid: `c${id}` } })

describe('workspaceEvents: next() calls that overlap', () => {
  it('each gets the next event, across batches', async () => {
    const server = await eventStreamServer((_req, res) => {
      const w = sse(res)
      // Two events in one chunk (one batch), then two more in a later chunk.
      w.raw(
        `id: 1\nevent: call.started\ndata: {"call_sid":"c1"}\n\nid: 2\nevent: call.started\ndata: {"call_sid":"c2"}\n\n`,
      )
      setTimeout(() => {
        w.send(frame(3))
        w.send(frame(4))
      }, 20)
    })
    const stream = workspaceEvents({ baseUrl: server.url, workspaceId: 'ws-1', token: 't', ...fast })
    const results = await Promise.all([stream.next(), stream.next(), stream.next()])
    const sids = results.map((r) => (r.value as unknown as { call_sid: string }).call_sid)
    expect(sids).toEqual(['c1', 'c2', 'c3'])
    expect(stream.lastEventId).toBe('3')
    await stream.close()
  })
})
