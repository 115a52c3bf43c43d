// The shapes code written for the single-package SDK 0.46 relies on: error classes built directly,
// the typed views of an error body, per-call retry settings, fetch options and header values of any
// primitive type. Against a loopback server where a request is involved.
import { failTimes, json, startTestServer, type TestServer, text } from '@amigo-ai/test-server'
import { afterEach, describe, expect, it } from 'vitest'
import {
  AmigoError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  isHttpException,
  isHttpValidationError,
  isNetworkError,
  isUnparseableErrorBody,
  NetworkError,
  NotFoundError,
  ParseError,
  PermissionError,
  RateLimitError,
  ServerError,
  ServiceUnavailableError,
  ValidationError,
} from '../src/index'
import { makeTransport, rejectionOf } from './fixtures/helpers'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('error classes built directly', () => {
  it('carry the status their class stands for, unless one is given', () => {
    const expected: Array<[AmigoError, number]> = [
      [new BadRequestError(''), 400],
      [new AuthenticationError(''), 401],
      [new PermissionError(''), 403],
      [new NotFoundError(''), 404],
      [new ConflictError(''), 409],
      [new ValidationError(''), 422],
      [new RateLimitError(''), 429],
      [new ServerError(''), 500],
      [new ServiceUnavailableError(''), 503],
    ]
    for (const [error, status] of expected) {
      expect(error.statusCode).toBe(status)
      expect(error.status).toBe(status)
    }
    expect(new ServerError('x', { statusCode: 502 }).statusCode).toBe(502)
    expect(new AmigoError('x').statusCode).toBeUndefined()
  })

  it('take the official context fields', () => {
    const error = new NotFoundError('Resource not found', {
      errorCode: 'resource_not_found',
      requestId: 'req-123',
      detail: 'The agent was not found',
      context: { agent: 'a1' },
      errorBody: { detail: 'The agent was not found' },
      rawBody: '{"detail":"The agent was not found"}',
    })
    expect(error).toMatchObject({
      errorCode: 'resource_not_found',
      requestId: 'req-123',
      detail: 'The agent was not found',
      context: { agent: 'a1' },
      rawBody: '{"detail":"The agent was not found"}',
    })
    expect(isHttpException(error)).toBe(true)
    expect(error.toJSON()).toMatchObject({ statusCode: 404, context: { agent: 'a1' } })
    expect(new RateLimitError('slow down', { retryAfter: 30 }).retryAfter).toBe(30)
  })

  it('NetworkError takes a cause and ParseError a body text, positionally as well', () => {
    const cause = new TypeError('fetch failed')
    expect(new NetworkError('down', cause).cause).toBe(cause)
    expect(new NetworkError('down', { cause }).cause).toBe(cause)
    expect(isNetworkError(new NetworkError('down', 'a string cause'))).toBe(true)
    expect(new ParseError('bad', '<html>').body).toBe('<html>')
    expect(new ParseError('bad', { body: { a: 1 } }).body).toEqual({ a: 1 })
  })
})

describe('error bodies, as the API sends them', () => {
  it('FastAPI detail, validation list and a text body each have their guard', async () => {
    server = await startTestServer({
      'GET /v1/ws-123/things/a': json(404, { detail: 'no such thing', error_code: 'not_found' }),
      'GET /v1/ws-123/things/b': json(422, {
        detail: [{ loc: ['query', 'limit'], msg: 'too big', type: 'x' }],
      }),
      'GET /v1/ws-123/things/c': text(400, '<html>bad gateway</html>'),
    })
    const t = makeTransport(server)
    const get = (id: string) =>
      rejectionOf(t.GET('/v1/{workspace_id}/things/{thing_id}', { params: { path: { thing_id: id } } }))
    const [a, b, c] = await Promise.all([get('a'), get('b'), get('c')])
    expect(isHttpException(a)).toBe(true)
    expect(isHttpValidationError(a)).toBe(false)
    expect((a as NotFoundError).errorBody).toEqual({ detail: 'no such thing', error_code: 'not_found' })
    expect(isHttpValidationError(b)).toBe(true)
    expect(isHttpException(b)).toBe(false)
    expect(isUnparseableErrorBody(c)).toBe(true)
    expect((c as BadRequestError).rawBody).toBe('<html>bad gateway</html>')
    expect((c as BadRequestError).errorBody).toMatchObject({ raw_body: '<html>bad gateway</html>' })
    expect([a, b, c].map((e) => isUnparseableErrorBody(e))).toEqual([false, false, true])
  })
})

describe('per-call options of the single-package SDK', () => {
  it('retry settings per call and per withOptions view, over the client defaults', async () => {
    server = await startTestServer({ 'GET /health': failTimes(2, 503, json(200, { ok: true })) })
    const once = makeTransport(server, { retry: { maxAttempts: 1 } })
    expect(await rejectionOf(once.GET('/health'))).toBeInstanceOf(ServiceUnavailableError)
    const r = await once.GET('/health', { retry: { maxAttempts: 3, baseDelayMs: 1 } })
    expect(r.data).toEqual({ ok: true })
    server.requests.length = 0
    const scoped = once.withOptions({ retry: { maxAttempts: 5 } })
    await expect(scoped.GET('/health', { retry: { baseDelayMs: 1 } })).resolves.toBeDefined()
  })

  it('fetch options (redirect, cache, ...) reach fetch; header values may be numbers, booleans and lists', async () => {
    server = await startTestServer({
      'GET /v1/ws-123/things': (_req, res) => {
        res.writeHead(302, { location: '/elsewhere' }).end()
      },
    })
    const seen: RequestInit[] = []
    const t = makeTransport(server, {
      fetch: async (input, init) => {
        const request = input instanceof Request ? input : new Request(input, init)
        seen.push({ redirect: request.redirect, cache: request.cache })
        return fetch(request)
      },
    })
    const error = await rejectionOf(
      t.GET('/v1/{workspace_id}/things', {
        redirect: 'manual',
        cache: 'no-store',
        headers: { 'x-count': 3, 'x-flag': true, 'x-list': ['a', 'b'] },
      }),
    )
    expect(seen[0]).toEqual({ redirect: 'manual', cache: 'no-store' })
    expect((error as AmigoError).status).toBe(302)
    const sent = server.requests[0]!.headers
    expect([sent['x-count'], sent['x-flag'], sent['x-list']]).toEqual(['3', 'true', 'a, b'])
  })
})
