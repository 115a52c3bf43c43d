import { waitFor } from '@amigo-ai/test-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { type MockPlatform, WS_CLOSE } from '../src/index'
import { call, startTestMock, ws } from './helpers'
import { readSse } from './sse-client'

let mock: MockPlatform
beforeAll(async () => {
  mock = await startTestMock({ sseRetryMs: 250, maxStreamsPerWorkspace: 2, turnTokenDelayMs: 1 })
})
afterAll(() => mock?.close())

const stream = () => `${ws(mock)}/events/stream`

describe('workspace event stream (SSE)', () => {
  it('starts with retry:, sends increasing ids, and keeps the type out of the data', async () => {
    const s = await readSse(mock, stream())
    try {
      expect(s.res.headers.get('content-type')).toMatch(/^text\/event-stream/)
      // Readable from a dashboard on another origin, like the JSON routes.
      expect(s.res.headers.get('access-control-allow-origin')).toBe('*')
      mock.emit('call.started', {
        call_sid: 'CA1',
        direction: 'inbound',
        service_id: 'svc',
        event_type: 'call.started',
      })
      mock.emit('pipeline.error', { data_source_id: 'ds', error: 'boom' })
      const frames = await s.waitFor(3)
      expect(frames[0]).toEqual({ retry: 250 })
      expect(frames[1]!.event).toBe('call.started')
      expect(JSON.parse(frames[1]!.data!)).toEqual({
        call_sid: 'CA1',
        direction: 'inbound',
        service_id: 'svc',
      })
      expect(Number(frames[2]!.id)).toBeGreaterThan(Number(frames[1]!.id))
    } finally {
      s.close()
    }
  })

  it('replays events after Last-Event-ID', async () => {
    const a = mock.emit('trigger.fired', { trigger_id: 't1', trigger_name: 'one' })
    mock.emit('trigger.fired', { trigger_id: 't2', trigger_name: 'two' })
    mock.emit('trigger.fired', { trigger_id: 't3', trigger_name: 'three' })
    const s = await readSse(mock, stream(), { 'last-event-id': String(a.id) })
    try {
      const frames = await s.waitFor(3)
      expect(frames.slice(1).map((f) => JSON.parse(f.data!).trigger_id)).toEqual(['t2', 't3'])
    } finally {
      s.close()
    }
  })

  it('Last-Event-ID 0 replays every buffered event; an empty one replays none', async () => {
    mock.emit('trigger.fired', { trigger_id: 'all-1', trigger_name: 'one' })
    const buffered = mock.events().filter((e) => e.workspaceId === mock.workspaceId).length
    const all = await readSse(mock, stream(), { 'last-event-id': '0' })
    try {
      const frames = await all.waitFor(1 + buffered)
      expect(JSON.parse(frames.at(-1)!.data!).trigger_id).toBe('all-1')
      expect(frames).toHaveLength(1 + buffered)
    } finally {
      all.close()
    }
    const none = await readSse(mock, stream(), { 'last-event-id': '' })
    try {
      mock.emit('trigger.fired', { trigger_id: 'after-empty', trigger_name: 'two' })
      const frames = await none.waitFor(2)
      expect(frames.slice(1).map((f) => JSON.parse(f.data!).trigger_id)).toEqual(['after-empty'])
    } finally {
      none.close()
    }
  })

  it('emits events when state changes', async () => {
    const s = await readSse(mock, stream())
    try {
      const trigger = mock.store.triggers.list()[0]!
      await call(mock, 'POST', `${ws(mock)}/triggers/${trigger.id}/fire`)
      const sid = mock.simulateCall({ durationMs: 20 })
      await s.waitFor(5)
      const names = s.events.map((e) => e.event)
      expect(names).toEqual(
        expect.arrayContaining(['trigger.fired', 'trigger.completed', 'call.started', 'call.ended']),
      )
      const started = s.events.find((e) => e.event === 'call.started')!
      expect(JSON.parse(started.data!).call_sid).toBe(sid)
    } finally {
      s.close()
    }
  })

  it('sends a structured too_many_streams error frame over the per-workspace cap', async () => {
    const a = await readSse(mock, stream())
    const b = await readSse(mock, stream())
    const c = await readSse(mock, stream())
    try {
      await c.ended
      const err = c.events.find((e) => e.event === 'error')!
      expect(JSON.parse(err.data!)).toMatchObject({ code: 'too_many_streams', max_streams: 2 })
    } finally {
      a.close()
      b.close()
    }
  })

  it('refuses a stream without a valid token', async () => {
    const res = await fetch(`${mock.url}${stream()}`, { headers: { authorization: 'Bearer nope' } })
    expect(res.status).toBe(401)
  })
})

const wsUrl = (path: string) => `${mock.url.replace('http', 'ws')}${path}`

function open(url: string, protocols?: string[]) {
  const sock = new WebSocket(url, protocols)
  const frames: any[] = []
  sock.on('message', (m) => frames.push(JSON.parse(m.toString())))
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    sock.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
  const opened = new Promise<void>((resolve, reject) => {
    sock.on('open', () => resolve())
    sock.on('error', reject)
  })
  return { sock, frames, closed, opened }
}

describe('observer WebSocket', () => {
  const observer = (sid: string) => wsUrl(`/v1/${mock.workspaceId}/observers/${sid}/ws`)

  it('streams scripted frames for a live call with subprotocol auth, then closes 1000', async () => {
    // Long enough for a loaded machine's handshake to come before the call ends.
    const sid = mock.simulateCall({ durationMs: 1000 })
    const c = open(observer(sid), ['auth', mock.apiKey])
    await c.opened
    expect(c.sock.protocol).toBe('auth')
    expect(await c.closed).toEqual({ code: WS_CLOSE.normal, reason: 'session ended' })
    const types = c.frames.map((f) => f.type)
    expect(types.at(-1)).toBe('session_end')
    expect(types[0]).toBe('session_info')
    expect(types).toContain('agent_transcript_delta')
    expect(
      c.frames
        .filter((f) => f.type === 'agent_transcript_delta')
        .map((f) => f.delta)
        .join(''),
    ).toBe(c.frames.find((f) => f.type === 'agent_transcript').transcript)
  })

  it('closes 4403 without auth, 4004 for an unknown call, 4100 for an expired token', async () => {
    const sid = mock.store.calls.list()[0]!.call_sid
    expect((await open(observer(sid)).closed).code).toBe(WS_CLOSE.auth)
    expect((await open(observer(sid), ['auth', 'wrong-token']).closed).code).toBe(4403)
    expect(
      (await open(observer('CA00000000000000000000000000000000'), ['auth', mock.apiKey]).closed).code,
    ).toBe(4004)
    const jwt = (
      await call(mock, 'POST', '/token', { headers: { authorization: '' }, form: { api_key: mock.apiKey } })
    ).body.access_token
    mock.expireToken(jwt)
    expect((await open(observer(sid), ['auth', jwt]).closed).code).toBe(4100)
  })
})

describe('text-stream WebSocket', () => {
  it('answers a message with token frames, the message and done; query token fallback works', async () => {
    const service = mock.store.services.list()[1]!.id
    const url = wsUrl(`/agent/text-stream?workspace_id=${mock.workspaceId}&service_id=${service}`)
    const c = open(url, ['auth', mock.apiKey])
    await c.opened
    c.sock.send(JSON.stringify({ type: 'message', text: 'Hello' }))
    await waitFor(() => c.frames.some((f) => f.type === 'done'), 2000, 'done frame')
    const msg = c.frames.find((f) => f.type === 'message')
    expect(msg.text).toBe('Hello! How can I help you today?')
    expect(
      c.frames
        .filter((f) => f.type === 'token')
        .map((f) => f.text)
        .join(''),
    ).toBe(msg.text)
    c.sock.send('not json')
    await waitFor(() => c.frames.some((f) => f.type === 'error'), 2000, 'error frame')
    expect(c.frames.find((f) => f.type === 'error').code).toBe('client_error')
    c.sock.close()
    const q = open(`${url}&token=${encodeURIComponent(mock.apiKey)}`)
    await q.opened
    q.sock.send(JSON.stringify({ type: 'message', text: 'I need an appointment' }))
    await waitFor(() => q.frames.some((f) => f.type === 'done'), 2000, 'done frame')
    expect(q.frames.find((f) => f.type === 'done').turn_count).toBe(1)
    q.sock.close()
    expect(
      (await open(wsUrl(`/agent/text-stream?workspace_id=${mock.workspaceId}&service_id=${service}`)).closed)
        .code,
    ).toBe(4403)
  })
})
