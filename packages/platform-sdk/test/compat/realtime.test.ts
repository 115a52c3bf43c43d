// Realtime code written for the single-package SDK 0.46, run unchanged against this package: the
// official option names and callback shapes, against loopback SSE and WebSocket servers that inject
// faults (4403, 4001, 4029, 1011 closes, drops, silence, 401, retry:, streams that end).
import {
  json,
  openWsClient,
  sequence,
  sse,
  startTestServer,
  startWsServer,
  type TestServer,
  type TestWsServer,
  type WsConnection,
  waitFor,
} from '@amigo-ai/test-server'
import { afterEach, describe, expect, it } from 'vitest'
import {
  AmigoClient,
  AmigoError,
  ConfigurationError,
  createReconnectingWebSocket,
  isReconnectingWebSocketError,
  isWorkspaceEventStreamError,
  ObserversResource,
  observerAuthProtocols,
  ReconnectingWebSocketError,
  type ReconnectingWebSocketState,
  sessionConnectAuthProtocols,
  WorkspaceEventStreamError,
  type WorkspaceSSEEvent,
} from '../../src/index'

const servers: { close(): Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})
async function wsServer(onConnection?: (c: WsConnection) => void): Promise<TestWsServer> {
  const server = await startWsServer(onConnection ?? (() => {}))
  servers.push(server)
  return server
}
async function sseServer(handler: Parameters<typeof startTestServer>[0]): Promise<TestServer> {
  const server = await startTestServer(handler)
  servers.push(server)
  return server
}
const protocolsOf = (c: WsConnection) =>
  String(c.request.headers['sec-websocket-protocol'])
    .split(',')
    .map((p) => p.trim())

const CALL_SID = `CA${'0123456789abcdef'.repeat(2)}`
const WORKSPACE = 'ws-00000000-0000-0000-0000-000000000001'

describe('createReconnectingWebSocket with the official options', () => {
  // What official code passes: a factory returning a WebSocket, and callbacks of the official shapes.
  function official(url: string, extra: Record<string, unknown> = {}) {
    const messages: unknown[] = []
    const states: ReconnectingWebSocketState[] = []
    const reconnects: { attempt: number; delayMs: number; closeCode: number | undefined }[] = []
    const errors: ReconnectingWebSocketError[] = []
    let made = 0
    const handle = createReconnectingWebSocket({
      url,
      protocols: ['auth', 'tok-1'],
      webSocketFactory: (u, p) => {
        made++
        return openWsClient(u, p) as unknown as WebSocket
      },
      onMessage: (ev: MessageEvent) => messages.push(ev.data),
      onStateChange: (s) => states.push(s),
      onReconnect: (info: { attempt: number; delayMs: number; closeCode: number | undefined }) =>
        reconnects.push(info),
      onError: (err) => errors.push(err),
      ...extra,
    })
    return { handle, messages, states, reconnects, errors, made: () => made }
  }

  it('creates the socket at once and delivers the first message, sent as soon as the server accepts', async () => {
    const server = await wsServer((c) => c.send('hello'))
    const { handle, messages, states, made } = official(server.url)
    expect(made()).toBe(1)
    await waitFor(() => messages.length === 1, 3000, 'the first message')
    expect(messages).toEqual(['hello'])
    expect(protocolsOf(server.connections[0]!)).toEqual(['auth', 'tok-1'])
    expect(handle.state).toBe('open')
    handle.send('user_text')
    expect(await server.connections[0]!.nextMessage()).toBe('user_text')
    handle.close()
    await handle.done
    expect(states).toContain('open')
    expect(states.at(-1)).toBe('closed')
  })

  for (const [code, reason] of [
    [4403, 'auth'],
    [4001, 'client_error'],
  ] as const) {
    it(`${code} is terminal: one onError with reason ${reason}, a ReconnectingWebSocketError`, async () => {
      const server = await wsServer((c) => c.close(code, 'no'))
      const { handle, errors, reconnects } = official(server.url, { maxReconnects: 5 })
      await handle.done
      expect(reconnects).toEqual([])
      expect(errors).toHaveLength(1)
      const err = errors[0]!
      expect(err).toBeInstanceOf(ReconnectingWebSocketError)
      expect(err).toBeInstanceOf(AmigoError)
      expect(isReconnectingWebSocketError(err)).toBe(true)
      expect(err).toMatchObject({
        name: 'ReconnectingWebSocketError',
        reason,
        closeCode: code,
        closeReason: 'no',
      })
      expect(handle.state).toBe('terminal')
    })
  }

  it('1011 reconnects once with maxReconnects 1, then reports reconnect_budget_exhausted', async () => {
    const server = await wsServer((c) => c.close(1011, 'restart'))
    const { handle, errors, reconnects } = official(server.url, {
      maxReconnects: 1,
      initialDelayMs: 1,
      maxDelayMs: 2,
    })
    await handle.done
    expect(server.connections).toHaveLength(2)
    expect(reconnects).toMatchObject([{ attempt: 1, closeCode: 1011 }])
    expect(errors[0]).toMatchObject({ reason: 'reconnect_budget_exhausted', closeCode: 1011 })
  })

  it('4029 plans the reconnect below the 5 s rate-limit ceiling and above half of it', async () => {
    const server = await wsServer((c) => c.close(4029, 'too many'))
    const { handle, reconnects } = official(server.url, { initialDelayMs: 100, maxDelayMs: 60_000 })
    await waitFor(() => reconnects.length === 1, 3000, 'the planned reconnect')
    expect(reconnects[0]!.delayMs).toBeGreaterThanOrEqual(2500)
    expect(reconnects[0]!.delayMs).toBeLessThan(5000)
    handle.close()
    await handle.done
    expect(server.connections).toHaveLength(1)
  })

  it('a dropped connection and a silent one are both replaced', async () => {
    const server = await wsServer()
    const { handle, reconnects } = official(server.url, {
      // The idle timeout also bounds each handshake: long enough for a loaded machine's.
      idleTimeoutMs: 500,
      initialDelayMs: 1,
      maxDelayMs: 2,
    })
    ;(await server.nextConnection()).kill()
    ;(await server.nextConnection()).stopResponding()
    await server.nextConnection(3000)
    expect(reconnects.map((r) => r.closeCode)).toEqual([1006, undefined])
    handle.close()
    await handle.done
  })

  it('aborting the signal closes without onError', async () => {
    const server = await wsServer()
    const controller = new AbortController()
    const { handle, errors } = official(server.url, { signal: controller.signal })
    await server.nextConnection()
    controller.abort()
    await handle.done
    expect(errors).toEqual([])
    expect(handle.state).toBe('closed')
  })

  it('a factory that throws ends with open_failed; send on a closed socket throws /Cannot send/', async () => {
    const errors: ReconnectingWebSocketError[] = []
    const handle = createReconnectingWebSocket({
      url: 'wss://example.test/ws',
      webSocketFactory: () => {
        throw new Error('DNS lookup failed')
      },
      onMessage: () => {},
      onError: (e) => errors.push(e),
    })
    await handle.done
    expect(errors.map((e) => e.reason)).toEqual(['open_failed'])
    expect(() => handle.send('x')).toThrow(/Cannot send/)
  })

  it('ReconnectingWebSocketError takes the official positional arguments', () => {
    const err = new ReconnectingWebSocketError('closed', 'auth', 4403, 'forbidden', 2)
    expect(err).toMatchObject({
      message: 'closed',
      reason: 'auth',
      closeCode: 4403,
      closeReason: 'forbidden',
      attempts: 2,
    })
    expect(isReconnectingWebSocketError(err)).toBe(true)
    expect(isReconnectingWebSocketError(new Error('closed'))).toBe(false)
  })
})

describe('events.subscribeToWorkspace with the official options', () => {
  const STREAM = `GET /v1/${WORKSPACE}/events/stream`
  const started = (id: number) => ({
    id: String(id),
    event: 'call.started',
    data: { call_sid: `CA-${id}`, direction: 'inbound', service_id: 'svc' },
  })
  const client = (server: TestServer) =>
    new AmigoClient({ apiKey: 'test-api-key', workspaceId: WORKSPACE, baseUrl: server.url })

  it('maxReconnects 1 is one reconnect: two connections, then an error about the reconnect budget', async () => {
    const server = await sseServer({
      [STREAM]: (req, res) => {
        const w = sse(res)
        w.send(started(req.index + 1))
        w.end()
      },
    })
    const events: WorkspaceSSEEvent[] = []
    let reconnectAttempts = 0
    let finalError: Error | undefined
    const handle = client(server).events.subscribeToWorkspace({
      maxReconnects: 1,
      initialDelayMs: 1,
      maxDelayMs: 1,
      onEvent: (event) => events.push(event),
      onReconnect: (n) => {
        reconnectAttempts = n
      },
      onError: (err: Error) => {
        finalError = err
      },
    })
    await handle.done
    expect(server.requests).toHaveLength(2)
    expect(server.requests[1]!.headers['last-event-id']).toBe('1')
    expect(reconnectAttempts).toBe(1)
    expect(events.map((e) => e.event_type)).toEqual(['call.started', 'call.started'])
    expect(finalError?.message).toMatch(/reconnect budget/)
    expect(isWorkspaceEventStreamError(finalError)).toBe(true)
    expect((finalError as WorkspaceEventStreamError).code).toBe('transport_exhausted')
  })

  it("honours a server retry: shorter than the client's default delay", async () => {
    const server = await sseServer({
      [STREAM]: sequence(
        (_req, res) => {
          const w = sse(res)
          w.raw('retry: 120\n\n')
          w.end()
        },
        (_req, res) => sse(res).send(started(1)),
      ),
    })
    const t0 = Date.now()
    let reconnectedAfter = 0
    const handle = client(server).events.subscribeToWorkspace({
      onEvent: () => {
        reconnectedAfter = Date.now() - t0
        handle.unsubscribe()
      },
    })
    await handle.done
    // The default delay is 3000 ms with full jitter; the server asked for 120.
    expect(reconnectedAfter).toBeGreaterThan(0)
    expect(reconnectedAfter).toBeLessThan(1000)
    expect(server.requests).toHaveLength(2)
  })

  it('a 401 calls onError once with statusCode 401 and does not reconnect', async () => {
    const server = await sseServer({ [STREAM]: json(401, { message: 'Invalid token' }) })
    const errors: Error[] = []
    let reconnects = 0
    const handle = client(server).events.subscribeToWorkspace({
      maxReconnects: 5,
      initialDelayMs: 1,
      maxDelayMs: 1,
      onEvent: () => {},
      onError: (err) => errors.push(err),
      onReconnect: () => {
        reconnects++
      },
    })
    await handle.done
    expect(server.requests).toHaveLength(1)
    expect(reconnects).toBe(0)
    expect(errors).toHaveLength(1)
    expect((errors[0] as { statusCode?: number }).statusCode).toBe(401)
  })

  it('WorkspaceEventStreamError takes the official positional arguments', () => {
    const err = new WorkspaceEventStreamError('cap reached', 'too_many_streams', false, { max_streams: 50 })
    expect(err).toMatchObject({ code: 'too_many_streams', retryable: false, frame: { max_streams: 50 } })
    expect(isWorkspaceEventStreamError(err)).toBe(true)
  })
})

describe('ObserversResource built the official way', () => {
  const observe = (server: TestWsServer, extra: Record<string, unknown> = {}) => {
    const events: string[] = []
    const errors: ReconnectingWebSocketError[] = []
    const resource = new ObserversResource({}, WORKSPACE, server.url.replace('ws:', 'http:'))
    const handle = resource.subscribe({
      callSid: CALL_SID,
      token: 'tok-abcDEF123',
      onEvent: (e) => events.push(e.type),
      onError: (e) => errors.push(e),
      webSocketFactory: (u, p) => openWsClient(u, p) as unknown as WebSocket,
      ...extra,
    })
    return { handle, events, errors }
  }

  it('connects to /v1/{workspace}/observers/{callSid}/ws with ["auth", token] and parses frames', async () => {
    const server = await wsServer((c) => {
      c.send('not json')
      c.send({ type: 42 })
      c.send({ type: 'agent_transcript_delta', delta: 'hi' })
    })
    const { handle, events } = observe(server)
    await waitFor(() => events.length === 1, 3000, 'an observer event')
    const conn = server.connections[0]!
    expect(conn.request.url).toBe(`/v1/${WORKSPACE}/observers/${CALL_SID}/ws`)
    expect(protocolsOf(conn)).toEqual(['auth', 'tok-abcDEF123'])
    expect(events).toEqual(['agent_transcript_delta'])
    handle.close()
    await handle.done
  })

  it('4403 reports onError with reason auth and closeCode 4403', async () => {
    const server = await wsServer((c) => c.close(4403, 'forbidden'))
    const { handle, errors } = observe(server)
    await handle.done
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ reason: 'auth', closeCode: 4403 })
  })

  it('derives wss from an https agent origin and honours observerUrl', () => {
    const urls: string[] = []
    const factory = (u: string) => {
      urls.push(u)
      throw new Error('not connecting in this test')
    }
    const r = new ObserversResource({}, 'ws-uuid', 'https://api.example.com')
    const base = { callSid: CALL_SID, token: 'tok', onEvent: () => {}, webSocketFactory: factory }
    r.subscribe(base)
    r.subscribe({ ...base, observerUrl: `wss://gw.example.test/observers/${CALL_SID}` })
    expect(urls).toEqual([
      `wss://api.example.com/v1/ws-uuid/observers/${CALL_SID}/ws`,
      `wss://gw.example.test/observers/${CALL_SID}`,
    ])
  })

  it('refuses bad input synchronously with ConfigurationError', () => {
    const r = new ObserversResource({}, 'ws-uuid', 'https://api.example.com')
    const base = { callSid: CALL_SID, token: 'tok', onEvent: () => {} }
    expect(() => r.subscribe({ ...base, callSid: 'not-a-call-sid' })).toThrow(/CA SID format/)
    expect(() => r.subscribe({ ...base, observerUrl: `wss://gw.test/o/${CALL_SID}?x=1` })).toThrow(
      /query parameters or fragments/i,
    )
    expect(() => r.subscribe({ ...base, observerUrl: `https://gw.test/o/${CALL_SID}` })).toThrow(
      /ws: or wss:/i,
    )
    expect(() => r.subscribe({ ...base, token: 'has:colons' })).toThrow(ConfigurationError)
    expect(() => r.subscribe({ callSid: CALL_SID, onEvent: () => {} } as never)).toThrow(/token is required/)
  })
})

describe('auth subprotocol helpers', () => {
  for (const [name, fn, what] of [
    ['observerAuthProtocols', observerAuthProtocols, 'token'],
    ['sessionConnectAuthProtocols', sessionConnectAuthProtocols, 'apiKey'],
  ] as const) {
    it(`${name}: ['auth', token], or ConfigurationError naming the problem (never the token)`, () => {
      expect(fn('tok-abcDEF123')).toEqual(['auth', 'tok-abcDEF123'])
      expect(() => fn('')).toThrow(ConfigurationError)
      expect(() => fn('')).toThrow(new RegExp(`${what} is required`))
      expect(() => fn('has space')).toThrow(/subprotocol/i)
      expect(() => fn('eyJ:colon=here')).toThrow(/subprotocol/i)
      expect(() => fn('eyJ:colon=here')).not.toThrow(/eyJ/)
      expect(() => fn('a'.repeat(4097))).toThrow(/4096/)
    })
  }
})

describe('conversations URL helpers on clients whose base URL cannot be fetched', () => {
  it('a relative baseUrl without fetch: the client is built, the derived URL and requests fail clearly', async () => {
    const client = new AmigoClient({ apiKey: 'k', workspaceId: WORKSPACE, baseUrl: '/api/platform' })
    expect(() => client.conversations.textStreamUrl({ serviceId: 'svc-1' })).toThrow(ConfigurationError)
    const override = new URL(
      client.conversations.textStreamUrl({
        serviceId: 'svc-1',
        textStreamUrl: 'wss://preview-123.platform.example.com/agent/text-stream',
      }),
    )
    expect(override.host).toBe('preview-123.platform.example.com')
    expect([...override.searchParams.keys()]).toEqual(['workspace_id', 'service_id'])
    const error = await client.agents.list().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).toMatch(/relative baseUrl needs a custom fetch/)
  })

  it('an http+unix baseUrl: the client is built, and the socket URLs fail with ConfigurationError', () => {
    const client = new AmigoClient({ apiKey: 'k', workspaceId: WORKSPACE, baseUrl: 'http+unix://socket/api' })
    expect(() => client.conversations.textStreamUrl({ serviceId: 'svc-1' })).toThrow(ConfigurationError)
    expect(() => client.conversations.sessionConnectUrl({ serviceId: 's', entityId: 'e' })).toThrow(
      ConfigurationError,
    )
  })
})
