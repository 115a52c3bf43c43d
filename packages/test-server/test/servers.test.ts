import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import {
  failTimes,
  halfOpen,
  json,
  malformedJson,
  rateLimited,
  resetConnection,
  sse,
  startTestServer,
  startWsServer,
  type TestServer,
  type TestWsServer,
  waitFor,
} from '../src/index'

let server: TestServer | undefined
let wsServer: TestWsServer | undefined
afterEach(async () => {
  await server?.close()
  await wsServer?.close()
  server = wsServer = undefined
})

describe('startTestServer', () => {
  it('records requests and routes by method and path', async () => {
    server = await startTestServer({ 'POST /echo': (req, res) => json(201, { got: req.json() })(req, res) })
    const res = await fetch(`${server.url}/echo?x=1`, { method: 'POST', body: '{"a":1}' })
    expect(res.status).toBe(201)
    expect(await res.json()).toEqual({ got: { a: 1 } })
    expect(server.requests).toHaveLength(1)
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      path: '/echo',
      url: '/echo?x=1',
      body: '{"a":1}',
    })
    expect(server.requests[0]!.query.get('x')).toBe('1')
    expect((await fetch(`${server.url}/nope`)).status).toBe(404)
  })

  it('failTimes then succeeds; rateLimited sets Retry-After', async () => {
    server = await startTestServer(failTimes(2, 503, json(200, { ok: true })))
    expect((await fetch(server.url)).status).toBe(503)
    expect((await fetch(server.url)).status).toBe(503)
    expect((await fetch(server.url)).status).toBe(200)
    server.setHandler(rateLimited({ retryAfter: 2 }))
    const res = await fetch(server.url)
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('2')
  })

  it('malformed JSON, reset and half-open; close() frees a hanging socket', async () => {
    server = await startTestServer({
      '/bad': malformedJson(),
      '/reset': resetConnection(),
      '/hang': halfOpen(),
    })
    await expect((await fetch(`${server.url}/bad`)).json()).rejects.toThrow()
    await expect(fetch(`${server.url}/reset`)).rejects.toThrow()
    const hanging = fetch(`${server.url}/hang`).catch((e: unknown) => e)
    await new Promise((r) => setTimeout(r, 30))
    expect(server.connections.size).toBeGreaterThan(0)
    await server.close()
    expect(await hanging).toBeInstanceOf(Error)
  })

  it('writes SSE frames', async () => {
    server = await startTestServer((_req, res) => {
      const w = sse(res)
      w.comment('hi')
      w.send({ id: '1', event: 'tick', data: { n: 1 }, retry: 10 })
      w.send({ data: 'a\nb' })
      w.end()
    })
    const res = await fetch(server.url)
    expect(res.headers.get('content-type')).toBe('text/event-stream')
    expect(await res.text()).toBe(
      ': hi\n\nid: 1\nevent: tick\nretry: 10\ndata: {"n":1}\n\ndata: a\ndata: b\n\n',
    )
  })
})

describe('startWsServer', () => {
  it('accepts, exchanges messages and kills connections', async () => {
    wsServer = await startWsServer()
    const client = new WebSocket(`${wsServer.url}/socket?token=x`)
    const conn = await wsServer.nextConnection()
    expect(conn.request.url).toBe('/socket?token=x')
    await new Promise((r) => client.once('open', r))
    client.send('hello')
    expect(await conn.nextMessage()).toBe('hello')
    const got = new Promise((r) => client.once('message', (d) => r(String(d))))
    conn.send({ type: 'pong' })
    expect(await got).toBe('{"type":"pong"}')
    const closed = new Promise<number>((r) => client.once('close', (code) => r(code)))
    conn.kill()
    expect(await closed).toBe(1006)
  })

  it('refuses upgrades via verify', async () => {
    wsServer = await startWsServer({ verify: () => 401 })
    const client = new WebSocket(wsServer.url)
    client.on('error', () => {})
    const status = await new Promise<number | undefined>((r) =>
      client.once('unexpected-response', (_req, res) => {
        r(res.statusCode)
        client.terminate()
      }),
    )
    expect(status).toBe(401)
  })
})

describe('waitFor', () => {
  it('resolves once the check holds, and rejects naming what it waited for after the timeout', async () => {
    let ticks = 0
    const timer = setInterval(() => ticks++, 1)
    try {
      await waitFor(() => ticks >= 3, 1000, 'three ticks')
      expect(ticks).toBeGreaterThanOrEqual(3)
      await expect(waitFor(() => false, 20, 'never')).rejects.toThrow(
        'timed out after 20 ms waiting for never',
      )
    } finally {
      clearInterval(timer)
    }
  })
})
