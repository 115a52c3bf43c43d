import { isConfigurationError } from '@amigo-ai/core'
import { startWsServer, type WsConnection, waitFor } from '@amigo-ai/test-server'
import { describe, expect, it } from 'vitest'
import {
  type ObserveCallOptions,
  type ObserverEvent,
  observeCall,
  observerUrl,
  type ReconnectingWebSocketError,
} from '../src/index'
import { caught, track } from './helpers'

const SID = `CA${'a1'.repeat(16)}`

describe('observerUrl', () => {
  it('derives ws/wss from the agent origin, else the base URL origin', () => {
    expect(observerUrl({ workspaceId: 'ws-1', callSid: SID, baseUrl: 'https://api.example.com' })).toBe(
      `wss://api.example.com/v1/ws-1/observers/${SID}/ws`,
    )
    expect(
      observerUrl({
        workspaceId: 'ws-1',
        callSid: SID,
        baseUrl: 'https://api.example.com',
        agentBaseUrl: 'http://agent.local:8080/',
      }),
    ).toBe(`ws://agent.local:8080/v1/ws-1/observers/${SID}/ws`)
    expect(observerUrl({ workspaceId: 'ws-1', callSid: SID })).toBe(
      `wss://api.platform.amigo.ai/v1/ws-1/observers/${SID}/ws`,
    )
  })

  it('rejects bad SIDs, bases with a path, and bad overrides with ConfigurationError', () => {
    for (const callSid of ['CAxxx', `CA${'a'.repeat(31)}`, `XX${'a'.repeat(32)}`, `CA${'a'.repeat(31)}-`]) {
      const err = caught(() => observerUrl({ workspaceId: 'w', callSid }))
      expect(isConfigurationError(err)).toBe(true)
      expect((err as Error).message).toContain('callSid')
    }
    const withPath = caught(() => observerUrl({ workspaceId: 'w', callSid: SID, baseUrl: '/api/platform' }))
    expect(isConfigurationError(withPath)).toBe(true)
    const prefix = caught(() =>
      observerUrl({ workspaceId: 'w', callSid: SID, baseUrl: 'https://x.test/proxy' }),
    )
    expect((prefix as Error).message).toContain('path')
    expect(
      isConfigurationError(
        caught(() => observerUrl({ workspaceId: 'w', callSid: SID, url: 'https://x/ws' })),
      ),
    ).toBe(true)
    expect(
      isConfigurationError(
        caught(() => observerUrl({ workspaceId: 'w', callSid: SID, url: 'wss://x/ws?token=1' })),
      ),
    ).toBe(true)
    // An explicit URL skips the SID check.
    expect(observerUrl({ workspaceId: 'w', callSid: 'anything', url: 'wss://x.test/obs' })).toBe(
      'wss://x.test/obs',
    )
  })
})

describe('observeCall', () => {
  const base = (server: { url: string }, overrides: Partial<ObserveCallOptions> = {}) => ({
    workspaceId: 'ws-1',
    callSid: SID,
    token: 'jwt.token-value_1',
    agentBaseUrl: server.url.replace('ws:', 'http:'),
    initialDelayMs: 1,
    maxDelayMs: 5,
    onEvent: () => {},
    ...overrides,
  })

  it('connects to the call URL with the ["auth", token] subprotocol and delivers typed events', async () => {
    const server = track(await startWsServer())
    const events: ObserverEvent[] = []
    const deltas: string[] = []
    const obs = observeCall(
      base(server, {
        onEvent: (event) => {
          events.push(event)
          switch (event.type) {
            case 'agent_transcript_delta':
              deltas.push(event.delta)
              break
            case 'session_end':
              break
          }
        },
      }),
    )
    const conn = await server.nextConnection()
    expect(conn.request.url).toBe(`/v1/ws-1/observers/${SID}/ws`)
    expect(
      String(conn.request.headers['sec-websocket-protocol'])
        .split(',')
        .map((p) => p.trim()),
    ).toEqual(['auth', 'jwt.token-value_1'])
    conn.send({ type: 'agent_transcript_delta', delta: 'Hel' })
    conn.send('not json')
    conn.send({ no_type: true })
    conn.send([1, 2])
    conn.socket.send(Buffer.from(JSON.stringify({ type: 'agent_transcript_delta', delta: 'lo' })))
    conn.send({ type: 'session_end', call_sid: SID })
    await waitFor(() => events.length === 3)
    expect(deltas).toEqual(['Hel', 'lo'])
    expect(events.map((e) => e.type)).toEqual([
      'agent_transcript_delta',
      'agent_transcript_delta',
      'session_end',
    ])
    conn.close(1000, 'call ended')
    await obs.done
    expect(obs.state).toBe('closed')
  })

  it('validates the token before connecting (ConfigurationError, token never echoed)', async () => {
    const server = track(await startWsServer())
    for (const token of ['', 'has space', 'x'.repeat(4097), 'quote"d', 'comma,list', undefined]) {
      const err = caught(() => observeCall(base(server, { token })))
      expect(isConfigurationError(err)).toBe(true)
      if (token) expect((err as Error).message).not.toContain(token)
    }
    const badSid = caught(() => observeCall(base(server, { callSid: 'CAxxx' })))
    expect(isConfigurationError(badSid)).toBe(true)
    await new Promise((r) => setTimeout(r, 30))
    expect(server.connections).toHaveLength(0)
  })

  it('reports terminal closes with reason and closeCode (4004 unknown call, 4403 auth)', async () => {
    for (const [code, reason] of [
      [4004, 'client_error'],
      [4403, 'auth'],
    ] as const) {
      const server = track(await startWsServer((c: WsConnection) => c.close(code, 'nope')))
      const errors: ReconnectingWebSocketError[] = []
      const obs = observeCall(base(server, { onError: (e) => errors.push(e) }))
      await obs.done
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatchObject({ reason, closeCode: code })
    }
  })

  it('with getToken, a 4100 close fetches a new token and reconnects', async () => {
    let n = 0
    const server = track(
      await startWsServer((c: WsConnection) => {
        if (n++ === 0) c.close(4100, 'expired')
        else c.send({ type: 'session_info', call_sid: SID })
      }),
    )
    let token = 0
    const events: ObserverEvent[] = []
    const obs = observeCall(
      base(server, {
        token: undefined,
        getToken: async () => `tok${++token}`,
        onEvent: (e) => events.push(e),
      }),
    )
    await waitFor(() => events.length === 1)
    expect(
      server.connections.map((c) => String(c.request.headers['sec-websocket-protocol']).replace(' ', '')),
    ).toEqual(['auth,tok1', 'auth,tok2'])
    obs.close()
    await obs.done
  })

  it('replaces a silent observer socket after its idle timeout', async () => {
    const server = track(await startWsServer())
    const reconnects: string[] = []
    const obs = observeCall(
      // The idle timeout also bounds the handshake: long enough for a loaded machine's.
      base(server, { idleTimeoutMs: 500, onReconnect: (info) => reconnects.push(info.reason) }),
    )
    const first = await server.nextConnection()
    first.stopResponding()
    const second = await server.nextConnection(3000)
    expect(second).not.toBe(first)
    expect(reconnects).toEqual(['idle_watchdog'])
    expect(second.request.url).toBe(first.request.url)
    obs.close()
    await obs.done
    expect(obs.state).toBe('closed')
  })
})
