import {
  AuthenticationError,
  isAuthenticationError,
  isConfigurationError,
  isNotFoundError,
  isPermissionError,
  isServerError,
} from '@amigo-ai/core'
import { json, rateLimited, sequence, sse } from '@amigo-ai/test-server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  isWorkspaceEventStreamError,
  type SubscribeToWorkspaceEventsOptions,
  subscribeToWorkspaceEvents,
  type WorkspaceEvent,
  WorkspaceEventStreamError,
} from '../src/index'
import { eventStreamServer, fast } from './helpers'

const event = (id: number, extra: object = {}) => ({
  id: String(id),
  event: 'call.started',
  data: { call_sid: `c${id}`, direction: 'inbound', service_id: 's', ...extra },
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.useRealTimers()
})

function subscribe(url: string, overrides: Partial<SubscribeToWorkspaceEventsOptions> = {}) {
  const events: WorkspaceEvent[] = []
  const errors: unknown[] = []
  const reconnects: { attempt: number; delayMs: number; error: unknown }[] = []
  const sub = subscribeToWorkspaceEvents({
    baseUrl: url,
    workspaceId: 'ws-1',
    token: 'secret-token-123',
    ...fast,
    onEvent: (e) => {
      events.push(e)
    },
    onError: (e) => errors.push(e),
    onReconnect: (attempt, info) => reconnects.push({ attempt, ...info }),
    ...overrides,
  })
  return { sub, events, errors, reconnects }
}

describe('workspace events: server retry:', () => {
  // One connection that sets `retry:` and ends, then one that delivers c2: the wait between them is the
  // first reconnect delay (random pinned near 1, so the delay is just under the backoff base).
  const retryThenEvent = (retry: string) =>
    eventStreamServer(
      sequence(
        (_req, res) => {
          const w = sse(res)
          w.raw(`retry: ${retry}\n\n`)
          w.send(event(1))
          w.end()
        },
        (_req, res) => {
          sse(res).send(event(2))
        },
      ),
    )

  it('a server retry: shorter than the default delay replaces it (the HTML standard)', async () => {
    const server = await retryThenEvent('150')
    const t0 = Date.now()
    let secondConnectAt = 0
    const { sub, reconnects } = subscribe(server.url, {
      // The defaults: 3000 ms base, 30 s cap.
      initialDelayMs: undefined,
      maxDelayMs: undefined,
      random: () => 0.999,
      onEvent: (e) => {
        if ((e as { call_sid?: string }).call_sid === 'c2') {
          secondConnectAt = Date.now()
          sub.unsubscribe()
        }
      },
    })
    await sub.done
    expect(reconnects).toHaveLength(1)
    expect(reconnects[0]!.delayMs).toBe(149)
    expect(secondConnectAt - t0).toBeGreaterThanOrEqual(140)
    expect(secondConnectAt - t0).toBeLessThan(2500)
  })

  it('a server retry: longer than initialDelayMs raises the base', async () => {
    const server = await retryThenEvent('160')
    const { sub, reconnects } = subscribe(server.url, {
      initialDelayMs: 1,
      maxDelayMs: 1000,
      random: () => 0.999,
      onEvent: (e) => {
        if ((e as { call_sid?: string }).call_sid === 'c2') sub.unsubscribe()
      },
    })
    await sub.done
    expect(reconnects.map((r) => r.delayMs)).toEqual([159])
  })

  for (const retry of ['0', '1', '99']) {
    it(`a server retry: ${retry} is raised to the 100 ms floor`, async () => {
      const server = await retryThenEvent(retry)
      const { sub, reconnects } = subscribe(server.url, {
        initialDelayMs: 1,
        maxDelayMs: 1000,
        random: () => 0.999,
        onEvent: (e) => {
          if ((e as { call_sid?: string }).call_sid === 'c2') sub.unsubscribe()
        },
      })
      await sub.done
      expect(reconnects.map((r) => r.delayMs)).toEqual([99])
    })
  }

  it('clamps a server retry: to [initialDelayMs, maxDelayMs]', async () => {
    const server = await eventStreamServer((_req, res) => {
      const w = sse(res)
      w.raw('retry: 999999\n\n')
      w.send(event(1))
      w.end()
    })
    const { sub, reconnects } = subscribe(server.url, {
      initialDelayMs: 1,
      maxDelayMs: 20,
      random: () => 0.999,
      onReconnect: (attempt, info) => {
        reconnects.push({ attempt, ...info })
        if (attempt === 2) sub.unsubscribe()
      },
    })
    await sub.done
    expect(reconnects.map((r) => r.delayMs)).toEqual([19, 19])
  })
})

describe('workspace events: error frames', () => {
  it('too_many_streams is terminal: one onError, not retryable, the frame kept, no reconnect', async () => {
    const server = await eventStreamServer((_req, res) => {
      const w = sse(res)
      w.send(event(1))
      w.send({ event: 'error', data: { code: 'too_many_streams', message: 'limit reached', max_streams: 5 } })
    })
    const { sub, events, errors, reconnects } = subscribe(server.url)
    await sub.done
    expect(events).toHaveLength(1)
    expect(reconnects).toEqual([])
    expect(errors).toHaveLength(1)
    const err = errors[0]
    expect(isWorkspaceEventStreamError(err)).toBe(true)
    expect(err).toBeInstanceOf(WorkspaceEventStreamError)
    const e = err as WorkspaceEventStreamError
    expect(e.code).toBe('too_many_streams')
    expect(e.retryable).toBe(false)
    expect(e.frame).toMatchObject({ code: 'too_many_streams', max_streams: 5 })
    expect(server.requests).toHaveLength(1)
  })

  for (const code of ['stream_unavailable', 'stream_error', 'some_future_code']) {
    it(`${code} is recoverable: the client reconnects and resumes`, async () => {
      const server = await eventStreamServer(
        sequence(
          (_req, res) => {
            const w = sse(res)
            w.send(event(1))
            w.send({ event: 'error', data: { code, message: 'try again' } })
          },
          (req, res) => {
            expect(req.headers['last-event-id']).toBe('1')
            sse(res).send(event(2))
          },
        ),
      )
      const ids: string[] = []
      const { sub, errors, reconnects } = subscribe(server.url, {
        onEvent: (e) => {
          ids.push((e as { call_sid: string }).call_sid)
          if (ids.length === 2) sub.unsubscribe()
        },
      })
      await sub.done
      expect(ids).toEqual(['c1', 'c2'])
      expect(errors).toEqual([])
      expect(reconnects).toHaveLength(1)
      const cause = reconnects[0]!.error as WorkspaceEventStreamError
      expect(cause.code).toBe(code)
      expect(cause.retryable).toBe(true)
    })
  }

  it('an error frame that is not JSON counts as unknown and recoverable', async () => {
    const server = await eventStreamServer(
      sequence(
        (_req, res) => sse(res).send({ event: 'error', data: 'not json' }),
        (_req, res) => sse(res).send(event(5)),
      ),
    )
    const { sub, events, reconnects } = subscribe(server.url, {
      onEvent: () => sub.unsubscribe(),
    })
    await sub.done
    expect(events).toEqual([])
    expect((reconnects[0]!.error as WorkspaceEventStreamError).code).toBe('unknown')
  })
})

describe('workspace events: a server echoing the token', () => {
  const token = 'secret-token-123'
  const quoted = (e: unknown) => JSON.stringify({ message: (e as Error).message, ...(e as object) })

  it('an error frame quoting it (code, message, any field) has it redacted in the error and its frame', async () => {
    const server = await eventStreamServer((_req, res) => {
      sse(res).send({
        event: 'error',
        data: {
          code: `bad_${token}`,
          message: `token ${token} refused`,
          [token]: [token],
          detail: { token },
        },
      })
    })
    const { sub, errors } = subscribe(server.url, { maxReconnects: 1 })
    await sub.done
    const exhausted = errors[0] as WorkspaceEventStreamError
    expect(exhausted.code).toBe('transport_exhausted')
    const last = exhausted.cause as WorkspaceEventStreamError
    expect(last.code).toBe('bad_[REDACTED]')
    expect(last.message).toBe('The event stream reported bad_[REDACTED]: token [REDACTED] refused')
    expect(last.frame).toEqual({
      code: 'bad_[REDACTED]',
      message: 'token [REDACTED] refused',
      '[REDACTED]': ['[REDACTED]'],
      detail: { token: '[REDACTED]' },
    })
    for (const e of [exhausted, last]) expect(quoted(e)).not.toContain(token)
  })

  it('an error frame that is not JSON and quotes it has it redacted in the message', async () => {
    const server = await eventStreamServer((_req, res) =>
      sse(res).send({ event: 'error', data: `no ${token}` }),
    )
    const { sub, reconnects } = subscribe(server.url, { maxReconnects: 1 })
    await sub.done
    const error = reconnects[0]!.error as WorkspaceEventStreamError
    expect(error.message).toBe('The event stream reported unknown: no [REDACTED]')
    expect(error.frame).toEqual({ message: 'no [REDACTED]' })
  })

  it('a content-type quoting it is redacted in the not-an-event-stream error', async () => {
    const server = await eventStreamServer((_req, res) => {
      res.writeHead(200, { 'content-type': `text/html; t=${token}` }).end('<html>')
    })
    const { sub, reconnects } = subscribe(server.url, { maxReconnects: 1 })
    await sub.done
    expect((reconnects[0]!.error as Error).message).toBe(
      'Expected text/event-stream, got "text/html; t=[REDACTED]"',
    )
  })
})

describe('workspace events: HTTP failures at connect', () => {
  it('401 is terminal and surfaces the AuthenticationError (token never in the message)', async () => {
    const server = await eventStreamServer(json(401, { detail: 'bad token' }, { 'x-request-id': 'req-401' }))
    const { sub, errors } = subscribe(server.url)
    await sub.done
    expect(server.requests).toHaveLength(1)
    expect(errors).toHaveLength(1)
    expect(isAuthenticationError(errors[0])).toBe(true)
    expect(errors[0]).toBeInstanceOf(AuthenticationError)
    expect((errors[0] as AuthenticationError).requestId).toBe('req-401')
    expect(String((errors[0] as Error).message)).not.toContain('secret-token-123')
  })

  it('403 is terminal and surfaces the PermissionError', async () => {
    const server = await eventStreamServer(json(403, { detail: 'no' }))
    const { sub, errors } = subscribe(server.url)
    await sub.done
    expect(server.requests).toHaveLength(1)
    expect(isPermissionError(errors[0])).toBe(true)
  })

  it('404 is terminal (NotFoundError)', async () => {
    const server = await eventStreamServer(json(404, { detail: 'no such workspace' }))
    const { sub, errors } = subscribe(server.url)
    await sub.done
    expect(server.requests).toHaveLength(1)
    expect(isNotFoundError(errors[0])).toBe(true)
  })

  it('429 with Retry-After waits at least that long (within maxDelayMs), then resumes', async () => {
    const server = await eventStreamServer(
      sequence(rateLimited({ retryAfter: '0.05' }), (_req, res) => sse(res).send(event(1))),
    )
    const { sub, reconnects } = subscribe(server.url, {
      maxDelayMs: 1000,
      onEvent: () => sub.unsubscribe(),
    })
    await sub.done
    expect(reconnects).toHaveLength(1)
    expect(reconnects[0]!.delayMs).toBeGreaterThanOrEqual(50)
  })

  it('a Retry-After longer than maxDelayMs waits maxDelayMs (a day-long one does not stall the stream)', async () => {
    const server = await eventStreamServer(
      sequence(rateLimited({ retryAfter: 86_400 }), (_req, res) => sse(res).send(event(1))),
    )
    const { sub, reconnects, events } = subscribe(server.url, {
      maxDelayMs: 20,
      onEvent: () => sub.unsubscribe(),
    })
    await sub.done
    expect(reconnects.map((r) => r.delayMs)).toEqual([20])
    expect(server.requests).toHaveLength(2)
    expect(events).toEqual([])
  })

  it('gives up after maxReconnects with transport_exhausted (retryable, cause kept)', async () => {
    const server = await eventStreamServer(json(503, { detail: 'down' }))
    const { sub, errors, reconnects } = subscribe(server.url, { maxReconnects: 3 })
    await sub.done
    expect(server.requests).toHaveLength(4)
    expect(reconnects.map((r) => r.attempt)).toEqual([1, 2, 3])
    expect(errors).toHaveLength(1)
    const err = errors[0] as WorkspaceEventStreamError
    expect(err.code).toBe('transport_exhausted')
    expect(err.message).toBe('Out of reconnect budget: 4 failed connections in a row (maxReconnects 3)')
    expect(err.retryable).toBe(true)
    expect(isServerError(err.cause)).toBe(true)
  })

  it('maxReconnects 0 fails on the first drop', async () => {
    const server = await eventStreamServer((_req, res) => {
      const w = sse(res)
      w.send(event(1))
      w.end()
    })
    const { sub, errors, events } = subscribe(server.url, { maxReconnects: 0 })
    await sub.done
    expect(events).toHaveLength(1)
    expect(errors[0]).toMatchObject({
      code: 'transport_exhausted',
      message: 'Out of reconnect budget: 1 failed connection in a row (maxReconnects 0)',
    })
  })

  it('a connection refused counts as a failed attempt', async () => {
    const server = await eventStreamServer(json(200, {}))
    const url = server.url
    await server.close()
    const { sub, errors } = subscribe(url, { maxReconnects: 2 })
    await sub.done
    expect((errors[0] as WorkspaceEventStreamError).code).toBe('transport_exhausted')
  })

  it('a 200 that is not an event stream is retried, not parsed', async () => {
    const server = await eventStreamServer(
      sequence(json(200, { event_type: 'call.started' }), (_req, res) => sse(res).send(event(1))),
    )
    const { sub, events, reconnects } = subscribe(server.url, { onEvent: () => sub.unsubscribe() })
    await sub.done
    expect(events).toEqual([])
    expect(String((reconnects[0]!.error as Error).message)).toContain('text/event-stream')
  })
})

describe('workspace events: the reconnect budget', () => {
  // Every connection delivers one event and ends at once.
  const eventThenEnd = () =>
    eventStreamServer((req, res) => {
      const w = sse(res)
      w.send(event(req.index + 1))
      w.end()
    })

  it('maxReconnects 1 is one reconnect: two connections, even when each delivered events', async () => {
    const server = await eventThenEnd()
    const { sub, events, errors, reconnects } = subscribe(server.url, { maxReconnects: 1 })
    await sub.done
    expect(server.requests).toHaveLength(2)
    expect(events).toHaveLength(2)
    expect(reconnects.map((r) => r.attempt)).toEqual([1])
    const err = errors[0] as WorkspaceEventStreamError
    expect(err.code).toBe('transport_exhausted')
    expect(err.message).toMatch(/reconnect budget/)
  })

  it('a connection that stayed open 10 s starts the count over', async () => {
    // The clock jumps 10 s with each of the first three events, so those connections count as stable.
    let now = 1_000_000
    vi.spyOn(Date, 'now').mockImplementation(() => now)
    const server = await eventThenEnd()
    const { sub, events, errors } = subscribe(server.url, {
      maxReconnects: 1,
      onEvent: (e) => {
        events.push(e)
        if (events.length <= 3) now += 10_000
      },
    })
    await sub.done
    // Three stable connections, then the fourth (short) one is the second failure in a row.
    expect(server.requests).toHaveLength(4)
    expect((errors[0] as WorkspaceEventStreamError).code).toBe('transport_exhausted')
  })
})

describe('workspace events: tokens, resume and request shape', () => {
  it('calls the token getter on every (re)connect and sends Last-Event-ID', async () => {
    let n = 0
    const server = await eventStreamServer((req, res) => {
      const w = sse(res)
      const i = req.index + 1
      w.send(event(i))
      w.end()
    })
    const ids: string[] = []
    const { sub } = subscribe(server.url, {
      token: undefined,
      getToken: async () => `tok-${++n}`,
      lastEventId: '0',
      onEvent: (e) => {
        ids.push((e as { call_sid: string }).call_sid)
        if (ids.length === 3) sub.unsubscribe()
      },
    })
    await sub.done
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer tok-1',
      'Bearer tok-2',
      'Bearer tok-3',
    ])
    expect(server.requests.map((r) => r.headers['last-event-id'])).toEqual(['0', '1', '2'])
    expect(server.requests[0]!.headers.accept).toBe('text/event-stream')
    expect(server.requests[0]!.path).toBe('/v1/ws-1/events/stream')
  })

  it('a token getter that throws an AuthenticationError ends the stream', async () => {
    const server = await eventStreamServer((_req, res) => sse(res).send(event(1)))
    const { sub, errors } = subscribe(server.url, {
      token: undefined,
      getToken: () => {
        throw new AuthenticationError('refresh token revoked', { status: 401 })
      },
    })
    await sub.done
    expect(server.requests).toHaveLength(0)
    expect(isAuthenticationError(errors[0])).toBe(true)
  })

  it.each([
    ['an empty string', ''],
    ['undefined', undefined],
    ['a number', 42],
  ])(
    'a token getter resolving to %s ends the stream with a ConfigurationError, nothing sent',
    async (_, value) => {
      const server = await eventStreamServer((_req, res) => sse(res).send(event(1)))
      const { sub, errors } = subscribe(server.url, {
        token: undefined,
        getToken: async () => value as string,
      })
      await sub.done
      expect(server.requests).toHaveLength(0)
      expect(isConfigurationError(errors[0])).toBe(true)
      expect((errors[0] as Error).message).toMatch(/getToken/)
    },
  )

  // Waits that never settle, whatever the signal does: a token getter, or a fetch (Node 20 and 22's
  // does this when it re-sends a request answered 421 whose body was cut off).
  const stalls: Record<string, (called: () => void) => Partial<SubscribeToWorkspaceEventsOptions>> = {
    'the token getter': (called) => ({
      token: undefined,
      getToken: () => {
        called()
        return new Promise<string>(() => {})
      },
    }),
    'a fetch that ignores its signal': (called) => ({
      fetch: () => {
        called()
        return new Promise<Response>(() => {})
      },
    }),
  }
  for (const [what, stall] of Object.entries(stalls))
    it(`unsubscribing while ${what} never settles ends the stream`, async () => {
      const server = await eventStreamServer((_req, res) => sse(res).send(event(1)))
      let called!: () => void
      const stalled = new Promise<void>((resolve) => {
        called = resolve
      })
      const { sub, errors } = subscribe(server.url, stall(called))
      await stalled
      sub.unsubscribe()
      await sub.done
      expect(server.requests).toHaveLength(0)
      expect(errors).toEqual([])
    })

  // The WebSocket side bounds its getters with openTimeoutMs (30 s); the stream's getter gets the same.
  it('a token getter that has not answered in 30 s counts as a failed connection, and the next connect calls it again', async () => {
    const server = await eventStreamServer((_req, res) => sse(res).send(event(1)))
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    let calls = 0
    const { sub, events, errors, reconnects } = subscribe(server.url, {
      token: undefined,
      getToken: () => (++calls === 1 ? new Promise<string>(() => {}) : 'tok-2'),
      onEvent: (e) => {
        events.push(e)
        sub.unsubscribe()
      },
    })
    await vi.advanceTimersByTimeAsync(29_999)
    expect(reconnects).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(reconnects).toHaveLength(1)
    expect((reconnects[0]!.error as Error).message).toBe('getToken did not answer within 30 s')
    // Fake time moves on per try; real time is what lets the answer arrive.
    await vi.waitFor(
      async () => {
        await vi.advanceTimersByTimeAsync(10)
        expect(events).toHaveLength(1)
      },
      { timeout: 5_000, interval: 20 },
    )
    await sub.done
    expect(errors).toEqual([])
    expect(calls).toBe(2)
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer tok-2'])
  })

  it('drops frames whose data is not a JSON object and keeps going', async () => {
    const server = await eventStreamServer((_req, res) => {
      const w = sse(res)
      w.send({ id: '1', event: 'call.started', data: 'not json' })
      w.send({ id: '2', event: 'call.started', data: '[1,2]' })
      w.send(event(3))
    })
    const { sub, events } = subscribe(server.url, {
      onEvent: (e) => {
        events.push(e)
        sub.unsubscribe()
      },
    })
    await sub.done
    expect(events).toHaveLength(1)
    expect((events[0] as { call_sid: string }).call_sid).toBe('c3')
  })
})

describe('workspace events: frame size cap', () => {
  it('an unterminated frame over maxFrameBytes drops the connection, and the stream resumes', async () => {
    const server = await eventStreamServer(
      sequence(
        (_req, res) => {
          const w = sse(res)
          w.send(event(1))
          w.raw(`data: ${'x'.repeat(5000)}`)
        },
        (req, res) => {
          expect(req.headers['last-event-id']).toBe('1')
          sse(res).send(event(2))
        },
      ),
    )
    const ids: string[] = []
    const { sub, reconnects } = subscribe(server.url, {
      maxFrameBytes: 1024,
      onEvent: (e) => {
        ids.push((e as { call_sid: string }).call_sid)
        if (ids.length === 2) sub.unsubscribe()
      },
    })
    await sub.done
    expect(ids).toEqual(['c1', 'c2'])
    expect((reconnects[0]!.error as Error).name).toBe('SseFrameTooLargeError')
  })

  it('the default cap is 1 MiB: a 1.5 MiB unterminated frame is cut off, a 900 KiB event passes', async () => {
    const big = 'y'.repeat(900 * 1024)
    const server = await eventStreamServer(
      sequence(
        (_req, res) => {
          const w = sse(res)
          w.send(event(1, { blob: big }))
          w.raw(`data: ${'x'.repeat(1536 * 1024)}`)
        },
        (_req, res) => sse(res).send(event(2)),
      ),
    )
    const ids: string[] = []
    const { sub, reconnects } = subscribe(server.url, {
      onEvent: (e) => {
        ids.push((e as { call_sid: string }).call_sid)
        if (ids.length === 2) sub.unsubscribe()
      },
    })
    await sub.done
    expect(ids).toEqual(['c1', 'c2'])
    expect(reconnects).toHaveLength(1)
  })
})

describe('workspace events: lifecycle', () => {
  it('onError fires at most once and done never rejects, even if onError throws', async () => {
    const reported = vi.spyOn(console, 'error').mockImplementation(() => {})
    const server = await eventStreamServer(json(401, { detail: 'no' }))
    let calls = 0
    const sub = subscribeToWorkspaceEvents({
      baseUrl: server.url,
      workspaceId: 'ws-1',
      token: 't',
      onEvent: () => {},
      onError: () => {
        calls++
        throw new Error('handler bug')
      },
    })
    await expect(sub.done).resolves.toBeUndefined()
    expect(calls).toBe(1)
    expect(reported).toHaveBeenCalledWith(expect.stringContaining('onError threw'), new Error('handler bug'))
  })

  it('unsubscribe during a backoff wait ends promptly without onError', async () => {
    const server = await eventStreamServer(json(503, {}))
    const { sub, errors, reconnects } = subscribe(server.url, {
      initialDelayMs: 10_000,
      maxDelayMs: 10_000,
      random: () => 1,
      onReconnect: (attempt, info) => {
        reconnects.push({ attempt, ...info })
        setTimeout(() => sub.unsubscribe(), 5)
      },
    })
    const t0 = Date.now()
    await sub.done
    expect(Date.now() - t0).toBeLessThan(2000)
    expect(errors).toEqual([])
  })

  it('an aborted signal stops the stream without onError', async () => {
    const server = await eventStreamServer((_req, res) => sse(res).send(event(1)))
    const controller = new AbortController()
    const { sub, errors, events } = subscribe(server.url, {
      signal: controller.signal,
      onEvent: (e) => {
        events.push(e)
        controller.abort()
      },
    })
    await sub.done
    expect(events).toHaveLength(1)
    expect(errors).toEqual([])
  })

  it('an abort during the wait before a reconnect ends the stream at once, without onError', async () => {
    const server = await eventStreamServer((_req, res) => {
      res.writeHead(503).end()
    })
    const controller = new AbortController()
    let waits = 0
    const { sub, errors } = subscribe(server.url, {
      signal: controller.signal,
      // A minute-long wait that the abort must cut short.
      initialDelayMs: 60_000,
      maxDelayMs: 60_000,
      random: () => 1,
      onReconnect: () => {
        waits++
        setTimeout(() => controller.abort(), 10)
      },
    })
    const t0 = Date.now()
    await sub.done
    expect(Date.now() - t0).toBeLessThan(5_000)
    expect(waits).toBe(1)
    expect(errors).toEqual([])
  })

  it('an async onEvent is awaited: one event at a time, in order', async () => {
    const server = await eventStreamServer((_req, res) => {
      const w = sse(res)
      for (let i = 1; i <= 20; i++) w.send(event(i))
    })
    let inFlight = 0
    let maxInFlight = 0
    const seen: string[] = []
    const { sub } = subscribe(server.url, {
      onEvent: async (e) => {
        inFlight++
        maxInFlight = Math.max(maxInFlight, inFlight)
        await new Promise((r) => setTimeout(r, 1))
        seen.push((e as { call_sid: string }).call_sid)
        inFlight--
        if (seen.length === 20) sub.unsubscribe()
      },
    })
    await sub.done
    expect(maxInFlight).toBe(1)
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => `c${i + 1}`))
  })

  it('an onEvent that throws or rejects is reported and the stream goes on', async () => {
    const reported = vi.spyOn(console, 'error').mockImplementation(() => {})
    const server = await eventStreamServer((_req, res) => {
      const w = sse(res)
      w.send(event(1))
      w.send(event(2))
      w.send(event(3))
    })
    const bug = new Error('render failed')
    const seen: string[] = []
    const { sub, errors } = subscribe(server.url, {
      onEvent: async (e) => {
        const sid = (e as { call_sid: string }).call_sid
        seen.push(sid)
        if (sid === 'c3') sub.unsubscribe()
        if (sid === 'c1') throw bug
      },
    })
    await sub.done
    expect(seen).toEqual(['c1', 'c2', 'c3'])
    expect(errors).toEqual([])
    expect(reported).toHaveBeenCalledWith(expect.stringContaining('onEvent threw'), bug)
  })

  it('rejects unusable options synchronously with ConfigurationError naming the option', () => {
    const base = { onEvent: () => {}, token: 'secret-value' }
    const attempt = (o: object) => {
      try {
        subscribeToWorkspaceEvents(o as SubscribeToWorkspaceEventsOptions)
      } catch (e) {
        return e
      }
      return undefined
    }
    const noWorkspace = attempt(base)
    expect(isConfigurationError(noWorkspace)).toBe(true)
    expect((noWorkspace as Error).message).toContain('workspaceId')
    const noToken = attempt({ workspaceId: 'w', onEvent: () => {} })
    expect((noToken as Error).message).toContain('token')
    const badDelay = attempt({ ...base, workspaceId: 'w', maxReconnects: -1 })
    expect((badDelay as Error).message).toContain('maxReconnects')
    expect((badDelay as Error).message).not.toContain('secret-value')
    expect(isConfigurationError(attempt({ workspaceId: 'w', token: 't' }))).toBe(true)
  })
})

describe('workspace events: onOpen', () => {
  it('fires once per open connection with the resume point, and a throwing callback costs nothing', async () => {
    const server = await eventStreamServer(
      sequence(
        (_req, res) => {
          const w = sse(res)
          w.send(event(1))
          w.end()
        },
        (_req, res) => {
          sse(res).send(event(2))
        },
      ),
    )
    const opens: { reconnects: number; resumedFrom?: string }[] = []
    const reported = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { sub, events } = subscribe(server.url, {
      onOpen: (info) => {
        opens.push(info)
        throw new Error('callback bug')
      },
      onEvent: (e) => {
        events.push(e)
        if ((e as { call_sid?: string }).call_sid === 'c2') sub.unsubscribe()
      },
    })
    await sub.done
    expect(events.map((e) => (e as { call_sid?: string }).call_sid)).toEqual(['c1', 'c2'])
    expect(opens).toEqual([{ reconnects: 0 }, { reconnects: 1, resumedFrom: '1' }])
    expect(reported.mock.calls.map(([, e]) => (e as Error).message)).toEqual(['callback bug', 'callback bug'])
  })
})
