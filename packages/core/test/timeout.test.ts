import {
  delayed,
  halfOpen,
  json,
  sequence,
  startTestServer,
  type TestServer,
  truncatedBody,
} from '@amigo-ai/test-server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { isNetworkError, isRequestTimeoutError, RequestTimeoutError } from '../src/index'
import { makeTransport, rejectionOf } from './fixtures/helpers'

let server: TestServer
afterEach(() => server?.close())

const slow = (ms: number) => delayed(ms, json(200, { ok: true }))

describe('timeouts', () => {
  it('a per-client timeout → RequestTimeoutError, not retried, and the socket is released', async () => {
    // false once the request arrived, true once its connection closed (undefined: it never arrived).
    let closed: boolean | undefined
    server = await startTestServer((req, res) => {
      closed = false
      req.raw.socket.once('close', () => {
        closed = true
      })
      return slow(5_000)(req, res)
    })
    const started = Date.now()
    const err = await rejectionOf(makeTransport(server, { timeout: 150 }).GET('/health'))
    expect(err).toBeInstanceOf(RequestTimeoutError)
    expect(isRequestTimeoutError(err)).toBe(true)
    expect((err as RequestTimeoutError).timeoutMs).toBe(150)
    expect((err as Error).message).toBe('Request timed out after 150ms')
    expect(Date.now() - started).toBeLessThan(2_000)
    // The aborted fetch closes the request's connection, so nothing is left waiting on the 5 s
    // response. On a loaded machine the request may never have reached the server: none to close.
    await vi.waitFor(() => expect(closed).not.toBe(false), { timeout: 4_000, interval: 20 })
    expect(server.requests.length).toBeLessThanOrEqual(1)
  })

  it('a per-call timeout overrides the client one', async () => {
    server = await startTestServer(slow(80))
    const t = makeTransport(server, { timeout: 20 })
    await expect(t.GET('/health', { timeout: 2_000 })).resolves.toMatchObject({ data: { ok: true } })
    await expect(t.GET('/health')).rejects.toBeInstanceOf(RequestTimeoutError)
  })

  // Node 20 and 22's fetch re-sends a request answered 421 on a new connection by itself, and when
  // the first answer's body is cut off the fetch never settles, even once its signal aborts.
  it('a GET answered 421 with a cut-off body ends with the timeout, on every Node.js', async () => {
    server = await startTestServer(truncatedBody(421))
    const started = Date.now()
    const err = await rejectionOf(makeTransport(server, { timeout: 200, maxRetries: 0 }).GET('/health'))
    expect(isRequestTimeoutError(err)).toBe(true)
    expect((err as RequestTimeoutError).timeoutMs).toBe(200)
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it("a GET answered 421 with a cut-off body ends when the caller's signal aborts", async () => {
    server = await startTestServer(truncatedBody(421))
    const controller = new AbortController()
    const call = makeTransport(server, { timeout: 60_000 }).GET('/health', { signal: controller.signal })
    setTimeout(() => controller.abort(new Error('caller gave up')), 100)
    await expect(call).rejects.toThrow('caller gave up')
  })

  it('a fetch, or an answer body, that ignores the abort still ends with the timeout', async () => {
    const neverEnds = () => new ReadableStream({ pull: () => new Promise<void>(() => {}) })
    const fetches: Record<string, typeof fetch> = {
      'fetch never settles': () => new Promise(() => {}),
      'body never ends': async () => new Response(neverEnds(), { status: 200 }),
    }
    for (const [what, fetch] of Object.entries(fetches)) {
      const t = makeTransport({ url: 'http://127.0.0.1:9' }, { timeout: 100, maxRetries: 0, fetch })
      expect(isRequestTimeoutError(await rejectionOf(t.GET('/health'))), what).toBe(true)
    }
  })

  it('a half-open server (never answers) is cut off by the timeout', async () => {
    server = await startTestServer(halfOpen())
    const err = await rejectionOf(makeTransport(server, { timeout: 60 }).GET('/health'))
    expect(isRequestTimeoutError(err)).toBe(true)
    expect(isNetworkError(err)).toBe(true)
  })

  it('the timeout also covers a body that stalls after the headers', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' })
      res.write('{"partial":')
    })
    const err = await rejectionOf(makeTransport(server, { timeout: 80 }).GET('/health'))
    expect(isRequestTimeoutError(err)).toBe(true)
  })

  it('a body cut off mid-way is a NetworkError and a GET retries it', async () => {
    server = await startTestServer(sequence(truncatedBody(), json(200, { ok: true })))
    const r = await makeTransport(server).GET('/health')
    expect(r.data).toEqual({ ok: true })
    expect(server.requests).toHaveLength(2)
  })

  it('the timeout is per attempt: a slow first attempt does not eat the budget of a retry', async () => {
    // Each attempt takes 600 ms, well within the 1 s timeout on a loaded machine; together they exceed it.
    server = await startTestServer(sequence(delayed(600, json(503, {})), slow(600)))
    const r = await makeTransport(server, { timeout: 1_000 }).GET('/health')
    expect(r.data).toEqual({ ok: true })
  })
})

describe('cancellation', () => {
  it('aborting the signal rejects with its reason and does not retry', async () => {
    server = await startTestServer(slow(5_000))
    const controller = new AbortController()
    const p = makeTransport(server).GET('/health', { signal: controller.signal })
    await expect.poll(() => server.requests.length, { timeout: 5_000 }).toBe(1)
    controller.abort(new Error('user gave up'))
    const err = await rejectionOf(p)
    expect((err as Error).message).toBe('user gave up')
    expect(server.requests).toHaveLength(1)
  })

  it('an abort without a reason surfaces as an AbortError', async () => {
    server = await startTestServer(slow(5_000))
    const controller = new AbortController()
    const p = makeTransport(server).GET('/health', { signal: controller.signal })
    await expect.poll(() => server.requests.length, { timeout: 5_000 }).toBe(1)
    controller.abort()
    const err = await rejectionOf(p)
    expect((err as Error).name).toBe('AbortError')
    expect(isRequestTimeoutError(err)).toBe(false)
  })

  it('aborting during a retry wait stops at once', async () => {
    // Retry-After makes the wait 10 s exactly: a jittered backoff may be short enough for the retry
    // to be sent before the first request is seen.
    server = await startTestServer(json(503, {}, { 'retry-after': '10' }))
    const controller = new AbortController()
    const p = makeTransport(server, { retry: { baseDelayMs: 10_000, maxDelayMs: 10_000 } }).GET('/health', {
      signal: controller.signal,
    })
    await expect.poll(() => server.requests.length, { timeout: 5_000 }).toBe(1)
    const started = Date.now()
    controller.abort(new Error('stop'))
    await expect(p).rejects.toThrow('stop')
    expect(Date.now() - started).toBeLessThan(500)
    expect(server.requests).toHaveLength(1)
  })

  it('an already-aborted signal sends nothing', async () => {
    server = await startTestServer(json(200, {}))
    await expect(
      makeTransport(server).GET('/health', { signal: AbortSignal.abort(new Error('early')) }),
    ).rejects.toThrow('early')
    expect(server.requests).toHaveLength(0)
  })

  it('the caller can still cancel a stream after it is returned', async () => {
    let socketClosed: Promise<void> | undefined
    server = await startTestServer((req, res) => {
      socketClosed = new Promise((r) => req.raw.socket.once('close', () => r()))
      res.writeHead(200, { 'content-type': 'text/event-stream' })
      res.write('data: 1\n\n')
    })
    const controller = new AbortController()
    const r = await makeTransport(server).GET('/stream', { parseAs: 'stream', signal: controller.signal })
    const reader = (r.data as ReadableStream<Uint8Array>).getReader()
    await reader.read()
    controller.abort()
    await expect(reader.read()).rejects.toBeDefined()
    await socketClosed
  })
})
