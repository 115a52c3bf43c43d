import { isAmigoError, isConfigurationError } from '@amigo-ai/core'
import { startWsServer, type WsConnection, waitFor } from '@amigo-ai/test-server'
import { describe, expect, it } from 'vitest'
import {
  createTextChat,
  type TextChatServerFrame,
  textStreamAuthProtocols,
  textStreamUrl,
} from '../src/index'
import { caught, chatAt, track } from './helpers'

describe('textStreamUrl / textStreamAuthProtocols', () => {
  it('builds the agent-engine URL with the query the server expects', () => {
    const url = new URL(
      textStreamUrl({
        baseUrl: 'https://api.example.com',
        workspaceId: 'ws 1',
        serviceId: 'svc-1',
        conversationId: 'conv-1',
        entityId: 'ent-1',
        toolEvents: true,
      }),
    )
    expect(url.origin + url.pathname).toBe('wss://api.example.com/agent/text-stream')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      workspace_id: 'ws 1',
      service_id: 'svc-1',
      conversation_id: 'conv-1',
      entity_id: 'ent-1',
      tool_events: 'true',
    })
    expect(textStreamUrl({ agentBaseUrl: 'http://127.0.0.1:9', workspaceId: 'w', serviceId: 's' })).toBe(
      'ws://127.0.0.1:9/agent/text-stream?workspace_id=w&service_id=s',
    )
  })

  it('leaves a null conversationId or entityId out, and refuses one that is no id, naming it', () => {
    const base = { agentBaseUrl: 'http://127.0.0.1:9', workspaceId: 'w', serviceId: 's' }
    expect(textStreamUrl({ ...base, conversationId: null, entityId: null } as never)).toBe(
      'ws://127.0.0.1:9/agent/text-stream?workspace_id=w&service_id=s',
    )
    for (const [name, value] of [
      ['conversationId', Symbol('c')],
      ['entityId', 42],
      ['conversationId', ''],
    ] as const) {
      const error = caught(() => textStreamUrl({ ...base, [name]: value } as never))
      expect(isConfigurationError(error), String(error)).toBe(true)
      expect((error as Error).message).toContain(name)
    }
  })

  it('adds the token to the query only when asked (fallback), accepting / + = : in it', () => {
    const url = new URL(textStreamUrl({ workspaceId: 'w', serviceId: 's', token: 'ab/c+d=e:f.g_h-i' }))
    expect(url.searchParams.get('token')).toBe('ab/c+d=e:f.g_h-i')
    expect(textStreamUrl({ workspaceId: 'w', serviceId: 's' })).not.toContain('token')
    expect(
      isConfigurationError(caught(() => textStreamUrl({ workspaceId: 'w', serviceId: 's', token: 'a b' }))),
    ).toBe(true)
  })

  it('rejects missing ids, path bases and bad overrides', () => {
    expect(isConfigurationError(caught(() => textStreamUrl({ workspaceId: '', serviceId: 's' })))).toBe(true)
    expect((caught(() => textStreamUrl({ workspaceId: 'w', serviceId: '' })) as Error).message).toContain(
      'serviceId',
    )
    expect(
      isConfigurationError(
        caught(() => textStreamUrl({ workspaceId: 'w', serviceId: 's', baseUrl: '/api/platform' })),
      ),
    ).toBe(true)
    expect(textStreamUrl({ workspaceId: 'w', serviceId: 's', url: 'wss://edge.test/ts' })).toBe(
      'wss://edge.test/ts?workspace_id=w&service_id=s',
    )
    expect(
      isConfigurationError(
        caught(() => textStreamUrl({ workspaceId: 'w', serviceId: 's', url: 'wss://e/ts?x=1' })),
      ),
    ).toBe(true)
  })

  it('returns ["auth", token] and refuses tokens a subprotocol cannot carry', () => {
    expect(textStreamAuthProtocols('sk_live.abc-123')).toEqual(['auth', 'sk_live.abc-123'])
    for (const bad of ['', 'a b', 'a/b', 'a=b', 'x'.repeat(4097)]) {
      const err = caught(() => textStreamAuthProtocols(bad))
      expect(isConfigurationError(err)).toBe(true)
      if (bad.length > 1 && bad.length < 100) expect((err as Error).message).not.toContain(bad)
    }
  })

  it('names what is wrong: a blank apiKey is required; rejected characters are listed, the key is not', () => {
    for (const blank of ['', '   ']) {
      const err = caught(() => textStreamAuthProtocols(blank))
      expect(isConfigurationError(err)).toBe(true)
      expect((err as Error).message).toMatch(/apiKey is required/)
    }
    const colon = caught(() => textStreamAuthProtocols('workspace:secret')) as Error
    expect(colon.message).toMatch(/":"/)
    expect(colon.message).not.toContain('secret')
    const b64 = caught(() => textStreamAuthProtocols('base64/with=padding')) as Error
    expect(b64.message).toMatch(/"\/", "="/)
    expect(b64.message).not.toContain('padding')
    // Repeated characters are named once, in order of first appearance.
    expect((caught(() => textStreamAuthProtocols('a/b/c=d')) as Error).message).toContain('("/", "=")')
  })

  it('the pair is accepted by a WebSocket constructor: the server receives the auth subprotocol', async () => {
    const server = track(await startWsServer())
    const { WebSocket } = await import('ws')
    const url = textStreamUrl({ agentBaseUrl: server.url, workspaceId: 'w', serviceId: 's' })
    const socket = new WebSocket(url, textStreamAuthProtocols('key_123'))
    const conn = await server.nextConnection()
    expect(conn.request.url).toBe('/agent/text-stream?workspace_id=w&service_id=s')
    expect(String(conn.request.headers['sec-websocket-protocol']).replace(' ', '')).toBe('auth,key_123')
    await new Promise((r) => socket.once('open', r))
    expect(socket.protocol).toBe('auth')
    socket.close()
  })
})

/** A scripted text-stream agent: streams the reply to each user message as tokens, then message + done. */
function agent(conn: WsConnection) {
  conn.socket.on('message', (raw) => {
    const frame = JSON.parse(String(raw)) as { type: string; text: string }
    if (frame.type !== 'message') return
    if (frame.text === 'fail') {
      conn.send({ type: 'error', message: 'upstream broke', code: 'upstream_error' })
      return
    }
    const reply = `echo: ${frame.text}`
    conn.send({ type: 'thinking', tier: 1, tier_name: 'fast' })
    for (const piece of reply.match(/.{1,4}/g)!) conn.send({ type: 'token', text: piece })
    conn.send({ type: 'message', role: 'agent', text: reply })
    conn.send({ type: 'done', conversation_id: 'conv-9', status: 'active', turn_count: 1 })
  })
}

describe('createTextChat', () => {
  it('sends a message, streams deltas and resolves with the final reply', async () => {
    const server = track(await startWsServer(agent))
    const deltas: string[] = []
    const frames: TextChatServerFrame[] = []
    const chat = createTextChat({
      ...chatAt(server),
      onDelta: (d) => deltas.push(d),
      onEvent: (f) => frames.push(f),
    })
    const reply = await chat.send('hello there')
    expect(reply.text).toBe('echo: hello there')
    expect(deltas.join('')).toBe('echo: hello there')
    const conn = server.connections[0]!
    expect(conn.messages[0]).toBe(JSON.stringify({ type: 'message', text: 'hello there' }))
    expect(String(conn.request.headers['sec-websocket-protocol']).replace(' ', '')).toBe('auth,key_1')
    await waitFor(() => frames.some((f) => f.type === 'done'))
    expect(chat.conversationId).toBe('conv-9')
    const second = await chat.send('again')
    expect(second).toEqual({ text: 'echo: again', conversationId: 'conv-9' })
    // Two turns in flight: each resolves with its own reply, not with the other's `done`.
    const [a, b] = await Promise.all([chat.send('one'), chat.send('two')])
    expect([a.text, b.text]).toEqual(['echo: one', 'echo: two'])
    chat.close()
    await chat.done
  })

  it('an error frame echoing the token reaches onEvent redacted, as the rejected turn has it', async () => {
    const server = track(
      await startWsServer((conn) => {
        const protocols = String(conn.request.headers['sec-websocket-protocol'])
        conn.socket.on('message', () => conn.send({ type: 'error', message: `bad key ${protocols}` }))
      }),
    )
    const frames: TextChatServerFrame[] = []
    const chat = createTextChat({ ...chatAt(server), onEvent: (f) => frames.push(f) })
    const failed = await chat.send('hi').catch((e: unknown) => e)
    expect(String((failed as Error).message)).toContain('[REDACTED]')
    expect(frames).toEqual([{ type: 'error', message: expect.stringContaining('[REDACTED]') }])
    expect(JSON.stringify(frames)).not.toContain('key_1')
    chat.close()
    await chat.done
  })

  it('rejects a turn on an error frame, and resumes the conversation id after a reconnect', async () => {
    const server = track(await startWsServer(agent))
    const chat = createTextChat({
      ...chatAt(server),
      initialDelayMs: 1,
      maxDelayMs: 5,
    })
    const failed = await chat.send('fail').catch((e: unknown) => e)
    expect(isAmigoError(failed)).toBe(true)
    expect(failed).toMatchObject({
      errorCode: 'agent_error',
      message: expect.stringContaining('upstream broke'),
    })
    await chat.send('hi')
    await waitFor(() => chat.conversationId === 'conv-9')
    server.connections[0]!.kill()
    const conn2 = await server.nextConnection()
    expect(new URL(conn2.request.url!, 'ws://x').searchParams.get('conversation_id')).toBe('conv-9')
    expect((await chat.send('after reconnect')).text).toBe('echo: after reconnect')
    chat.close()
    await chat.done
    await expect(chat.send('closed')).rejects.toMatchObject({ reason: 'not_open' })
  })

  it('validates options before connecting', () => {
    expect(
      isConfigurationError(
        caught(() => createTextChat({ workspaceId: 'w', serviceId: 's', token: 'bad token' })),
      ),
    ).toBe(true)
    expect(
      isConfigurationError(caught(() => createTextChat({ workspaceId: 'w', serviceId: '', token: 'ok' }))),
    ).toBe(true)
  })
})
