// What the event stream does with answers a server should not give: a redirect (not followed), an
// error whose body never ends (reported without it), and headers a caller spelled in its own case
// (the stream's own win, never sent twice).
import { isAmigoError, isAuthenticationError } from '@amigo-ai/core'
import { json, sequence, sse, startTestServer } from '@amigo-ai/test-server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { subscribeToWorkspaceEvents, type WorkspaceEvent } from '../src/index'
import { eventStreamServer, fast, track } from './helpers'

afterEach(() => {
  vi.useRealTimers()
})

const started = (id: number) => ({
  id: String(id),
  event: 'call.started',
  data: { call_sid: `c${id}`, direction: 'inbound', service_id: 's' },
})

describe('workspace events: answers a server should not give', () => {
  it('a redirect is not followed: the stream ends with it, and the other origin hears nothing', async () => {
    const other = track(await startTestServer(json(200, {})))
    const server = await eventStreamServer((_req, res) => {
      res.writeHead(302, { location: `${other.url}/collect`, 'content-length': '0' })
      res.end()
    })
    const errors: unknown[] = []
    const sub = subscribeToWorkspaceEvents({
      baseUrl: server.url,
      workspaceId: 'ws-1',
      token: 'secret-token-123',
      headers: { 'x-api-key': 'proxy-secret' },
      ...fast,
      onEvent: () => {},
      onError: (e) => errors.push(e),
    })
    await sub.done
    expect(errors).toHaveLength(1)
    expect(isAmigoError(errors[0])).toBe(true)
    expect(errors[0]).toMatchObject({ status: 302 })
    expect(server.requests).toHaveLength(1)
    expect(other.requests).toHaveLength(0)
  })

  it('an error answer whose body never ends is reported after 5 s without its body', async () => {
    const server = await eventStreamServer((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' })
      res.write('{"detail": "tok')
    })
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const errors: unknown[] = []
    let settled = false
    const sub = subscribeToWorkspaceEvents({
      baseUrl: server.url,
      workspaceId: 'ws-1',
      token: 'secret-token-123',
      ...fast,
      onEvent: () => {},
      onError: (e) => errors.push(e),
    })
    void sub.done.then(() => {
      settled = true
    })
    // Fake time moves a second per try; real time is what lets the answer's headers arrive.
    await vi.waitFor(
      async () => {
        await vi.advanceTimersByTimeAsync(1_000)
        expect(settled).toBe(true)
      },
      { timeout: 5_000, interval: 20 },
    )
    expect(errors).toHaveLength(1)
    expect(isAuthenticationError(errors[0])).toBe(true)
    expect(errors[0]).toMatchObject({ status: 401, message: 'Request failed with status 401' })
  })

  it("a caller's Accept, Authorization or Last-Event-ID in its own case is replaced, never joined", async () => {
    const server = await eventStreamServer(
      sequence(
        (_req, res) => {
          const w = sse(res)
          w.send(started(11))
          w.end()
        },
        (_req, res) => {
          sse(res).send(started(12))
        },
      ),
    )
    const events: WorkspaceEvent[] = []
    const sub = subscribeToWorkspaceEvents({
      baseUrl: server.url,
      workspaceId: 'ws-1',
      token: 'secret-token-123',
      headers: { Authorization: 'Basic cHJveHk6cHc=', Accept: 'application/json', 'Last-Event-ID': '3' },
      ...fast,
      onEvent: (e) => {
        events.push(e)
        if (events.length === 2) sub.unsubscribe()
      },
    })
    await sub.done
    const [first, second] = server.requests
    expect(first?.headers.authorization).toBe('Bearer secret-token-123')
    expect(first?.headers.accept).toBe('text/event-stream')
    expect(second?.headers.authorization).toBe('Bearer secret-token-123')
    expect(second?.headers['last-event-id']).toBe('11')
  })
})
