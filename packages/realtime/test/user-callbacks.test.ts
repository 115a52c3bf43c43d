// Every callback a caller hands to this package goes through one guard (callUserCallback): what a
// callback throws, or its promise rejects with, is reported with console.error and never ends a
// connection, a reconnect loop or a `done` promise. One test per callback.
import { json, startWsServer, type WsConnection, waitFor } from '@amigo-ai/test-server'
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest'
import { callUserCallback } from '../src/callbacks/call-user-callback'
import {
  createReconnectingWebSocket,
  createTextChat,
  observeCall,
  type ReconnectingWebSocketError,
  type ReconnectingWebSocketOptions,
  subscribeToWorkspaceEvents,
  type WorkspaceEventStreamError,
} from '../src/index'
import { eventStreamServer, fast, track } from './helpers'

let reported: MockInstance<typeof console.error>
beforeEach(() => {
  reported = vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => {
  vi.restoreAllMocks()
})

const bug = (name: string) => new Error(`bug in ${name}`)
const reportedNames = () => reported.mock.calls.map(([text]) => String(text).match(/: (\w+) threw/)?.[1])

describe('callUserCallback', () => {
  it('reports a throw, passes arguments, and ignores a missing callback', () => {
    const seen: unknown[] = []
    expect(callUserCallback('onThing', (a: number, b: string) => seen.push(a, b), 1, 'x')).toBeUndefined()
    expect(seen).toEqual([1, 'x'])
    expect(callUserCallback('onThing', undefined)).toBeUndefined()
    const error = bug('onThing')
    expect(
      callUserCallback('onThing', () => {
        throw error
      }),
    ).toBeUndefined()
    expect(reported).toHaveBeenCalledWith('@amigo-ai/realtime: onThing threw', error)
  })

  it('returns a promise that settles when an async callback does, and reports its rejection', async () => {
    let finished = false
    const ok = callUserCallback('onAsync', async () => {
      await new Promise((r) => setTimeout(r, 5))
      finished = true
    })
    await ok
    expect(finished).toBe(true)
    const error = bug('onAsync')
    await expect(callUserCallback('onAsync', () => Promise.reject(error))).resolves.toBeUndefined()
    expect(reported).toHaveBeenCalledWith(expect.stringContaining('onAsync threw'), error)
  })
})

describe('createReconnectingWebSocket callbacks', () => {
  // The server sends one frame and then closes with 1011, every time: two reconnects, then onError.
  const flaky = () =>
    startWsServer((c: WsConnection) => {
      c.send('frame')
      setTimeout(() => c.close(1011, 'restart'), 5)
    })

  const run = async (throwing: keyof ReconnectingWebSocketOptions) => {
    const server = track(await flaky())
    const errors: ReconnectingWebSocketError[] = []
    const frames: unknown[] = []
    const socket = createReconnectingWebSocket({
      url: server.url,
      initialDelayMs: 1,
      maxDelayMs: 5,
      maxReconnects: 2,
      idleTimeoutMs: 0,
      onMessage: (e) => frames.push(e.data),
      onError: (e) => errors.push(e),
      [throwing]: (arg: unknown) => {
        if (throwing === 'onMessage') frames.push((arg as MessageEvent).data)
        if (throwing === 'onError') errors.push(arg as ReconnectingWebSocketError)
        throw bug(throwing)
      },
    })
    await socket.done
    expect(server.connections).toHaveLength(3)
    expect(frames).toEqual(['frame', 'frame', 'frame'])
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ reason: 'reconnect_budget_exhausted', closeCode: 1011 })
    expect(socket.state).toBe('terminal')
    expect(reportedNames().every((name) => name === throwing)).toBe(true)
    return reportedNames().length
  }

  it('a throwing onReconnect: the loop reconnects and ends with onError', async () => {
    expect(await run('onReconnect')).toBe(2)
  })
  it('a throwing onMessage: every frame is still delivered', async () => {
    expect(await run('onMessage')).toBe(3)
  })
  it('a throwing onOpen: every connection still opens', async () => {
    expect(await run('onOpen')).toBe(3)
  })
  it('a throwing onStateChange: every transition still happens', async () => {
    // open, reconnecting, connecting, open, reconnecting, connecting, open, terminal
    expect(await run('onStateChange')).toBe(8)
  })
  it('a throwing onError: done still resolves', async () => {
    expect(await run('onError')).toBe(1)
  })
})

describe('observer, text chat and event stream callbacks', () => {
  const SID = `CA${'b2'.repeat(16)}`

  it('observeCall: a throwing onEvent does not stop the next event', async () => {
    const server = track(
      await startWsServer((c: WsConnection) => {
        c.send({ type: 'agent_transcript_delta', delta: 'a' })
        c.send({ type: 'agent_transcript_delta', delta: 'b' })
      }),
    )
    const deltas: string[] = []
    const obs = observeCall({
      workspaceId: 'ws-1',
      callSid: SID,
      token: 'tok',
      agentBaseUrl: server.url.replace('ws:', 'http:'),
      onEvent: (event) => {
        if (event.type === 'agent_transcript_delta') deltas.push(event.delta)
        throw bug('onEvent')
      },
    })
    await waitFor(() => deltas.length === 2)
    obs.close()
    await obs.done
    expect(reportedNames()).toEqual(['onEvent', 'onEvent'])
  })

  it('createTextChat: throwing onDelta and onEvent do not lose the reply', async () => {
    const server = track(
      await startWsServer((c: WsConnection) => {
        c.socket.on('message', () => {
          c.send({ type: 'token', text: 'Hi' })
          c.send({ type: 'message', text: 'Hi there' })
          c.send({ type: 'done', conversation_id: 'conv-1' })
        })
      }),
    )
    const chat = createTextChat({
      workspaceId: 'ws-1',
      serviceId: 'svc',
      token: 'tok',
      url: `${server.url}/agent/text-stream`,
      onDelta: () => {
        throw bug('onDelta')
      },
      onEvent: () => {
        throw bug('onEvent')
      },
    })
    const reply = await chat.send('Hello')
    expect(reply.text).toBe('Hi there')
    chat.close()
    await chat.done
    expect(reportedNames()).toEqual(['onEvent', 'onDelta', 'onEvent', 'onEvent'])
  })

  it('subscribeToWorkspaceEvents: a throwing onReconnect does not end the stream silently', async () => {
    const server = await eventStreamServer(json(503, { detail: 'down' }))
    const errors: unknown[] = []
    const sub = subscribeToWorkspaceEvents({
      baseUrl: server.url,
      workspaceId: 'ws-1',
      token: 'tok',
      ...fast,
      maxReconnects: 2,
      onEvent: () => {},
      onReconnect: () => {
        throw bug('onReconnect')
      },
      onError: (e) => errors.push(e),
    })
    await sub.done
    expect(server.requests).toHaveLength(3)
    expect((errors[0] as WorkspaceEventStreamError).code).toBe('transport_exhausted')
    expect(reportedNames()).toEqual(['onReconnect', 'onReconnect'])
  })
})
