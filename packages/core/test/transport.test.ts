import { delayed, type Handler, json, startTestServer, type TestServer } from '@amigo-ai/test-server'
import { afterEach, describe, expect, it } from 'vitest'
import { InvalidRequestError, Transport, VERSION, withResponseMetadata } from '../src/index'
import { API_KEY, makeTransport, rejectionOf, WORKSPACE } from './fixtures/helpers'
import type { paths } from './fixtures/paths'

let server: TestServer
afterEach(() => server?.close())

const echo: Handler = (req, res) =>
  json(200, { id: 'echo', name: req.path, method: req.method, query: req.url.split('?')[1] ?? '' })(req, res)

describe('requests', () => {
  it('sends Bearer auth, identification headers and JSON, and fills {workspace_id}', async () => {
    server = await startTestServer(json(201, { id: 'n1', name: 'x' }))
    const res = await makeTransport(server).POST('/v1/{workspace_id}/things', { body: { name: 'x' } })
    const [req] = server.requests
    expect(req!.path).toBe(`/v1/${WORKSPACE}/things`)
    expect(req!.method).toBe('POST')
    expect(req!.headers.authorization).toBe(`Bearer ${API_KEY}`)
    expect(req!.headers['content-type']).toBe('application/json')
    expect(req!.headers.accept).toBe('application/json')
    expect(req!.headers['x-amigo-client']).toBe(`@amigo-ai/core/${VERSION}`)
    expect(req!.headers['user-agent']).toMatch(
      new RegExp(`^@amigo-ai/core/${VERSION.replace(/\./g, '\\.')} node/`),
    )
    expect(JSON.parse(req!.body)).toEqual({ name: 'x' })
    expect(res.data).toEqual({ id: 'n1', name: 'x' })
  })

  it('userAgent names the calling SDK', async () => {
    server = await startTestServer(echo)
    await makeTransport(server, { userAgent: '@amigo-ai/platform-sdk/9.9.9' }).GET('/health')
    expect(server.requests[0]!.headers['x-amigo-client']).toBe('@amigo-ai/platform-sdk/9.9.9')
    expect(server.requests[0]!.headers['user-agent']).toMatch(/^@amigo-ai\/platform-sdk\/9\.9\.9/)
  })

  it('the configured workspace id wins over one passed by hand', async () => {
    server = await startTestServer(echo)
    await makeTransport(server).GET('/v1/{workspace_id}/things/{thing_id}', {
      params: { path: { workspace_id: 'ws-evil', thing_id: 'a b?c' } },
    })
    expect(server.requests[0]!.url).toBe(`/v1/${WORKSPACE}/things/a%20b%3Fc`)
  })

  it('serialises query params (arrays repeated) and a nested value fails before sending', async () => {
    server = await startTestServer(echo)
    await makeTransport(server).GET('/v1/{workspace_id}/things', {
      params: { query: { limit: 5, tag: ['a', 'b'] } },
    })
    expect(server.requests[0]!.url).toBe(`/v1/${WORKSPACE}/things?limit=5&tag=a&tag=b`)
    const err = await rejectionOf(
      makeTransport(server).request('get', '/v1/{workspace_id}/things', {
        params: { query: { tag: [['nested']] } },
      }),
    )
    expect(err).toBeInstanceOf(InvalidRequestError)
    expect((err as Error).message).toContain(
      'query parameter "tag" must be a string, number, boolean or valid Date, or a list of them',
    )
    expect(server.requests).toHaveLength(1)
  })

  it('a missing path parameter fails before sending', async () => {
    server = await startTestServer(echo)
    const err = await rejectionOf(
      makeTransport(server).request('get', '/v1/{workspace_id}/things/{thing_id}'),
    )
    expect(err).toBeInstanceOf(InvalidRequestError)
    expect((err as Error).message).toContain('"thing_id"')
    expect(server.requests).toHaveLength(0)
  })

  it('a trailing slash on baseUrl is removed', async () => {
    server = await startTestServer(echo)
    await makeTransport(server, { baseUrl: `${server.url}/prefix//` }).GET('/health')
    expect(server.requests[0]!.path).toBe('/prefix/health')
  })

  it('calls an apiKey getter before every attempt', async () => {
    let n = 0
    const tokens: string[] = []
    server = await startTestServer((req, res) => {
      tokens.push(String(req.headers.authorization))
      return json(tokens.length < 2 ? 503 : 200, { ok: true })(req, res)
    })
    await makeTransport(server, { apiKey: async () => `tok-${++n}` }).GET('/health')
    expect(tokens).toEqual(['Bearer tok-1', 'Bearer tok-2'])
  })

  it('auth: false sends no Authorization; an explicit Authorization header is kept', async () => {
    server = await startTestServer(echo)
    const t = makeTransport(server)
    await t.request('get', '/health', { auth: false })
    await t.request('get', '/health', { headers: { Authorization: 'Bearer other' } })
    expect(server.requests[0]!.headers.authorization).toBeUndefined()
    expect(server.requests[1]!.headers.authorization).toBe('Bearer other')
  })

  it('custom body serializer and content type', async () => {
    server = await startTestServer(echo)
    await makeTransport(server).request('post', '/upload', {
      body: { a: 1 },
      bodySerializer: (b) => new URLSearchParams(b as Record<string, string>).toString(),
      contentType: 'application/x-www-form-urlencoded',
    })
    expect(server.requests[0]!.body).toBe('a=1')
    expect(server.requests[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded')
  })
})

describe('results', () => {
  it('resolves to { data, response, requestId, rateLimit } with numeric rate limits', async () => {
    server = await startTestServer(
      json(
        200,
        { id: 't1', name: 'a' },
        {
          'x-request-id': 'req-1',
          'x-ratelimit-limit': '100',
          'x-ratelimit-remaining': '99',
          'x-ratelimit-reset': '1700000000',
          'retry-after': '3',
        },
      ),
    )
    const r = await makeTransport(server).GET('/v1/{workspace_id}/things/{thing_id}', {
      params: { path: { thing_id: 't1' } },
    })
    expect(r.data).toEqual({ id: 't1', name: 'a' })
    expect(r.requestId).toBe('req-1')
    expect(r.rateLimit).toEqual({
      limit: 100,
      remaining: 99,
      reset: new Date(1700000000 * 1000),
      retryAfter: 3,
    })
    expect(r.data._request_id).toBe('req-1')
    expect(r.data.lastResponse.rateLimit.remaining).toBe(99)
    expect(r.response.headers.get('content-type')).toBe('application/json')
  })

  it('missing rate-limit headers are null, never NaN; a missing request id is an empty string', async () => {
    server = await startTestServer(json(200, {}, { 'x-ratelimit-remaining': 'lots' }))
    const r = await makeTransport(server).GET('/health')
    expect(r.rateLimit).toEqual({ limit: null, remaining: null, reset: null, retryAfter: null })
    expect(r.requestId).toBe('')
  })

  it('204 and 205 give undefined data; HEAD and OPTIONS work', async () => {
    server = await startTestServer({
      'DELETE /v1/ws-123/things/t1': json(204),
      'PUT /v1/ws-123/things/t1': (_req, res) => {
        res.writeHead(205).end()
      },
      'HEAD /health': json(200, { ignored: true }),
      'OPTIONS /health': json(204, undefined, { allow: 'GET, HEAD' }),
    })
    const t = makeTransport(server)
    const path = { params: { path: { thing_id: 't1' } } }
    expect((await t.DELETE('/v1/{workspace_id}/things/{thing_id}', path)).data).toBeUndefined()
    expect(
      (await t.PUT('/v1/{workspace_id}/things/{thing_id}', { ...path, body: { name: 'n' } })).data,
    ).toBeUndefined()
    const head = await t.HEAD('/health')
    expect(head.data).toBeUndefined()
    expect(head.response.status).toBe(200)
    expect((await t.OPTIONS('/health')).response.headers.get('allow')).toBe('GET, HEAD')
  })

  it('parseAs text, arrayBuffer and blob', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' })
      res.end(Buffer.from([1, 2, 3]))
    })
    const t = makeTransport(server)
    const ab = (await t.request('get', '/bin', { parseAs: 'arrayBuffer' })).data as ArrayBuffer
    expect([...new Uint8Array(ab)]).toEqual([1, 2, 3])
    const blob = (await t.request('get', '/bin', { parseAs: 'blob' })).data as Blob
    expect(blob.size).toBe(3)
    const txt = (await t.request('get', '/bin', { parseAs: 'text' })).data
    expect(txt).toBe('\u0001\u0002\u0003')
  })

  it('parseAs stream returns the body untouched and the timeout does not cut it', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' })
      res.write('data: 1\n\n')
      // After the client's 1 s timeout (started before the request reached the server) has passed.
      setTimeout(() => res.end('data: 2\n\n'), 1_200)
    })
    const r = await makeTransport(server).GET('/stream', {
      parseAs: 'stream',
      accept: 'text/event-stream',
      timeout: 1_000,
    })
    expect(server.requests[0]!.headers.accept).toBe('text/event-stream')
    const text = await new Response(r.data as ReadableStream).text()
    expect(text).toBe('data: 1\n\ndata: 2\n\n')
  })

  it('withResponseMetadata attaches non-enumerable _request_id and lastResponse', async () => {
    server = await startTestServer(
      json(200, { id: 't1', name: 'a' }, { 'x-request-id': 'meta-1', 'x-ratelimit-remaining': '7' }),
    )
    const r = await makeTransport(server).GET('/v1/{workspace_id}/things/{thing_id}', {
      params: { path: { thing_id: 't1' } },
    })
    const thing = withResponseMetadata(r.data, r)
    expect(thing._request_id).toBe('meta-1')
    expect(thing.lastResponse.statusCode).toBe(200)
    expect(thing.lastResponse.requestId).toBe('meta-1')
    expect(thing.lastResponse.rateLimit.remaining).toBe(7)
    expect(thing.lastResponse.headers.get('x-request-id')).toBe('meta-1')
    expect(Object.keys(thing)).toEqual(['id', 'name'])
    expect(JSON.stringify(thing)).toBe('{"id":"t1","name":"a"}')
    expect({ ...thing }).toEqual({ id: 't1', name: 'a' })
    expect(withResponseMetadata(undefined, r)).toBeUndefined()
    expect(withResponseMetadata('s', r)).toBe('s')
  })
})

describe('withOptions', () => {
  it('layers headers, timeout and maxRetries without touching the parent', async () => {
    server = await startTestServer(echo)
    const base = makeTransport(server, { headers: { 'x-a': 'client', 'x-b': 'client' } })
    const view = base.withOptions({ headers: { 'x-b': 'view', 'x-c': 'view' } })
    const nested = view.withOptions({ headers: { 'x-c': 'nested', 'x-a': null } })
    await nested.GET('/health', { headers: { 'x-d': 'call' } })
    await base.GET('/health')
    const [n, b] = server.requests
    expect([n!.headers['x-a'], n!.headers['x-b'], n!.headers['x-c'], n!.headers['x-d']]).toEqual([
      undefined,
      'view',
      'nested',
      'call',
    ])
    expect([b!.headers['x-a'], b!.headers['x-b'], b!.headers['x-c']]).toEqual(['client', 'client', undefined])
    expect(nested).toBeInstanceOf(Transport)
  })

  it('takes headers as a Headers, pairs or a record in every layer, names compared without case', async () => {
    server = await startTestServer(echo)
    const client = new Headers({ 'X-A': 'client' })
    client.append('x-list', 'h1')
    client.append('x-list', 'h2')
    const base = makeTransport(server, { headers: client })
    const view = base.withOptions({
      headers: [
        ['x-pairs', 'p1'],
        ['X-Pairs', 'p2'],
        ['x-b', 'view'],
      ],
    })
    await view.request('get', '/health', {
      headers: { 'X-B': 'call', 'x-c': ['c1', 2, true], 'x-skip': undefined, 'x-list': null },
      params: { header: { 'x-a': null, 'X-D': 'param' } },
    })
    const h = server.requests[0]!.headers
    expect([h['x-a'], h['x-list'], h['x-pairs'], h['x-b'], h['x-c'], h['x-d']]).toEqual([
      undefined,
      undefined,
      'p1, p2',
      'call',
      'c1, 2, true',
      'param',
    ])
    expect(h).not.toHaveProperty('x-skip')
    await base.GET('/health')
    expect([server.requests[1]!.headers['x-a'], server.requests[1]!.headers['x-list']]).toEqual([
      'client',
      'h1, h2',
    ])
  })

  it('a view timeout applies; a per-call timeout overrides it', async () => {
    server = await startTestServer(delayed(100, json(200, { ok: true })))
    const view = makeTransport(server).withOptions({ timeout: 30 })
    await expect(view.GET('/health')).rejects.toMatchObject({ name: 'RequestTimeoutError' })
    await expect(view.GET('/health', { timeout: 2_000 })).resolves.toMatchObject({ data: { ok: true } })
  })

  it('rejects bad options with a clear error', () => {
    const t = new Transport<paths>({ apiKey: API_KEY, workspaceId: WORKSPACE })
    expect(() => t.withOptions({ timeout: 0 })).toThrow(/withOptions: timeout must be a positive number/)
  })
})

describe('relative baseUrl (BFF proxy)', () => {
  it('hands the relative URL, method, headers and body to the custom fetch', async () => {
    server = await startTestServer(echo)
    const seen: { url: string; method?: string; auth?: string | null }[] = []
    const proxyFetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input)
      seen.push({ url, method: init?.method, auth: new Headers(init?.headers).get('authorization') })
      // The proxy forwards to the real server, as a Next.js route would.
      return fetch(`${server.url}${url.replace('/api/platform', '')}`, init)
    }
    const t = new Transport<paths>({
      apiKey: 'bff-proxy',
      workspaceId: 'ws-id',
      baseUrl: '/api/platform/',
      fetch: proxyFetch as typeof fetch,
    })
    const r = await t.POST('/v1/{workspace_id}/things', { body: { name: 'via-proxy' } })
    expect(seen).toEqual([{ url: '/api/platform/v1/ws-id/things', method: 'POST', auth: 'Bearer bff-proxy' }])
    expect(server.requests[0]!.body).toBe('{"name":"via-proxy"}')
    expect(r.response.status).toBe(200)
    await t.GET('/v1/{workspace_id}/things', { params: { query: { limit: 2 } } })
    expect(seen[1]!.url).toBe('/api/platform/v1/ws-id/things?limit=2')
  })
})

describe('bad input', () => {
  it('a GET with a body fails as InvalidRequestError without sending or retrying', async () => {
    server = await startTestServer(echo)
    const err = await rejectionOf(makeTransport(server).request('get', '/health', { body: { a: 1 } }))
    expect(err).toBeInstanceOf(InvalidRequestError)
    expect((err as Error).message).toMatch(/could not build the request/)
    expect(server.requests).toHaveLength(0)
  })

  it('a body JSON cannot write is refused naming its kind, not sent as {} or as no body', async () => {
    server = await startTestServer(echo)
    const t = makeTransport(server)
    const bodies: [unknown, string][] = [
      [new Blob(['{"a":1}'], { type: 'application/json' }), 'Blob'],
      [new TextEncoder().encode('{"a":1}'), 'Uint8Array'],
      [new ArrayBuffer(4), 'ArrayBuffer'],
      [new Map([['a', 1]]), 'Map'],
      [new Set([1]), 'Set'],
      [new URLSearchParams({ a: '1' }), 'URLSearchParams'],
      [() => ({ a: 1 }), 'Function'],
      [Symbol('a'), 'Symbol'],
    ]
    for (const [body, kind] of bodies) {
      const err = await rejectionOf(t.request('post', '/x', { body }))
      expect(err).toBeInstanceOf(InvalidRequestError)
      expect((err as Error).message).toBe(
        `could not build the request: a ${kind} body cannot be sent as JSON: pass a bodySerializer`,
      )
    }
    expect(server.requests).toHaveLength(0)
    // Such a body goes as the caller's serializer writes it.
    await t.request('post', '/x', {
      body: new Uint8Array([104, 105]),
      bodySerializer: (b) => new Blob([b as Uint8Array<ArrayBuffer>]),
    })
    expect(server.requests[0]?.body).toBe('hi')
  })

  it('a value JSON would send as null, or cannot write, is refused naming its field', async () => {
    server = await startTestServer(echo)
    const t = makeTransport(server)
    const bodies: [unknown, string][] = [
      [{ limit: Number.NaN }, 'body field "limit" (NaN)'],
      [{ range: { max: Number.POSITIVE_INFINITY } }, 'body field "max" (Infinity)'],
      [{ items: [1, Number.NEGATIVE_INFINITY] }, 'body field "1" (-Infinity)'],
      [{ due: new Date('not a date') }, 'body field "due" (an invalid Date)'],
      [{ id: 12345678901234567890n }, 'body field "id" (a BigInt)'],
      [Number.NaN, 'body (NaN)'],
    ]
    for (const [body, what] of bodies) {
      const err = await rejectionOf(t.request('patch', '/x', { body }))
      expect(err).toBeInstanceOf(InvalidRequestError)
      expect((err as Error).message).toBe(`could not build the request: ${what} cannot be sent as JSON`)
      // A BigInt's digits are not quoted.
      expect((err as Error).message).not.toContain('1234567890')
    }
    expect(server.requests).toHaveLength(0)
    // null itself, a valid Date and finite numbers go as they are.
    await t.request('patch', '/x', { body: { a: null, at: new Date(0), n: -1.5 } })
    expect(server.requests[0]?.body).toBe('{"a":null,"at":"1970-01-01T00:00:00.000Z","n":-1.5}')
  })

  it('a body serializer that throws fails as InvalidRequestError', async () => {
    server = await startTestServer(echo)
    const err = await rejectionOf(
      makeTransport(server).request('post', '/x', {
        body: {},
        bodySerializer: () => {
          throw new Error('cannot serialise')
        },
      }),
    )
    expect(err).toBeInstanceOf(InvalidRequestError)
    expect(server.requests).toHaveLength(0)
  })

  it('FormData bodies keep a matching multipart boundary, also through a relative-base proxy', async () => {
    server = await startTestServer(echo)
    const form = new FormData()
    form.set('file', new Blob(['hello']), 'a.txt')
    const proxy = (async (input: RequestInfo | URL, init?: RequestInit) =>
      fetch(`${server.url}${String(input)}`, init)) as typeof fetch
    const hooks = { onRequest: async ({ request }: { request: Request }) => void (await request.formData()) }
    for (const t of [
      makeTransport(server, { hooks }),
      new Transport({ apiKey: API_KEY, workspaceId: WORKSPACE, baseUrl: '/', fetch: proxy, hooks }),
    ]) {
      await t.request('post', '/upload', { body: form, bodySerializer: (b) => b as FormData })
    }
    for (const r of server.requests) {
      const boundary = String(r.headers['content-type']).split('boundary=')[1]
      expect(r.body).toContain(`--${boundary}`)
      expect(r.body).toContain('hello')
    }
    expect(server.requests).toHaveLength(2)
  })
})

describe('custom fetch', () => {
  it('a mock fetch receives a Request and its Response is used as is', async () => {
    const seen: Request[] = []
    const mock = (async (input: RequestInfo | URL) => {
      seen.push(input as Request)
      return new Response(JSON.stringify({ id: 'm', name: 'mocked' }), {
        status: 200,
        headers: { 'content-type': 'application/json', 'x-request-id': 'mock-1' },
      })
    }) as typeof fetch
    const t = new Transport<paths>({ apiKey: API_KEY, workspaceId: WORKSPACE, fetch: mock })
    const r = await t.GET('/v1/{workspace_id}/things/{thing_id}', { params: { path: { thing_id: 'x' } } })
    expect(r.data).toEqual({ id: 'm', name: 'mocked' })
    expect(r.requestId).toBe('mock-1')
    expect(seen[0]!.url).toBe(`https://api.platform.amigo.ai/v1/${WORKSPACE}/things/x`)
    expect(seen[0]!.headers.get('authorization')).toBe(`Bearer ${API_KEY}`)
  })

  it('the global fetch is looked up at call time', async () => {
    const original = globalThis.fetch
    const t = new Transport<paths>({ apiKey: API_KEY, workspaceId: WORKSPACE })
    globalThis.fetch = (async () => new Response('{"ok":true}', { status: 200 })) as typeof fetch
    try {
      expect((await t.GET('/health')).data).toEqual({ ok: true })
    } finally {
      globalThis.fetch = original
    }
  })
})
