import { startSilentServer, startWsServer, type WsConnection, waitFor } from '@amigo-ai/test-server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { WebSocket as NodeWs } from 'ws'
import {
  createReconnectingWebSocket,
  isReconnectingWebSocketError,
  type ReconnectingWebSocketError,
  type ReconnectingWebSocketOptions,
  type WebSocketReconnectInfo,
} from '../src/index'
import { track } from './helpers'

/** The subprotocol list the server received (the header may be joined with "," or ", "). */
const protocolsOf = (c: WsConnection) =>
  String(c.request.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim())

const quick = { initialDelayMs: 1, maxDelayMs: 5, maxReconnects: 5, idleTimeoutMs: 0 } as const
// Node 22+ has a global WebSocket (undici) that, like a browser's, hides the HTTP status of a refused
// upgrade and handles a stalled handshake in its own way. Tests about those wire details pin `ws`, the
// implementation this package uses where no global exists, so they check the same thing on every Node.
const withWs = { WebSocket: NodeWs as unknown as ReconnectingWebSocketOptions['WebSocket'] }

/** A `ws` socket that reports a refused upgrade as browsers do: an error event without the status. */
class StatusHidingWs extends NodeWs {
  override emit(name: string | symbol, ...args: any[]): boolean {
    return name === 'error' ? super.emit(name, new Error('WebSocket error')) : super.emit(name, ...args)
  }
}
// The runtime's own WebSocket where there is one (Node 22+, browsers), else `ws` with the status hidden.
const statusHidden = {
  WebSocket: (globalThis.WebSocket ?? StatusHidingWs) as unknown as ReconnectingWebSocketOptions['WebSocket'],
}

function managed(url: string, overrides: Partial<ReconnectingWebSocketOptions> = {}) {
  const messages: (string | ArrayBuffer)[] = []
  const errors: ReconnectingWebSocketError[] = []
  const reconnects: WebSocketReconnectInfo[] = []
  let opens = 0
  const socket = createReconnectingWebSocket({
    url,
    ...quick,
    onMessage: (m) => messages.push(m.data),
    onError: (e) => errors.push(e),
    onReconnect: (info) => reconnects.push(info),
    onOpen: () => {
      opens++
    },
    ...overrides,
  })
  return { socket, messages, errors, reconnects, opens: () => opens }
}

describe('createReconnectingWebSocket: basics', () => {
  it('opens with the subprotocols, sends and receives, and closes cleanly', async () => {
    const server = track(await startWsServer())
    const { socket, messages, errors } = managed(server.url, { protocols: ['auth', 'tok-1'] })
    expect(socket.state).toBe('connecting')
    const conn = await server.nextConnection()
    expect(protocolsOf(conn)).toEqual(['auth', 'tok-1'])
    await waitFor(() => socket.state === 'open')
    socket.send('hello')
    expect(await conn.nextMessage()).toBe('hello')
    conn.send({ type: 'x' })
    conn.socket.send(Buffer.from([1, 2, 3]))
    await waitFor(() => messages.length === 2)
    expect(messages[0]).toBe('{"type":"x"}')
    expect(new Uint8Array(messages[1] as ArrayBuffer)).toEqual(new Uint8Array([1, 2, 3]))
    const closed = new Promise<number>((r) => conn.socket.once('close', (code) => r(code)))
    socket.close()
    await socket.done
    expect(await closed).toBe(1000)
    expect(socket.state).toBe('closed')
    expect(errors).toEqual([])
  })

  it('send throws ReconnectingWebSocketError (not_open) unless open', async () => {
    const server = track(await startWsServer())
    const { socket } = managed(server.url)
    let err: unknown
    try {
      socket.send('too early')
    } catch (e) {
      err = e
    }
    expect(isReconnectingWebSocketError(err)).toBe(true)
    expect((err as ReconnectingWebSocketError).reason).toBe('not_open')
    socket.close()
    await socket.done
  })

  it('an aborted signal closes with 1000 "client aborted" and no onError', async () => {
    const server = track(await startWsServer())
    const controller = new AbortController()
    const { socket, errors } = managed(server.url, { signal: controller.signal })
    const conn = await server.nextConnection()
    await waitFor(() => socket.state === 'open')
    const closed = new Promise<[number, string]>((r) =>
      conn.socket.once('close', (code, reason) => r([code, reason.toString()])),
    )
    controller.abort()
    await socket.done
    expect(await closed).toEqual([1000, 'client aborted'])
    expect(errors).toEqual([])
  })

  it('calls the url and protocol getters on every connect', async () => {
    const server = track(await startWsServer())
    let n = 0
    const { socket } = managed(server.url, {
      url: async () => `${server.url}/try-${n}`,
      getProtocols: async () => ['auth', `tok-${++n}`],
    })
    const first = await server.nextConnection()
    first.kill()
    const second = await server.nextConnection()
    expect(protocolsOf(first)).toEqual(['auth', 'tok-1'])
    expect(protocolsOf(second)).toEqual(['auth', 'tok-2'])
    expect(second.request.url).toBe('/try-1')
    socket.close()
    await socket.done
  })

  it('an invalid URL fails with open_failed', async () => {
    const { socket, errors } = managed('not a url')
    await socket.done
    expect(errors[0]?.reason).toBe('open_failed')
    expect(socket.state).toBe('terminal')
  })
})

describe('createReconnectingWebSocket: webSocketFactory and states', () => {
  it('calls the factory before it returns, with the URL and protocols, and reports every state', async () => {
    const server = track(await startWsServer())
    const made: [string, string | string[] | undefined][] = []
    const states: string[] = []
    const { socket, messages } = managed(server.url, {
      protocols: ['auth', 'tok-1'],
      webSocketFactory: (url, protocols) => {
        made.push([url, protocols])
        return new NodeWs(url, protocols)
      },
      onStateChange: (state) => states.push(state),
    })
    expect(made).toEqual([[server.url, ['auth', 'tok-1']]])
    const first = await server.nextConnection()
    first.send('one')
    await waitFor(() => messages.length === 1)
    first.close(1011, 'restart')
    const second = await server.nextConnection()
    second.send('two')
    await waitFor(() => messages.length === 2)
    socket.close()
    await socket.done
    expect(made).toHaveLength(2)
    expect(states).toEqual(['open', 'reconnecting', 'connecting', 'open', 'closing', 'closed'])
  })

  it('a factory that throws ends with open_failed after the handle is returned', async () => {
    const errors: ReconnectingWebSocketError[] = []
    let handle: { state: string } | undefined
    const socket = createReconnectingWebSocket({
      url: 'ws://127.0.0.1:9/x',
      webSocketFactory: () => {
        throw new Error('no sockets here')
      },
      onError: (e) => {
        errors.push(e)
        expect(handle).toBeDefined()
      },
    })
    handle = socket
    await socket.done
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ reason: 'open_failed' })
  })

  it('refuses both webSocketFactory and WebSocket', () => {
    expect(() =>
      createReconnectingWebSocket({
        url: 'ws://127.0.0.1:9/x',
        webSocketFactory: (url) => new NodeWs(url),
        WebSocket: NodeWs as unknown as ReconnectingWebSocketOptions['WebSocket'],
      }),
    ).toThrow(/webSocketFactory or WebSocket, not both/)
  })
})

describe('createReconnectingWebSocket: idle watchdog', () => {
  it('replaces a half-open socket (server silent, never closes) within the idle timeout', async () => {
    const server = track(await startWsServer())
    // Also bounds the handshake and the first frame, so it leaves room for a loaded machine.
    const idleTimeoutMs = 500
    // The watchdog is re-armed when a frame arrives, so silence is timed from that moment (measuring
    // after `waitFor` notices the frame would add its polling lag and flake on a loaded machine).
    const messages: unknown[] = []
    let silentSince = 0
    const onMessage = (m: MessageEvent) => {
      messages.push(m.data)
      silentSince = Date.now()
    }
    const { socket, reconnects } = managed(server.url, { idleTimeoutMs, onMessage })
    const first = await server.nextConnection()
    first.send('alive')
    await waitFor(() => messages.length === 1)
    first.stopResponding()
    const second = await server.nextConnection(idleTimeoutMs + 1000)
    const replacedAfter = Date.now() - silentSince
    expect(replacedAfter).toBeGreaterThanOrEqual(idleTimeoutMs - 5)
    expect(replacedAfter).toBeLessThan(idleTimeoutMs + 1000)
    expect(reconnects[0]?.reason).toBe('idle_watchdog')
    // The replacement works normally.
    second.send('again')
    await waitFor(() => messages.length === 2)
    console.log(
      `half-open socket replaced ${replacedAfter} ms after it went silent (idle timeout ${idleTimeoutMs} ms)`,
    )
    socket.close()
    await socket.done
  })

  it('every inbound frame re-arms the watchdog', async () => {
    const server = track(await startWsServer())
    // Generous margins (ticks every 100 ms, timeout 1 s, which also bounds the handshake) so a loaded
    // 2-core machine cannot fake a stall, while the ticking (at least 2 s) clearly outlasts the timeout.
    const { socket, reconnects } = managed(server.url, { idleTimeoutMs: 1000 })
    const conn = await server.nextConnection()
    for (let i = 0; i < 20; i++) {
      conn.send(`tick ${i}`)
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(reconnects).toEqual([])
    expect(server.connections).toHaveLength(1)
    socket.close()
    await socket.done
  })

  it('covers a handshake that never completes', async () => {
    const silent = track(await startSilentServer())
    const { socket, errors } = managed(silent.url, { ...withWs, idleTimeoutMs: 40, maxReconnects: 2 })
    await socket.done
    expect(silent.accepted).toBe(3)
    expect(errors[0]?.reason).toBe('reconnect_budget_exhausted')
    expect(errors[0]?.message).toContain('idle_watchdog')
  })

  it('by default waits 45 s (a silent socket is kept for now)', async () => {
    const server = track(await startWsServer())
    const { socket } = managed(server.url, { idleTimeoutMs: undefined })
    await server.nextConnection()
    await new Promise((r) => setTimeout(r, 100))
    expect(server.connections).toHaveLength(1)
    socket.close()
    await socket.done
  })
})

describe('createReconnectingWebSocket: close codes', () => {
  const terminal: [number, string][] = [
    [1008, 'client_error'],
    [4001, 'client_error'],
    [4003, 'client_error'],
    [4004, 'client_error'],
    [4403, 'auth'],
  ]
  for (const [code, reason] of terminal) {
    it(`${code} is terminal (${reason}) with closeCode and closeReason`, async () => {
      const server = track(await startWsServer((c: WsConnection) => c.close(code, `because ${code}`)))
      const { socket, errors, reconnects } = managed(server.url)
      await socket.done
      expect(server.connections).toHaveLength(1)
      expect(reconnects).toEqual([])
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatchObject({ reason, closeCode: code, closeReason: `because ${code}` })
      expect(socket.state).toBe('terminal')
    })
  }

  it('1000 from the server ends the loop without an error', async () => {
    const server = track(await startWsServer((c: WsConnection) => c.close(1000, 'session over')))
    const { socket, errors } = managed(server.url)
    await socket.done
    expect(errors).toEqual([])
    expect(socket.state).toBe('closed')
    expect(server.connections).toHaveLength(1)
  })

  const retried: [number | 'kill', string][] = [
    [1001, 'connection_lost'],
    [1011, 'server_error'],
    [1012, 'server_error'],
    ['kill', 'connection_lost'],
  ]
  for (const [code, reason] of retried) {
    it(`${code === 'kill' ? 'an abnormal drop (1006)' : code} reconnects (${reason}), then fails with reconnect_budget_exhausted`, async () => {
      const server = track(
        await startWsServer((c: WsConnection) => (code === 'kill' ? c.kill() : c.close(code, 'x'))),
      )
      const { socket, errors, reconnects } = managed(server.url, { maxReconnects: 3 })
      await socket.done
      expect(server.connections).toHaveLength(4)
      expect(reconnects.map((r) => r.attempt)).toEqual([1, 2, 3])
      expect(reconnects.every((r) => r.reason === reason)).toBe(true)
      const closeCode = code === 'kill' ? 1006 : code
      expect(errors[0]).toMatchObject({ reason: 'reconnect_budget_exhausted', closeCode, attempts: 4 })
      expect(errors[0]!.message).toMatch(new RegExp(`reconnect budget.*the last ended by ${reason}`))
    })
  }

  for (const code of [4029, 1013]) {
    it(`${code} (rate limit) waits between half and all of rateLimitDelayMs`, async () => {
      for (const [random, expected] of [
        [0, 30],
        [0.999, 59],
      ] as const) {
        let n = 0
        const server = track(
          await startWsServer((c: WsConnection) => {
            if (n++ === 0) c.close(code, 'slow down')
            else c.send('ok')
          }),
        )
        const { socket, reconnects, messages } = managed(server.url, {
          rateLimitDelayMs: 60,
          random: () => random,
        })
        const t0 = Date.now()
        await waitFor(() => messages.length === 1)
        expect(Date.now() - t0).toBeGreaterThanOrEqual(expected - 5)
        expect(reconnects[0]).toMatchObject({ reason: 'rate_limited', closeCode: code, delayMs: expected })
        socket.close()
        await socket.done
      }
    })
  }

  it('4100 calls onTokenExpired, then reconnects at once with fresh protocols', async () => {
    let n = 0
    const server = track(
      await startWsServer((c: WsConnection) => {
        if (n++ === 0) c.close(4100, 'token expired')
        else c.send('welcome back')
      }),
    )
    let token = 'old-token'
    let refreshed = 0
    const { socket, reconnects, messages, errors } = managed(server.url, {
      getProtocols: () => ['auth', token],
      onTokenExpired: async () => {
        refreshed++
        token = 'new-token'
      },
    })
    await waitFor(() => messages.length === 1)
    expect(refreshed).toBe(1)
    expect(server.connections.map(protocolsOf)).toEqual([
      ['auth', 'old-token'],
      ['auth', 'new-token'],
    ])
    expect(reconnects[0]).toMatchObject({ reason: 'token_refreshed', delayMs: 0, closeCode: 4100 })
    expect(errors).toEqual([])
    socket.close()
    await socket.done
  })

  it('4100 with fixed protocols and no refresh hook is terminal (token_expired)', async () => {
    const server = track(await startWsServer((c: WsConnection) => c.close(4100, 'token expired')))
    const { socket, errors } = managed(server.url, { protocols: ['auth', 'x'] })
    await socket.done
    expect(errors[0]).toMatchObject({ reason: 'token_expired', closeCode: 4100 })
    expect(server.connections).toHaveLength(1)
  })

  it('a failing refresh hook ends the loop with token_expired', async () => {
    const server = track(await startWsServer((c: WsConnection) => c.close(4100, 'token expired')))
    const { socket, errors } = managed(server.url, {
      onTokenExpired: () => {
        throw new Error('refresh endpoint down')
      },
    })
    await socket.done
    expect(errors[0]?.reason).toBe('token_expired')
    expect((errors[0]!.cause as Error).message).toBe('refresh endpoint down')
  })

  it('an HTTP 401 answer to the upgrade is terminal (auth)', async () => {
    const server = track(await startWsServer({ verify: () => 401 }))
    const { socket, errors, reconnects } = managed(server.url, withWs)
    await socket.done
    expect(reconnects).toEqual([])
    expect(errors[0]?.reason).toBe('auth')
  })

  it('when the WebSocket hides the status of a refused upgrade, it reconnects, then gives up', async () => {
    // Browsers (and Node 22+'s global WebSocket) report a refused upgrade as a bare 1006 close.
    const server = track(await startWsServer({ verify: () => 401 }))
    const { socket, errors, reconnects } = managed(server.url, { ...statusHidden, maxReconnects: 2 })
    await socket.done
    expect(reconnects).toHaveLength(2)
    expect(errors[0]?.reason).toBe('reconnect_budget_exhausted')
  })

  it('a connection that stayed open 10 s starts the failure count over; a short one does not, messages or not', async () => {
    // The clock moves 10 s whenever the server says "stable" (before closing), so no real time passes.
    let now = 1_000_000
    vi.spyOn(Date, 'now').mockImplementation(() => now)
    let n = 0
    const server = track(
      await startWsServer((c: WsConnection) => {
        n++
        c.send(n <= 3 ? 'stable' : 'short')
        setTimeout(() => c.kill(), 5)
      }),
    )
    const { socket, errors, messages } = managed(server.url, {
      maxReconnects: 1,
      onMessage: (m) => {
        messages.push(m.data)
        if (m.data === 'stable') now += 10_000
      },
    })
    await socket.done
    // Each stable connection's end is the first failure of a new count; the short one after the third
    // is the second in a row, past the budget of 1.
    expect(messages).toEqual(['stable', 'stable', 'stable', 'short'])
    expect(errors[0]).toMatchObject({ reason: 'reconnect_budget_exhausted', attempts: 2 })
  })
})

afterEach(() => {
  vi.restoreAllMocks()
})
