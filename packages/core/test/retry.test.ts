import {
  failTimes,
  json,
  rateLimited,
  resetConnection,
  sequence,
  startTestServer,
  type TestServer,
} from '@amigo-ai/test-server'
import { afterEach, describe, expect, it } from 'vitest'
import { type HttpMethod, isNetworkError, isRateLimitError, isServerError } from '../src/index'
import { makeTransport, rejectionOf } from './fixtures/helpers'

let server: TestServer
afterEach(() => server?.close())

const THING = '/v1/{workspace_id}/things/{thing_id}'
const params = { path: { thing_id: 't1' } }
const ok = json(200, { id: 't1', name: 'a' })
const body = (m: HttpMethod) =>
  m === 'get' || m === 'head' || m === 'options' || m === 'delete' ? undefined : { name: 'x' }

describe('retry table', () => {
  const safe: HttpMethod[] = ['get', 'head', 'options']
  const unsafe: HttpMethod[] = ['post', 'put', 'patch', 'delete']

  for (const method of safe) {
    for (const status of [408, 429, 500, 502, 503, 504]) {
      it(`${method.toUpperCase()} retries ${status} and then succeeds`, async () => {
        server = await startTestServer(failTimes(2, status, ok))
        const t = makeTransport(server)
        const res = await t.request(method, THING, { params })
        expect(res.response.status).toBe(200)
        expect(server.requests).toHaveLength(3)
      })
    }
    for (const status of [400, 401, 403, 404, 409, 422, 501]) {
      it(`${method.toUpperCase()} does not retry ${status}`, async () => {
        server = await startTestServer(failTimes(5, status, ok))
        const t = makeTransport(server)
        const err = await rejectionOf(t.request(method, THING, { params }))
        expect((err as { status: number }).status).toBe(status)
        expect(server.requests).toHaveLength(1)
      })
    }
  }

  for (const method of unsafe) {
    for (const status of [408, 429, 500, 502, 503, 504]) {
      it(`${method.toUpperCase()} does not retry ${status} without Retry-After`, async () => {
        server = await startTestServer(failTimes(5, status, ok))
        const t = makeTransport(server)
        await rejectionOf(t.request(method, THING, { params, body: body(method) }))
        expect(server.requests).toHaveLength(1)
      })
    }
    it(`${method.toUpperCase()} retries 429 with Retry-After`, async () => {
      server = await startTestServer(sequence(rateLimited({ retryAfter: 0 }), ok))
      const t = makeTransport(server)
      const res = await t.request(method, THING, { params, body: body(method) })
      expect(res.response.status).toBe(200)
      expect(server.requests).toHaveLength(2)
    })
    it(`${method.toUpperCase()} does not retry 503 even with Retry-After`, async () => {
      server = await startTestServer(failTimes(5, 503, ok, { headers: { 'retry-after': '0' } }))
      const t = makeTransport(server)
      await rejectionOf(t.request(method, THING, { params, body: body(method) }))
      expect(server.requests).toHaveLength(1)
    })
    it(`${method.toUpperCase()} with an idempotencyKey retries like a GET, same key each attempt`, async () => {
      server = await startTestServer(failTimes(2, 503, ok))
      const t = makeTransport(server)
      const res = await t.request(method, THING, { params, body: body(method), idempotencyKey: 'idem-1' })
      expect(res.response.status).toBe(200)
      expect(server.requests.map((r) => r.headers['idempotency-key'])).toEqual(['idem-1', 'idem-1', 'idem-1'])
    })
    it(`${method.toUpperCase()} is not retried after a connection reset`, async () => {
      server = await startTestServer(sequence(resetConnection(), ok))
      const t = makeTransport(server)
      const err = await rejectionOf(t.request(method, THING, { params, body: body(method) }))
      expect(isNetworkError(err)).toBe(true)
      expect(server.requests).toHaveLength(1)
    })
  }

  it('retries a GET after a connection reset', async () => {
    server = await startTestServer(sequence(resetConnection(), resetConnection(), ok))
    const res = await makeTransport(server).GET(THING, { params })
    expect(res.data).toEqual({ id: 't1', name: 'a' })
    expect(server.requests).toHaveLength(3)
  })

  it('resends the same body on every attempt', async () => {
    server = await startTestServer(
      failTimes(1, 429, json(201, { id: 'n', name: 'x' }), { headers: { 'retry-after': '0' } }),
    )
    await makeTransport(server).POST('/v1/{workspace_id}/things', { body: { name: 'x' } })
    expect(server.requests.map((r) => r.body)).toEqual(['{"name":"x"}', '{"name":"x"}'])
  })
})

describe('attempt budget', () => {
  it('gives up after maxAttempts (default 3) and throws the last error', async () => {
    server = await startTestServer(failTimes(10, 502, ok))
    const err = await rejectionOf(makeTransport(server).GET(THING, { params }))
    expect(isServerError(err)).toBe(true)
    expect(server.requests).toHaveLength(3)
  })

  it('retry.maxAttempts sets the total attempts', async () => {
    server = await startTestServer(failTimes(10, 500, ok))
    await rejectionOf(
      makeTransport(server, { retry: { maxAttempts: 5, baseDelayMs: 1 } }).GET(THING, { params }),
    )
    expect(server.requests).toHaveLength(5)
  })

  it('maxRetries: n means n + 1 attempts, per client, per view and per call', async () => {
    server = await startTestServer(failTimes(100, 500, ok))
    const t = makeTransport(server, { maxRetries: 1 })
    await rejectionOf(t.GET(THING, { params }))
    expect(server.requests).toHaveLength(2)
    await rejectionOf(t.withOptions({ maxRetries: 3 }).GET(THING, { params }))
    expect(server.requests).toHaveLength(2 + 4)
    await rejectionOf(t.withOptions({ maxRetries: 3 }).GET(THING, { params, maxRetries: 0 }))
    expect(server.requests).toHaveLength(6 + 1)
  })

  it('maxRetries wins over retry.maxAttempts', async () => {
    server = await startTestServer(failTimes(100, 500, ok))
    await rejectionOf(
      makeTransport(server, { retry: { maxAttempts: 5 }, maxRetries: 0 }).GET(THING, { params }),
    )
    expect(server.requests).toHaveLength(1)
  })

  it('a 429 that exhausts the budget surfaces RateLimitError with retryAfter in seconds', async () => {
    server = await startTestServer(rateLimited({ retryAfter: 0 }))
    const err = await rejectionOf(makeTransport(server, { maxRetries: 1 }).GET(THING, { params }))
    expect(isRateLimitError(err)).toBe(true)
    expect((err as { retryAfter?: number }).retryAfter).toBe(0)
    expect(server.requests).toHaveLength(2)
  })
})

describe('delays', () => {
  it('honours Retry-After in seconds', async () => {
    server = await startTestServer(sequence(rateLimited({ retryAfter: '0.3' }), ok))
    const started = Date.now()
    await makeTransport(server, { retry: { baseDelayMs: 1, maxDelayMs: 5_000 } }).GET(THING, { params })
    expect(Date.now() - started).toBeGreaterThanOrEqual(280)
  })

  it('honours Retry-After as an HTTP date (capped at maxDelayMs)', async () => {
    const inAMinute = new Date(Date.now() + 60_000).toUTCString()
    server = await startTestServer(sequence(rateLimited({ retryAfter: inAMinute }), ok))
    const started = Date.now()
    await makeTransport(server, { retry: { baseDelayMs: 1, maxDelayMs: 150 } }).GET(THING, { params })
    const elapsed = Date.now() - started
    expect(elapsed).toBeGreaterThanOrEqual(140)
    expect(elapsed).toBeLessThan(5_000)
    expect(server.requests).toHaveLength(2)
  })

  it('a past HTTP date retries immediately', async () => {
    const past = new Date(Date.now() - 60_000).toUTCString()
    server = await startTestServer(sequence(rateLimited({ retryAfter: past }), ok))
    const started = Date.now()
    // Were the date ignored, the backoff wait would be up to 60 s (over 3 s in 95 % of draws).
    await makeTransport(server, { retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 } }).GET(THING, { params })
    expect(Date.now() - started).toBeLessThan(3_000)
  })

  it('backoff waits are capped by maxDelayMs', async () => {
    server = await startTestServer(failTimes(4, 503, ok))
    const started = Date.now()
    await makeTransport(server, { retry: { maxAttempts: 5, baseDelayMs: 10_000, maxDelayMs: 30 } }).GET(
      THING,
      {
        params,
      },
    )
    expect(Date.now() - started).toBeLessThan(3_000)
    expect(server.requests).toHaveLength(5)
  })
})
