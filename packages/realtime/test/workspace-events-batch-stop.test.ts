import { describe, expect, it } from 'vitest'
import { subscribeToWorkspaceEvents, workspaceEvents } from '../src/index'
import { eventStreamServer } from './helpers'

// Ten events written in one chunk arrive as one batch inside the client: stopping after the third
// must not deliver the other seven.
const tenInOneChunk = Array.from(
  { length: 10 },
  (_, i) => `id: ${i + 1}\nevent: call.started\ndata: {"call_sid":"CA${i}"}\n\n`,
).join('')

async function oneChunkServer() {
  return eventStreamServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' })
    res.write(tenInOneChunk)
  })
}

describe('workspace events: stopping in the middle of a network chunk', () => {
  it('unsubscribe() inside onEvent stops delivery at once', async () => {
    const server = await oneChunkServer()
    const seen: string[] = []
    const sub = subscribeToWorkspaceEvents({
      baseUrl: server.url,
      workspaceId: 'ws-1',
      token: 'tok',
      onEvent: (_event, meta) => {
        seen.push(meta.id!)
        if (seen.length === 3) sub.unsubscribe()
      },
    })
    await sub.done
    expect(seen).toEqual(['1', '2', '3'])
    expect(sub.lastEventId).toBe('3')
  })

  it('the async iterator hands out nothing after close(), even from the same chunk', async () => {
    const server = await oneChunkServer()
    const events = workspaceEvents({ baseUrl: server.url, workspaceId: 'ws-1', token: 'tok' })
    const first = await events.next()
    expect(first.done).toBe(false)
    expect(events.lastEventId).toBe('1')
    await events.close()
    expect(await events.next()).toEqual({ done: true, value: undefined })
  })
})
