import {
  ConfigurationError,
  isReconnectingWebSocketError,
  type ObserverSubscribeOptions,
  type ReconnectingWebSocketError,
  type WorkspaceEvent,
} from '@amigo-ai/platform-sdk'
import * as realtime from '@amigo-ai/realtime'
import { waitFor } from '@amigo-ai/test-server'
import { describe, expect, it } from 'vitest'
import { useMockPlatform } from './helpers/mock-client'

const env = useMockPlatform()

describe('events.subscribeToWorkspace', () => {
  it('streams workspace events from the mock with the client key, typed by event_type', async () => {
    const { client, mock } = env
    const received: WorkspaceEvent[] = []
    const errors: unknown[] = []
    const handle = client.events.subscribeToWorkspace({
      onEvent: (event) => {
        received.push(event)
      },
      onError: (err) => errors.push(err),
    })
    await waitFor(() => mock.requests.some((r) => r.path.endsWith('/events/stream')))
    const streamRequest = mock.requests.find((r) => r.path.endsWith('/events/stream'))!
    expect(streamRequest.headers.authorization).toBe(`Bearer ${mock.apiKey}`)
    expect(streamRequest.path).toBe(`/v1/${mock.workspaceId}/events/stream`)
    // Emit until the subscriber (which connects asynchronously) has seen one.
    await waitFor(() => {
      if (received.length === 0)
        mock.emit('call.started', {
          call_sid: 'CA1',
          direction: 'inbound',
          service_id: 'svc',
          caller_id: null,
        })
      return received.length > 0
    })
    const first = received[0]!
    expect(first.event_type).toBe('call.started')
    if (first.event_type === 'call.started') expect(first.call_sid).toBe('CA1')
    handle.unsubscribe()
    await handle.done
    expect(errors).toEqual([])
  })
})

describe('observers.subscribe', () => {
  it('observes a simulated call over WebSocket with the client key', async () => {
    const { client, mock } = env
    const callSid = mock.simulateCall({ durationMs: 300 })
    const types: string[] = []
    const observation = client.observers.subscribe({
      callSid,
      onEvent: (event) => {
        types.push(event.type)
      },
    })
    await waitFor(() => types.length > 0)
    observation.close()
    await observation.done
    expect(types.length).toBeGreaterThan(0)
  })

  it("takes realtime's own name `url` for the observer URL as well as `observerUrl`, never the derived one", async () => {
    const { mock } = env
    // The derived URL would lead to a port where nothing listens.
    const client = env.makeClient({ agentBaseUrl: 'http://127.0.0.1:9' })
    const wsOrigin = mock.url.replace(/^http/, 'ws')
    for (const name of ['url', 'observerUrl']) {
      const callSid = mock.simulateCall({ durationMs: 300 })
      const types: string[] = []
      const observation = client.observers.subscribe({
        callSid,
        onEvent: (event) => void types.push(event.type),
        [name]: `${wsOrigin}/v1/${mock.workspaceId}/observers/${callSid}/ws`,
      } as ObserverSubscribeOptions)
      await waitFor(() => types.length > 0)
      observation.close()
      await observation.done
      expect(types.length, name).toBeGreaterThan(0)
    }
  })

  it('refuses a malformed call SID at once, as the single-package SDK does', () => {
    expect(() =>
      env.client.observers.subscribe({ callSid: 'nope', onEvent: () => {}, onError: () => {} }),
    ).toThrow(ConfigurationError)
  })

  it('with realtime still loading, a malformed call SID reaches onError as open_failed naming it', async () => {
    const client = env.makeClient({ realtime: async () => realtime })
    const errors: ReconnectingWebSocketError[] = []
    const observation = client.observers.subscribe({
      callSid: 'nope',
      onEvent: () => {},
      onError: (err) => errors.push(err),
    })
    expect(observation.state).toBe('connecting')
    await observation.done
    expect(errors).toHaveLength(1)
    expect(isReconnectingWebSocketError(errors[0])).toBe(true)
    expect(errors[0]!.reason).toBe('open_failed')
    expect(errors[0]!.message).toMatch(/callSid/)
    expect(errors[0]!.cause).toBeInstanceOf(ConfigurationError)
    expect(observation.state).toBe('terminal')
  })

  it('closing before realtime has loaded opens nothing', async () => {
    const errors: unknown[] = []
    const observation = env.client.observers.subscribe({
      callSid: env.mock.simulateCall({ durationMs: 300 }),
      onEvent: () => {},
      onError: (err) => errors.push(err),
    })
    observation.close()
    await observation.done
    expect(observation.state).toBe('closed')
    expect(errors).toEqual([])
  })
})

describe('a token option left undefined', () => {
  it('counts as not given: events and observers use the client key', async () => {
    const { client, mock } = env
    const mark = env.mark()
    const handle = client.events.subscribeToWorkspace({
      onEvent: () => {},
      token: undefined,
      getToken: undefined,
    })
    await waitFor(() => env.since(mark).some((r) => r.path.endsWith('/events/stream')))
    const stream = env.since(mark).find((r) => r.path.endsWith('/events/stream'))
    expect(stream?.headers.authorization).toBe(`Bearer ${mock.apiKey}`)
    handle.unsubscribe()
    await handle.done
    const types: string[] = []
    const observation = client.observers.subscribe({
      callSid: mock.simulateCall({ durationMs: 300 }),
      token: undefined,
      onEvent: (event) => void types.push(event.type),
    })
    await waitFor(() => types.length > 0)
    observation.close()
    await observation.done
  })
})

describe('a fetch option left undefined', () => {
  it("counts as not given: the event stream goes through the client's own fetch", async () => {
    const seen: string[] = []
    const client = env.makeClient({
      fetch: (input: RequestInfo | URL, init?: RequestInit) => {
        seen.push(String(input instanceof Request ? input.url : input))
        return fetch(input, init)
      },
    })
    const handle = client.events.subscribeToWorkspace({ onEvent: () => {}, fetch: undefined })
    await waitFor(() => seen.some((url) => url.endsWith('/events/stream')))
    handle.unsubscribe()
    await handle.done
  })
})

describe('how the realtime helpers reach @amigo-ai/realtime', () => {
  it('options realtime refuses throw at once, or reach onError while realtime is still loading', async () => {
    expect(() => env.client.events.subscribeToWorkspace({ onEvent: undefined as never })).toThrow(/onEvent/)
    const loading = env.makeClient({ realtime: async () => realtime })
    const errors: unknown[] = []
    const handle = loading.events.subscribeToWorkspace({
      onEvent: undefined as never,
      onError: (err) => errors.push(err),
    })
    await handle.done
    expect(errors).toHaveLength(1)
    expect(errors[0]).toBeInstanceOf(ConfigurationError)
    expect(String(errors[0])).toMatch(/onEvent/)
  })

  it('unsubscribing at once sends no request and done resolves', async () => {
    const mark = env.mark()
    const handle = env.client.events.subscribeToWorkspace({ onEvent: () => {}, lastEventId: '42' })
    expect(handle.lastEventId).toBe('42')
    handle.unsubscribe()
    await handle.done
    expect(env.since(mark).filter((r) => r.path.endsWith('/events/stream'))).toEqual([])
  })

  it('uses the realtime option when given (a bundled app passes () => import(...))', async () => {
    let calls = 0
    const client = env.makeClient({
      realtime: () => {
        calls++
        return realtime
      },
    })
    const mark = env.mark()
    const handle = client.events.subscribeToWorkspace({ onEvent: () => {} })
    await waitFor(() => env.since(mark).some((r) => r.path.endsWith('/events/stream')))
    handle.unsubscribe()
    await handle.done
    expect(calls).toBe(1)
  })

  it('a realtime option that fails or returns something else is reported, before any request', async () => {
    const mark = env.mark()
    const broken = env.makeClient({ realtime: () => Promise.reject(new Error('chunk failed to load')) })
    const errors: unknown[] = []
    await broken.events.subscribeToWorkspace({ onEvent: () => {}, onError: (e) => errors.push(e) }).done
    expect(String(errors[0])).toContain('chunk failed to load')
    const wrong = env.makeClient({ realtime: () => ({}) as never })
    const observed: ReconnectingWebSocketError[] = []
    await wrong.observers.subscribe({
      callSid: `CA${'0'.repeat(32)}`,
      onEvent: () => {},
      onError: (e) => observed.push(e),
    }).done
    expect(observed[0]!.reason).toBe('open_failed')
    expect(observed[0]!.message).toContain('must be (or return) the @amigo-ai/realtime module')
    const turn = async () => {
      for await (const _ of broken.conversations.streamTurn('c1', { message: 'hi' })) {
        // nothing
      }
    }
    await expect(turn()).rejects.toThrow('chunk failed to load')
    expect(env.since(mark)).toEqual([])
  })

  it('the module itself as the realtime option connects at once; anything else is a ConfigurationError', async () => {
    const client = env.makeClient({ realtime })
    const mark = env.mark()
    const handle = client.events.subscribeToWorkspace({ onEvent: () => {} })
    await waitFor(() => env.since(mark).some((r) => r.path.endsWith('/events/stream')))
    handle.unsubscribe()
    await handle.done
    expect(() => client.observers.subscribe({ callSid: 'nope', onEvent: () => {} })).toThrow(
      ConfigurationError,
    )
    expect(() => env.makeClient({ realtime: '@amigo-ai/realtime' as never })).toThrow(
      /realtime must be the @amigo-ai\/realtime module or a function returning it/,
    )
  })
})
