import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { type MockPlatform, parseFault } from '../src/index'
import { call, startTestMock, ws } from './helpers'
import { readSse } from './sse-client'

let mock: MockPlatform
beforeAll(async () => {
  mock = await startTestMock({ sseRetryMs: 50 })
})
afterAll(() => mock?.close())

const agents = () => `${ws(mock)}/agents`

describe('x-mock-fault header', () => {
  it('parses the short form and JSON, and rejects unknown keys by name', () => {
    expect(parseFault('status=503;times=2')).toEqual({ status: 503, times: 2 })
    expect(parseFault('status=429;retry-after=7')).toEqual({ status: 429, retryAfter: 7 })
    expect(parseFault('{"latencyMs":5}')).toEqual({ latencyMs: 5 })
    expect(() => parseFault('explode')).toThrow(/unknown key "explode"/)
    expect(() => parseFault('{"statuss":500}')).toThrow(/unknown key "statuss"/)
  })

  it('fails N times with a status, then answers normally', async () => {
    const h = { 'x-mock-fault': 'status=503;times=2' }
    expect((await call(mock, 'GET', agents(), { headers: h })).status).toBe(503)
    expect((await call(mock, 'GET', agents(), { headers: h })).status).toBe(503)
    expect((await call(mock, 'GET', agents(), { headers: h })).status).toBe(200)
  })

  it('answers 429 with Retry-After', async () => {
    const res = await call(mock, 'GET', agents(), { headers: { 'x-mock-fault': 'status=429;retry-after=3' } })
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('3')
  })

  it('adds latency', async () => {
    const t = performance.now()
    await call(mock, 'GET', agents(), { headers: { 'x-mock-fault': 'latency=60' } })
    expect(performance.now() - t).toBeGreaterThanOrEqual(55)
  })

  it('resets the connection', async () => {
    await expect(call(mock, 'GET', agents(), { headers: { 'x-mock-fault': 'reset' } })).rejects.toThrow()
  })

  it('holds a half-open request until the client gives up', async () => {
    const res = fetch(`${mock.url}${agents()}`, {
      headers: { authorization: `Bearer ${mock.apiKey}`, 'x-mock-fault': 'half-open' },
      signal: AbortSignal.timeout(100),
    })
    await expect(res).rejects.toThrow(/abort|timeout/i)
  })

  it('sends malformed JSON with a JSON content type', async () => {
    const res = await fetch(`${mock.url}${agents()}`, {
      headers: { authorization: `Bearer ${mock.apiKey}`, 'x-mock-fault': 'malformed-json' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json')
    await expect(res.json()).rejects.toThrow()
  })

  it('answers 400 naming a bad fault header', async () => {
    const res = await call(mock, 'GET', agents(), { headers: { 'x-mock-fault': 'status=abc' } })
    expect(res.status).toBe(400)
    expect(res.body.detail).toMatch(/status/)
  })
})

describe('server-wide faults', () => {
  it('applies to matching requests and can be disarmed', async () => {
    const disarm = mock.injectFault({ status: 500, path: agents(), method: 'GET' })
    expect((await call(mock, 'GET', agents())).status).toBe(500)
    expect((await call(mock, 'GET', `${ws(mock)}/services`)).status).toBe(200)
    disarm()
    expect((await call(mock, 'GET', agents())).status).toBe(200)
    mock.injectFault({ status: 502, times: 1 })
    expect((await call(mock, 'GET', agents())).status).toBe(502)
    expect((await call(mock, 'GET', agents())).status).toBe(200)
  })

  it('a RegExp path with the g or y flag matches every request it names, not every other one', async () => {
    // RegExp#test on a g/y expression resumes at lastIndex, so a second identical path could miss.
    for (const path of [/\/agents$/g, /\/v1\//y]) {
      const disarm = mock.injectFault({ status: 503, path })
      try {
        const statuses = []
        for (let i = 0; i < 3; i++) statuses.push((await call(mock, 'GET', agents())).status)
        expect(statuses, String(path)).toEqual([503, 503, 503])
      } finally {
        disarm()
      }
    }
  })

  it('cuts SSE streams every K events', async () => {
    const stream = await readSse(mock, `${ws(mock)}/events/stream`, { 'x-mock-fault': 'sse-drop-every=2' })
    for (let i = 0; i < 3; i++) mock.emit('pipeline.error', { data_source_id: `ds-${i}`, error: 'boom' })
    const ended = await stream.ended
    expect(ended.error).toBeDefined()
    expect(stream.events.filter((e) => e.event === 'pipeline.error')).toHaveLength(2)
  })

  it('kills WebSockets without a close frame', async () => {
    // A live call: the observation of an ended call closes with 1000 at once.
    const sid = mock.simulateCall({ durationMs: 60_000 })
    const sock = new WebSocket(
      `${mock.url.replace('http', 'ws')}/v1/${mock.workspaceId}/observers/${sid}/ws`,
      ['auth', mock.apiKey],
      {
        headers: { 'x-mock-fault': 'ws-kill=10' },
      },
    )
    const code = await new Promise<number>((resolve) => sock.on('close', (c) => resolve(c)))
    expect(code).toBe(1006)
  })

  it('kills open WebSockets when a server-wide ws-kill is injected', async () => {
    const sid = mock.simulateCall({ durationMs: 60_000 })
    const url = `${mock.url.replace('http', 'ws')}/v1/${mock.workspaceId}/observers/${sid}/ws`
    const sock = new WebSocket(url, ['auth', mock.apiKey])
    await new Promise((resolve) => sock.once('message', resolve))
    const closed = new Promise<number>((resolve) => sock.on('close', (c) => resolve(c)))
    const disarm = mock.injectFault({ wsKill: true, times: 0 })
    expect(await closed).toBe(1006)
    disarm()
  })
})
