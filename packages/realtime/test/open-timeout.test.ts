// A server that accepts the TCP connection and never answers the WebSocket handshake: neither
// browsers nor `ws` give up on their own, so without `openTimeoutMs` the loop would wait for ever,
// and a text chat (idle watchdog off by default) would leave every send() pending.
import { startSilentServer, startWsServer, waitFor } from '@amigo-ai/test-server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { WebSocket as NodeWs } from 'ws'
import {
  createReconnectingWebSocket,
  createTextChat,
  type ReconnectingWebSocketError,
  type ReconnectingWebSocketOptions,
  type WebSocketReconnectInfo,
} from '../src/index'
import { chatAt, track } from './helpers'

const withWs = { WebSocket: NodeWs as unknown as ReconnectingWebSocketOptions['WebSocket'] }

afterEach(() => {
  vi.useRealTimers()
})

/** A managed socket that records its reconnects and terminal error. */
function watched(url: string, overrides: Partial<ReconnectingWebSocketOptions>) {
  const reconnects: WebSocketReconnectInfo[] = []
  const errors: ReconnectingWebSocketError[] = []
  const socket = createReconnectingWebSocket({
    url,
    ...withWs,
    initialDelayMs: 1,
    maxDelayMs: 5,
    onReconnect: (info) => reconnects.push(info),
    onError: (e) => errors.push(e),
    ...overrides,
  })
  return { socket, reconnects, errors }
}

describe('createReconnectingWebSocket: openTimeoutMs', () => {
  it('abandons a handshake the server never answers, also with the idle watchdog off', async () => {
    const silent = track(await startSilentServer())
    const { socket, reconnects, errors } = watched(silent.url, {
      idleTimeoutMs: 0,
      openTimeoutMs: 30,
      maxReconnects: 1,
    })
    await socket.done
    expect(silent.accepted).toBe(2)
    expect(reconnects.map((r) => r.reason)).toEqual(['idle_watchdog'])
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ reason: 'reconnect_budget_exhausted' })
  })

  it('does not apply to a socket that has opened', async () => {
    const server = track(await startWsServer())
    // A fake clock: the handshake may take longer than the limit on a busy machine, and only the
    // time after it has opened is the point here.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    let opened!: () => void
    const open = new Promise<void>((r) => {
      opened = r
    })
    const { socket, reconnects } = watched(server.url, {
      idleTimeoutMs: 0,
      openTimeoutMs: 20,
      onOpen: () => opened(),
    })
    await open
    vi.advanceTimersByTime(100)
    expect(socket.state).toBe('open')
    expect(reconnects).toEqual([])
    expect(server.connections).toHaveLength(1)
    vi.useRealTimers()
    socket.close()
    await socket.done
  })

  it('waits 30 s by default', async () => {
    const silent = track(await startSilentServer())
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { socket, reconnects } = watched(silent.url, { idleTimeoutMs: 0 })
    vi.advanceTimersByTime(29_999)
    expect(socket.state).toBe('connecting')
    vi.advanceTimersByTime(1)
    expect(reconnects.map((r) => r.reason)).toEqual(['idle_watchdog'])
    vi.useRealTimers()
    socket.close()
    await socket.done
  })
})

describe('createTextChat: a handshake that is never answered', () => {
  it('fails the pending send with the terminal error instead of waiting for ever', async () => {
    const silent = track(await startSilentServer())
    const chat = createTextChat({ ...chatAt(silent), ...withWs, openTimeoutMs: 30, maxReconnects: 0 })
    const failure = await chat.send('hello').catch((e: unknown) => e)
    expect(failure).toMatchObject({ reason: 'reconnect_budget_exhausted' })
    await chat.done
  })

  it('keeps the 30 s handshake limit although its idle watchdog is off', async () => {
    const silent = track(await startSilentServer())
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    let created!: () => void
    const socketMade = new Promise<void>((r) => {
      created = r
    })
    const reconnects: string[] = []
    const chat = createTextChat({
      ...chatAt(silent),
      webSocketFactory: (url, protocols) => {
        created()
        return new NodeWs(url, protocols) as never
      },
      onReconnect: (info) => reconnects.push(info.reason),
    })
    await socketMade
    vi.advanceTimersByTime(29_999)
    expect(reconnects).toEqual([])
    vi.advanceTimersByTime(1)
    expect(reconnects).toEqual(['idle_watchdog'])
    vi.useRealTimers()
    chat.close()
    await chat.done
  })
})

describe('a URL or token getter that never settles', () => {
  it('is abandoned after openTimeoutMs and asked again; its late answer opens nothing', async () => {
    const server = track(await startWsServer())
    let calls = 0
    let answerLate: (protocols: string[]) => void = () => {}
    const { socket, reconnects } = watched(server.url, {
      // Also the second attempt's limit: long enough for a loaded machine's handshake.
      openTimeoutMs: 500,
      getProtocols: () => {
        calls++
        if (calls === 1)
          return new Promise<string[]>((resolve) => {
            answerLate = resolve
          })
        return ['auth', 'fresh-token']
      },
    })
    await waitFor(() => socket.state === 'open')
    expect(reconnects.map((r) => r.reason)).toEqual(['idle_watchdog'])
    answerLate(['auth', 'stale-token'])
    await new Promise((r) => setTimeout(r, 50))
    expect(server.connections).toHaveLength(1)
    expect(server.connections[0]!.request.headers['sec-websocket-protocol']).toMatch(/fresh-token/)
    socket.close()
    await socket.done
  })

  it("a text chat's getToken that never settles fails the pending send instead of waiting for ever", async () => {
    const server = track(await startWsServer())
    const chat = createTextChat({
      ...chatAt(server),
      token: undefined,
      getToken: () => new Promise<string>(() => {}),
      openTimeoutMs: 30,
      maxReconnects: 0,
    })
    const failure = await chat.send('hello').catch((e: unknown) => e)
    expect(failure).toMatchObject({ reason: 'reconnect_budget_exhausted' })
    expect(server.connections).toHaveLength(0)
    await chat.done
  })
})
