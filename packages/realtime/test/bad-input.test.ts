import { isConfigurationError } from '@amigo-ai/core'
import { describe, expect, it, vi } from 'vitest'
import {
  createReconnectingWebSocket,
  createTextChat,
  observeCall,
  observerUrl,
  readServerSentEvents,
  readTurnStreamEvents,
  subscribeToWorkspaceEvents,
  workspaceEvents,
} from '../src/index'
import { caught } from './helpers'

const drain = async (it: AsyncIterable<unknown>) => {
  for await (const _ of it) {
    // draining only
  }
}

describe('readServerSentEvents / readTurnStreamEvents name a bad argument', () => {
  for (const source of [null, undefined, 'data: x\n\n', 42, {}]) {
    it(`source ${JSON.stringify(source) ?? 'undefined'}`, async () => {
      for (const read of [readServerSentEvents, readTurnStreamEvents]) {
        const error = await drain(read(source as never)).catch((e: unknown) => e)
        expect(isConfigurationError(error)).toBe(true)
        // The message suits both functions: it names neither.
        expect((error as Error).message).toBe(
          'the source must be a fetch Response or a ReadableStream of bytes',
        )
      }
    })
  }

  // A NaN or negative cap used to fail the first frame as "too large", blaming the server.
  for (const maxFrameBytes of [Number.NaN, -1, 0, '10']) {
    it(`maxFrameBytes ${String(maxFrameBytes)}`, async () => {
      const error = await drain(
        readServerSentEvents(new Response('data: x\n\n'), { maxFrameBytes: maxFrameBytes as never }),
      ).catch((e: unknown) => e)
      expect(isConfigurationError(error)).toBe(true)
      expect((error as Error).message).toMatch(/maxFrameBytes must be a positive number/)
    })
  }
})

describe('socket helpers name a bad argument', () => {
  it('observerUrl(null)', () => {
    expect(isConfigurationError(caught(() => observerUrl(null as never)))).toBe(true)
  })

  it('createTextChat with a getToken that is not a function', () => {
    const error = caught(() =>
      createTextChat({ workspaceId: 'ws-1', serviceId: 's', getToken: 'tok' as never }),
    )
    expect((error as Error).message).toBe('getToken must be a function')
  })

  // A getToken that is not a function used to be called at connect, a TypeError retried until
  // the reconnect budget ran out; the token is used only without a getToken, so it cannot stand in.
  it.each([
    ['a string getToken beside a token', { token: 'tok', getToken: 'tok' }],
    ['an empty token', { token: '' }],
    ['a token that is not a string', { token: 42 }],
  ])('workspaceEvents with %s', (_, auth) => {
    const error = caught(() => workspaceEvents({ workspaceId: 'ws-1', ...(auth as object) } as never))
    expect(isConfigurationError(error)).toBe(true)
    expect((error as Error).message).toBe('token or getToken is required')
  })

  it('maxReconnects: Infinity is accepted (never give up)', async () => {
    const socket = createReconnectingWebSocket({ url: 'ws://127.0.0.1:9/x', maxReconnects: Infinity })
    expect(socket.state).toBe('connecting')
    socket.close()
    await expect(socket.done).resolves.toBeUndefined()
    expect(socket.state).toBe('closed')
  })
})

describe('workspaceEvents names delays that would overflow timers', () => {
  const base = { workspaceId: 'ws-1', token: 'tok-1234', baseUrl: 'http://127.0.0.1:9' }
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ initialDelayMs: 1e12 }, /^initialDelayMs has an invalid value$/],
    [{ maxDelayMs: Number.POSITIVE_INFINITY }, /^maxDelayMs has an invalid value$/],
    [{ maxReconnects: 1.5 }, /^maxReconnects has an invalid value$/],
    [{ maxFrameBytes: 0 }, /^maxFrameBytes has an invalid value$/],
  ]
  for (const [options, message] of cases) {
    it(JSON.stringify(options) ?? '', () => {
      expect(() => workspaceEvents({ ...base, ...options } as never)).toThrow(message)
    })
  }

  it('maxReconnects: Infinity is accepted', async () => {
    let events: ReturnType<typeof workspaceEvents> | undefined
    expect(() => {
      events = workspaceEvents({ ...base, maxReconnects: Infinity })
    }).not.toThrow()
    expect(await events?.return?.(undefined)).toEqual({ done: true, value: undefined })
  })
})

describe('the event stream refuses a signal or fetch of the wrong kind, naming it, before any request', () => {
  const base = { workspaceId: 'ws-1', token: 'tok-1234', baseUrl: 'http://127.0.0.1:9', onEvent: () => {} }
  it.each([
    [{ signal: {} }, 'signal has an invalid value'],
    [{ signal: 'stop' }, 'signal has an invalid value'],
    [{ fetch: 'nope' }, 'fetch has an invalid value'],
    [{ fetch: {} }, 'fetch has an invalid value'],
  ])('%j', (options, message) => {
    for (const start of [subscribeToWorkspaceEvents, workspaceEvents]) {
      const error = caught(() => start({ ...base, ...options } as never))
      expect(isConfigurationError(error)).toBe(true)
      expect((error as Error).message).toBe(message)
    }
  })
})

describe('the event stream refuses a base URL no connect could use, before any request', () => {
  const sent: string[] = []
  const fetch = (async (input: RequestInfo | URL) => {
    sent.push(String(input))
    return new Response('', { status: 503 })
  }) as typeof globalThis.fetch
  const base = { workspaceId: 'ws-1', token: 'tok-1234', fetch, onEvent: () => {} }

  it.each([
    'localhost:3000',
    'api.example.com',
    'ftp://api.example.com',
    'javascript:alert(1)',
    ' https://x',
    '',
    // The stream's path would land in the query or fragment: the token sent to another route.
    'https://api.example.com/?tenant=a',
    'https://api.example.com#x',
    // Credentials would show in every error; a browser reads these two as another origin.
    'https://user:pa55w0rd@api.example.com',
    '//evil.example',
    '/\\evil.example',
    // URL parsing drops tabs and line breaks, which would make these `//evil.example` again.
    '/\t/evil.example',
    '/\r\n/evil.example',
  ])('baseUrl %j', (baseUrl) => {
    for (const start of [subscribeToWorkspaceEvents, workspaceEvents]) {
      const error = caught(() => start({ ...base, baseUrl } as never))
      expect(isConfigurationError(error)).toBe(true)
      expect((error as Error).message).toBe('baseUrl has an invalid value')
    }
    expect(sent).toEqual([])
  })

  it('a base that is not a string is refused the same way', () => {
    const error = caught(() => subscribeToWorkspaceEvents({ ...base, baseUrl: 42 } as never))
    expect((error as Error).message).toBe('baseUrl has an invalid value')
  })

  // fetch resolves a relative URL against the page; outside one (Node, a worker) every connect would
  // fail and be retried until maxReconnects ran out.
  it('a relative base without a page to resolve it against or a fetch of your own is refused', () => {
    const { fetch: _none, ...withoutFetch } = base
    for (const start of [subscribeToWorkspaceEvents, workspaceEvents]) {
      const error = caught(() => start({ ...withoutFetch, baseUrl: '/api/platform' }))
      expect(isConfigurationError(error)).toBe(true)
      expect((error as Error).message).toBe('baseUrl has an invalid value')
    }
  })

  it("a relative base is accepted in a page, which resolves it against the page's origin", async () => {
    const { fetch: _none, ...withoutFetch } = base
    vi.stubGlobal('location', { origin: 'http://127.0.0.1:9', href: 'http://127.0.0.1:9/app' })
    vi.stubGlobal('fetch', fetch)
    try {
      const subscription = subscribeToWorkspaceEvents({
        ...withoutFetch,
        baseUrl: '/api/platform',
        maxReconnects: 0,
      })
      await subscription.done
    } finally {
      vi.unstubAllGlobals()
    }
    expect(sent.pop()).toBe('/api/platform/v1/ws-1/events/stream')
  })

  it.each(['http://127.0.0.1:9', 'HTTPS://api.example.com/', '/api/platform'])(
    'accepts %j',
    async (baseUrl) => {
      const subscription = subscribeToWorkspaceEvents({ ...base, baseUrl, maxReconnects: 0 })
      await subscription.done
      expect(sent.pop()).toMatch(/\/v1\/ws-1\/events\/stream$/)
    },
  )
})

describe('observeCall and createTextChat refuse an option they do not take, before connecting', () => {
  // Ignored, a misspelt base URL would send the token to the default agent host.
  const opened: string[] = []
  const webSocketFactory = (url: string) => {
    opened.push(url)
    throw new Error('no connection expected')
  }
  const observe = {
    workspaceId: 'ws-1',
    callSid: 'CA0123',
    token: 'tok-1234',
    onEvent: () => {},
    webSocketFactory,
  }
  const chat = { workspaceId: 'ws-1', serviceId: 'svc-1', token: 'tok-1234', webSocketFactory }

  it.each([
    [{ baseURL: 'https://staging.example' }, 'unknown option baseURL (did you mean baseUrl?)'],
    [{ agentBaseURL: 'https://agent.example' }, 'unknown option agentBaseURL (did you mean agentBaseUrl?)'],
    [{ onMessage: () => {} }, 'unknown option onMessage'],
  ])('%j', (extra, problem) => {
    const observing = caught(() => observeCall({ ...observe, ...extra } as never))
    expect(isConfigurationError(observing)).toBe(true)
    expect((observing as Error).message).toBe(`observeCall: ${problem}`)
    const chatting = caught(() => createTextChat({ ...chat, ...extra } as never))
    expect((chatting as Error).message).toBe(`createTextChat: ${problem}`)
    expect(opened).toEqual([])
  })
})
