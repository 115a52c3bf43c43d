// An event id that no HTTP header can carry (a character past Latin-1) must not become the resume
// point: the reconnect would fail before sending, and the stream end with a ConfigurationError that
// blames the caller's options. The stream resumes from the last id it can send instead.
import { sequence, sse } from '@amigo-ai/test-server'
import { describe, expect, it } from 'vitest'
import { subscribeToWorkspaceEvents } from '../src/index'
import { eventStreamServer, fast } from './helpers'

const frame = (id: string, n: number) => ({ id, event: 'call.started', data: { call_sid: `c${n}` } })

describe('workspace events: an id a header cannot carry', () => {
  it('is delivered, and the reconnect resumes from the last id a header can carry', async () => {
    const server = await eventStreamServer(
      sequence(
        (_req, res) => {
          const w = sse(res)
          w.send(frame('1', 1))
          w.send(frame('2-ключ', 2))
          w.end()
        },
        (_req, res) => {
          const w = sse(res)
          w.send(frame('2-ключ', 2))
          w.send(frame('3', 3))
        },
      ),
    )
    const seen: string[] = []
    const errors: unknown[] = []
    const sub = subscribeToWorkspaceEvents({
      workspaceId: 'ws-1',
      baseUrl: server.url,
      token: 'tok-1234',
      ...fast,
      onError: (e) => errors.push(e),
      onEvent: (event) => {
        seen.push((event as unknown as { call_sid: string }).call_sid)
        if (seen.length === 3) sub.unsubscribe()
      },
    })
    await sub.done
    expect(errors).toEqual([])
    expect(seen).toEqual(['c1', 'c2', 'c3'])
    expect(server.requests.map((r) => r.headers['last-event-id'])).toEqual([undefined, '1'])
  })
})
