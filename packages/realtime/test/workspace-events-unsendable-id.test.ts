// An event id that no HTTP header can carry (a character past Latin-1, a control character) must not
// become the resume point: the reconnect would fail before sending (and the stream end), or a caller
// passing it back as lastEventId would get a ConfigurationError. The stream resumes from the last id
// it can send instead, and that is the cursor it hands out (meta.id, lastEventId).
import { sequence, sse } from '@amigo-ai/test-server'
import { describe, expect, it } from 'vitest'
import { subscribeToWorkspaceEvents, workspaceEvents } from '../src/index'
import { eventStreamServer, fast } from './helpers'

const frame = (id: string, n: number) => ({ id, event: 'call.started', data: { call_sid: `c${n}` } })

describe('workspace events: an id a header cannot carry', () => {
  for (const [what, unsendable] of [
    ['past Latin-1', '2-ключ'],
    ['a vertical tab', '2\x0b'],
    ['a DEL', '2\x7f'],
  ] as const)
    it(`(${what}) is delivered without an id, and the reconnect resumes from the last id a header can carry`, async () => {
      const server = await eventStreamServer(
        sequence(
          (_req, res) => {
            const w = sse(res)
            w.send(frame('1', 1))
            w.send(frame(unsendable, 2))
            w.end()
          },
          (_req, res) => {
            const w = sse(res)
            w.send(frame(unsendable, 2))
            w.send(frame('3', 3))
          },
        ),
      )
      const seen: string[] = []
      const ids: (string | undefined)[] = []
      const cursors: (string | undefined)[] = []
      const errors: unknown[] = []
      const sub = subscribeToWorkspaceEvents({
        workspaceId: 'ws-1',
        baseUrl: server.url,
        token: 'tok-1234',
        ...fast,
        onError: (e) => errors.push(e),
        onEvent: (event, meta) => {
          seen.push((event as unknown as { call_sid: string }).call_sid)
          ids.push(meta.id)
          cursors.push(sub.lastEventId)
          if (seen.length === 3) sub.unsubscribe()
        },
      })
      await sub.done
      expect(errors).toEqual([])
      expect(seen).toEqual(['c1', 'c2', 'c3'])
      // The cursor handed out is always one the stream can resume from.
      expect(ids).toEqual(['1', undefined, '3'])
      expect(cursors).toEqual(['1', '1', '3'])
      expect(server.requests.map((r) => r.headers['last-event-id'])).toEqual([undefined, '1'])
    })

  it('the pull form hands out the same cursor', async () => {
    const server = await eventStreamServer((_req, res) => {
      const w = sse(res)
      w.send(frame('1', 1))
      w.send(frame('2\x0b', 2))
    })
    const stream = workspaceEvents({ workspaceId: 'ws-1', baseUrl: server.url, token: 'tok-1234', ...fast })
    const cursors: (string | undefined)[] = []
    for await (const _ of stream) {
      cursors.push(stream.lastEventId)
      if (cursors.length === 2) break
    }
    expect(cursors).toEqual(['1', '1'])
  })
})
