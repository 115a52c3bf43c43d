import { json, malformedJson, startTestServer, type TestServer, text } from '@amigo-ai/test-server'
import { afterEach, describe, expect, it } from 'vitest'
import {
  AmigoError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  errorFromResponse,
  isAmigoError,
  isAuthenticationError,
  isBadRequestError,
  isConfigurationError,
  isConflictError,
  isNetworkError,
  isNotFoundError,
  isParseError,
  isPermissionError,
  isRateLimitError,
  isRequestTimeoutError,
  isServerError,
  isServiceUnavailableError,
  isValidationError,
  NetworkError,
  NotFoundError,
  ParseError,
  PermissionError,
  RateLimitError,
  RequestTimeoutError,
  ServerError,
  ServiceUnavailableError,
  ValidationError,
} from '../src/index'
import { API_KEY, makeTransport, rejectionOf } from './fixtures/helpers'

let server: TestServer
afterEach(() => server?.close())

const THING = '/v1/{workspace_id}/things/{thing_id}'
const params = { path: { thing_id: 't1' } }

describe('status → error class', () => {
  const table: [number, new (...a: any[]) => AmigoError, (e: unknown) => boolean][] = [
    [400, BadRequestError, isBadRequestError],
    [401, AuthenticationError, isAuthenticationError],
    [403, PermissionError, isPermissionError],
    [404, NotFoundError, isNotFoundError],
    [409, ConflictError, isConflictError],
    [422, ValidationError, isValidationError],
    [429, RateLimitError, isRateLimitError],
    [500, ServerError, isServerError],
    [502, ServerError, isServerError],
    [503, ServiceUnavailableError, isServiceUnavailableError],
  ]
  for (const [status, Cls, guard] of table) {
    it(`${status} → ${Cls.name} with status, message, requestId, headers and body`, async () => {
      server = await startTestServer(
        json(status, { detail: `boom ${status}` }, { 'x-request-id': `req-${status}` }),
      )
      const err = await rejectionOf(makeTransport(server, { maxRetries: 0 }).GET(THING, { params }))
      expect(err).toBeInstanceOf(Cls)
      expect(err).toBeInstanceOf(AmigoError)
      expect(guard(err)).toBe(true)
      expect(isAmigoError(err)).toBe(true)
      const e = err as AmigoError
      expect(e.name).toBe(Cls.name)
      expect(e.status).toBe(status)
      expect(e.statusCode).toBe(status)
      expect(e.message).toBe(`boom ${status}`)
      expect(e.requestId).toBe(`req-${status}`)
      expect(e.headers?.get('x-request-id')).toBe(`req-${status}`)
      expect(e.body).toEqual({ detail: `boom ${status}` })
    })
  }

  it('ServiceUnavailableError is also a ServerError', () => {
    const e = errorFromResponse({ status: 503, headers: new Headers(), body: undefined })
    expect(e).toBeInstanceOf(ServerError)
    expect(isServerError(e)).toBe(true)
    expect(isNotFoundError(e)).toBe(false)
  })

  it('other 4xx keep the root class with their status; other 5xx are ServerError', () => {
    const e410 = errorFromResponse({ status: 410, headers: new Headers(), body: undefined })
    expect(e410.constructor).toBe(AmigoError)
    expect(e410.status).toBe(410)
    expect(errorFromResponse({ status: 507, headers: new Headers(), body: undefined })).toBeInstanceOf(
      ServerError,
    )
  })
})

describe('error bodies', () => {
  const cases: [string, unknown, string, Partial<AmigoError>][] = [
    ['FastAPI detail string', { detail: 'Agent not found' }, 'Agent not found', {}],
    [
      'FastAPI detail object',
      { detail: { error_code: 'slug_taken', message: 'Slug already used' } },
      'Slug already used',
      { errorCode: 'slug_taken' },
    ],
    [
      'legacy flat body',
      { error_code: 'quota', message: 'Quota exceeded', request_id: 'body-req' },
      'Quota exceeded',
      { errorCode: 'quota', requestId: 'body-req' },
    ],
    [
      'OAuth error body',
      { error: 'invalid_grant', error_description: 'Refresh token expired' },
      'Refresh token expired',
      { errorCode: 'invalid_grant' },
    ],
  ]
  for (const [name, body, message, extra] of cases) {
    it(name, async () => {
      server = await startTestServer(json(409, body))
      const err = (await rejectionOf(makeTransport(server).GET(THING, { params }))) as AmigoError
      expect(err.message).toBe(message)
      expect(err).toMatchObject(extra)
      expect(err.body).toEqual(body)
    })
  }

  it('`detail` carries the FastAPI detail as received, whatever its shape; `message` is unchanged', async () => {
    server = await startTestServer(json(400, { detail: 'Invalid message' }))
    const bad = (await rejectionOf(makeTransport(server).GET(THING, { params }))) as AmigoError
    expect(isBadRequestError(bad)).toBe(true)
    expect(bad).toMatchObject({ statusCode: 400, detail: 'Invalid message', message: 'Invalid message' })
    expect(bad.toJSON()).toMatchObject({ detail: 'Invalid message' })
    await server.close()

    const objectDetail = { error_code: 'slug_taken', message: 'Slug already used' }
    server = await startTestServer(json(409, { detail: objectDetail }))
    const conflict = (await rejectionOf(makeTransport(server).GET(THING, { params }))) as AmigoError
    expect(conflict.detail).toEqual(objectDetail)
    expect(conflict.message).toBe('Slug already used')
    await server.close()

    const list = [{ loc: ['body', 'name'], msg: 'Field required', type: 'missing' }]
    server = await startTestServer(json(422, { detail: list }))
    const invalid = (await rejectionOf(makeTransport(server).GET(THING, { params }))) as ValidationError
    expect(invalid.detail).toEqual(list)
    expect(invalid.issues).toEqual(list)
    await server.close()

    // Bodies without `detail` (OAuth, legacy flat, text) leave it undefined.
    server = await startTestServer(json(400, { error: 'invalid_grant', error_description: 'expired' }))
    const oauth = (await rejectionOf(makeTransport(server).GET(THING, { params }))) as AmigoError
    expect(oauth.detail).toBeUndefined()
    await server.close()
    server = await startTestServer(text(404, 'no such thing', 'text/plain'))
    const plain = (await rejectionOf(makeTransport(server).GET(THING, { params }))) as AmigoError
    expect(plain.detail).toBeUndefined()
  })

  it('a `detail` that echoes the key or a bearer token is redacted like the message', async () => {
    server = await startTestServer(
      json(400, { detail: `bad key ${API_KEY}; Authorization: Bearer abc.def.ghi` }),
    )
    const err = (await rejectionOf(makeTransport(server).GET(THING, { params }))) as AmigoError
    expect(String(err.detail)).not.toContain(API_KEY)
    expect(String(err.detail)).not.toContain('abc.def.ghi')
    expect(String(err.detail)).toContain('[REDACTED]')
  })

  it('FastAPI validation list → ValidationError with issues and a readable message', async () => {
    const detail = [
      { loc: ['body', 'name'], msg: 'Field required', type: 'missing' },
      { loc: ['query', 'limit'], msg: 'Input should be less than or equal to 20', type: 'less_than_equal' },
    ]
    server = await startTestServer(json(422, { detail }))
    const err = await rejectionOf(
      makeTransport(server).POST('/v1/{workspace_id}/things', { body: { name: '' } }),
    )
    expect(isValidationError(err)).toBe(true)
    const e = err as ValidationError
    expect(e.issues).toEqual(detail)
    expect(e.message).toBe('body.name: Field required; query.limit: Input should be less than or equal to 20')
  })

  it('a header x-request-id wins over the body request_id', async () => {
    server = await startTestServer(
      json(404, { detail: 'x', request_id: 'from-body' }, { 'x-request-id': 'from-header' }),
    )
    const err = (await rejectionOf(makeTransport(server).GET(THING, { params }))) as AmigoError
    expect(err.requestId).toBe('from-header')
  })

  it('a non-JSON error body still gives the right class, with the text as message and body', async () => {
    server = await startTestServer(text(404, 'no such thing', 'text/plain'))
    const err = (await rejectionOf(makeTransport(server).GET(THING, { params }))) as AmigoError
    expect(isNotFoundError(err)).toBe(true)
    expect(err.message).toBe('no such thing')
    expect(err.body).toBe('no such thing')
  })

  it('an HTML error page is not the message, which names the status; the page stays in body', async () => {
    const page = `<!DOCTYPE html>\r\n<html><head><title>502 Bad Gateway</title></head>${'x'.repeat(5000)}</html>`
    server = await startTestServer(text(502, page, 'text/html'))
    const err = (await rejectionOf(
      makeTransport(server, { maxRetries: 0 }).GET(THING, { params }),
    )) as AmigoError
    expect(isServerError(err)).toBe(true)
    expect(err.message).toBe('Request failed with status 502')
    expect(err.body).toBe(page)
  })

  it('a long text error body is clipped in the message', async () => {
    server = await startTestServer(text(502, `upstream failed: ${'x'.repeat(5000)}`, 'text/plain'))
    const err = (await rejectionOf(
      makeTransport(server, { maxRetries: 0 }).GET(THING, { params }),
    )) as AmigoError
    expect(err.message).toMatch(/^upstream failed: x+…$/)
    expect(err.message.length).toBeLessThan(600)
  })

  it('an empty error body gives the right class and a generic message', async () => {
    server = await startTestServer(json(401))
    const err = (await rejectionOf(makeTransport(server).GET(THING, { params }))) as AmigoError
    expect(isAuthenticationError(err)).toBe(true)
    expect(err.message).toBe('Request failed with status 401')
    expect(err.body).toBeUndefined()
  })

  it('malformed JSON in an error body keeps the class and the raw text', async () => {
    server = await startTestServer(malformedJson(403))
    const err = (await rejectionOf(makeTransport(server).GET(THING, { params }))) as AmigoError
    expect(isPermissionError(err)).toBe(true)
    expect(err.body).toBe('{"truncated": ')
  })

  it('malformed JSON on a success response → ParseError (not retried)', async () => {
    server = await startTestServer(malformedJson(200, { 'x-request-id': 'r-parse' }))
    const err = await rejectionOf(makeTransport(server).GET(THING, { params }))
    expect(err).toBeInstanceOf(ParseError)
    expect(isParseError(err)).toBe(true)
    expect((err as ParseError).status).toBe(200)
    expect((err as ParseError).requestId).toBe('r-parse')
    expect(server.requests).toHaveLength(1)
  })

  it('connection refused → NetworkError', async () => {
    server = await startTestServer()
    const url = server.url
    await server.close()
    const err = await rejectionOf(makeTransport({ url }, { maxRetries: 0 }).GET(THING, { params }))
    expect(err).toBeInstanceOf(NetworkError)
    expect(isNetworkError(err)).toBe(true)
    expect(isRequestTimeoutError(err)).toBe(false)
    expect((err as Error).message).toMatch(/Network error/)
  })
})

describe('guards across two installed copies', () => {
  // Simulates an error created by another copy of the package: a different class, same brand.
  const foreign = (kinds: string[]) => {
    const e = new Error('from the other copy')
    Object.defineProperty(e, Symbol.for('amigo-ai.error'), { value: kinds })
    return e
  }

  it('brand-based guards and instanceof accept it', () => {
    const e = foreign(['NotFoundError', 'AmigoError'])
    expect(e instanceof AmigoError).toBe(true)
    expect(e instanceof NotFoundError).toBe(true)
    expect(e instanceof RateLimitError).toBe(false)
    expect(isNotFoundError(e)).toBe(true)
    expect(isAmigoError(e)).toBe(true)
    expect(AmigoError.isInstance(e)).toBe(true)
    expect(NotFoundError.isInstance(e)).toBe(true)
    expect(RateLimitError.isInstance(e)).toBe(false)
    expect(isRateLimitError(e)).toBe(false)
  })

  it('guards reject lookalikes and primitives', () => {
    const lookalike = Object.assign(new Error('x'), { name: 'NotFoundError', status: 404 })
    for (const v of [lookalike, null, undefined, 'NotFoundError', 404, {}]) {
      expect(isNotFoundError(v)).toBe(false)
      expect(isAmigoError(v)).toBe(false)
    }
  })

  it('subclass guards follow the hierarchy', () => {
    const timeout = new RequestTimeoutError('t', { timeoutMs: 5 })
    expect(isRequestTimeoutError(timeout)).toBe(true)
    expect(isNetworkError(timeout)).toBe(true)
    expect(isServerError(timeout)).toBe(false)
    expect(isConfigurationError(timeout)).toBe(false)
    expect(NetworkError.isInstance(timeout)).toBe(true)
    expect(timeout.name).toBe('RequestTimeoutError')
  })

  it("RequestTimeoutError takes the single-package SDK's positional (message, timeoutMs, cause) too", () => {
    const cause = new TypeError('aborted')
    const positional = new RequestTimeoutError('timed out', 5_000, cause)
    expect(positional).toMatchObject({ message: 'timed out', timeoutMs: 5_000, cause })
    expect(isRequestTimeoutError(positional)).toBe(true)
    expect(new RequestTimeoutError('timed out', 250).timeoutMs).toBe(250)
    expect(new RequestTimeoutError('timed out', { timeoutMs: 7, cause })).toMatchObject({
      timeoutMs: 7,
      cause,
    })
  })
})

describe('secrets', () => {
  it('an error body that echoes the key or a bearer token never reaches the message', async () => {
    server = await startTestServer(
      json(401, { detail: `invalid key ${API_KEY} (Authorization: Bearer abc.def.ghi)` }),
    )
    const err = (await rejectionOf(makeTransport(server).GET(THING, { params }))) as AmigoError
    expect(err.message).not.toContain(API_KEY)
    expect(err.message).not.toContain('abc.def.ghi')
    expect(err.message).toContain('[REDACTED]')
    expect(String(err.stack)).not.toContain(API_KEY)
  })

  it('errors serialise without the key', async () => {
    server = await startTestServer(json(500, { detail: 'down' }))
    const err = await rejectionOf(makeTransport(server).GET(THING, { params }))
    expect(JSON.stringify(err)).not.toContain(API_KEY)
    expect(JSON.stringify(err)).toContain('down')
  })
})

describe('subclassing AmigoError from other packages', () => {
  it('a subclass with its own kind is branded with it and all ancestors', () => {
    class StreamError extends NetworkError {
      static override readonly kind: string = 'StreamError'
    }
    const e = new StreamError('s')
    expect(e.name).toBe('StreamError')
    expect(StreamError.isInstance(e)).toBe(true)
    expect(isNetworkError(e)).toBe(true)
    expect(isAmigoError(e)).toBe(true)
  })

  it('a subclass without kind falls back to its class name', () => {
    class PlainError extends AmigoError {}
    const e = new PlainError('p')
    expect(e.name).toBe('PlainError')
    expect(isAmigoError(e)).toBe(true)
    expect(Object.keys(e)).not.toContain('name')
    // Without a kind of its own, instanceof is the ordinary prototype check.
    expect(e instanceof PlainError).toBe(true)
    expect(new NotFoundError('other') instanceof PlainError).toBe(false)
  })
})
