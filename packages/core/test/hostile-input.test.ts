// Ids and header values from somewhere else (a URL, a form, a webhook) never send a request where the
// caller did not mean, nor inject a header: each is refused before the first attempt with the SDK's
// own error class, naming what is wrong and never quoting the value.
import { inspect } from 'node:util'
import { json, startTestServer, type TestServer } from '@amigo-ai/test-server'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ConfigurationError, InvalidRequestError, NetworkError, Transport } from '../src/index'
import { API_KEY, makeTransport, rejectionOf, WORKSPACE } from './fixtures/helpers'

let server: TestServer
beforeEach(async () => {
  server = await startTestServer(json(200, { id: 'x', name: 'x' }))
})
afterEach(() => server.close())

const SECRET = 'sk-live-DO-NOT-PRINT-0123456789'
const printed = (value: unknown) => `${inspect(value, { depth: 8, showHidden: true })}\n${String(value)}`

describe('path parameters', () => {
  it('a dot-segment id is refused with nothing sent, from the typed helper and the untyped form', async () => {
    const t = makeTransport(server)
    for (const id of ['..', '.', '%2e%2E']) {
      const typed = await rejectionOf(
        t.DELETE('/v1/{workspace_id}/things/{thing_id}', { params: { path: { thing_id: id } } }),
      )
      expect(typed).toBeInstanceOf(InvalidRequestError)
      expect((typed as Error).message).toMatch(
        /^path parameter "thing_id" of DELETE \/v1\/\{workspace_id\}\/things\/\{thing_id\} is the dot segment/,
      )
      const untyped = await rejectionOf(
        t.request('get', '/v1/{workspace_id}/things/{thing_id}', { params: { path: { thing_id: id } } }),
      )
      expect(untyped).toBeInstanceOf(InvalidRequestError)
    }
    expect(server.requests).toHaveLength(0)
  })

  it('a refused id is not retried and reaches no hook', async () => {
    const seen: string[] = []
    const t = makeTransport(server, {
      maxRetries: 5,
      hooks: { onRequest: () => void seen.push('request'), onError: () => void seen.push('error') },
    })
    const err = await rejectionOf(
      t.GET('/v1/{workspace_id}/things/{thing_id}', { params: { path: { thing_id: `${SECRET}/x` } } }),
    )
    expect(err).toBeInstanceOf(InvalidRequestError)
    expect(printed(err)).not.toContain(SECRET)
    expect(seen).toEqual([])
    expect(server.requests).toHaveLength(0)
  })

  it('an id with ?, #, %, a line break or unicode arrives as exactly one segment decoding to it', async () => {
    const t = makeTransport(server)
    const ids = ['a?b=1', 'a#b', '%2F%2e', 'a\r\nX-Injected: 1', 'ü', '😀 x']
    for (const id of ids)
      await t.GET('/v1/{workspace_id}/things/{thing_id}', { params: { path: { thing_id: id } } })
    expect(server.requests.map((r) => r.url.split('/').length)).toEqual(ids.map(() => 5))
    expect(server.requests.map((r) => decodeURIComponent(r.url.split('/')[4] as string))).toEqual(ids)
    expect(server.requests.every((r) => r.headers['x-injected'] === undefined)).toBe(true)
  })
})

describe('workspaceId', () => {
  it('is checked like a path parameter when the transport is built, as a ConfigurationError', () => {
    for (const workspaceId of ['..', '.', '%2e', 'a/b', '\uDC00']) {
      let caught: unknown
      try {
        new Transport({ apiKey: API_KEY, workspaceId })
      } catch (error) {
        caught = error
      }
      expect(caught, workspaceId).toBeInstanceOf(ConfigurationError)
      expect((caught as Error).message).toMatch(/^workspaceId (is the dot segment|contains)/)
    }
    expect(() => new Transport({ apiKey: API_KEY, workspaceId: `${SECRET}/` })).toThrow(
      'workspaceId contains "/"',
    )
  })
})

describe('header values', () => {
  const injected = `v\r\nX-Injected: ${SECRET}`

  it('a userAgent with a line break is refused at construction without quoting it', () => {
    let caught: unknown
    try {
      makeTransport(server, { userAgent: injected })
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(ConfigurationError)
    expect((caught as Error).message).toMatch(/^userAgent contains characters not allowed in an HTTP header/)
    expect(printed(caught)).not.toContain(SECRET)
  })

  const calls: [string, (t: Transport) => Promise<unknown>, RegExp][] = [
    [
      'a per-call idempotencyKey',
      (t) => t.request('post', '/v1/{workspace_id}/things', { idempotencyKey: injected, body: {} }),
      /^idempotencyKey contains characters not allowed/,
    ],
    [
      'an idempotencyKey set with withOptions',
      async (t) => t.withOptions({ idempotencyKey: injected }),
      /^withOptions: idempotencyKey contains characters not allowed/,
    ],
    [
      'per-call headers',
      (t) => t.request('get', '/v1/{workspace_id}/things', { headers: { 'x-a': injected } }),
      /^headers: header "x-a" has an invalid name or value/,
    ],
    [
      'headers set with withOptions',
      async (t) => t.withOptions({ headers: [['x-a', injected]] }),
      /^withOptions: headers: header "x-a" has an invalid name or value/,
    ],
    [
      'a header parameter of the operation',
      (t) => t.request('get', '/v1/{workspace_id}/things', { params: { header: { 'x-a': injected } } }),
      /^params\.header: header "x-a" has an invalid name or value/,
    ],
    [
      'accept',
      (t) => t.request('get', '/v1/{workspace_id}/things', { accept: injected }),
      /^accept contains characters not allowed/,
    ],
    [
      'contentType',
      (t) => t.request('post', '/v1/{workspace_id}/things', { contentType: injected, body: {} }),
      /^contentType contains characters not allowed/,
    ],
    [
      'a non-Latin-1 idempotencyKey',
      (t) => t.request('post', '/v1/{workspace_id}/things', { idempotencyKey: 'ключ', body: {} }),
      /^idempotencyKey contains characters not allowed/,
    ],
  ]
  for (const [name, call, message] of calls) {
    it(`${name} with a line break is refused before any attempt, not retried as a NetworkError`, async () => {
      const t = makeTransport(server, { maxRetries: 3 })
      const err = await rejectionOf(call(t))
      expect(err).toBeInstanceOf(ConfigurationError)
      expect(err).not.toBeInstanceOf(NetworkError)
      expect((err as Error).message).toMatch(message)
      expect(printed(err)).not.toContain(SECRET)
      expect(server.requests).toHaveLength(0)
    })
  }

  it('a header value with another control character (fetch would refuse to send it) is refused before any attempt', async () => {
    const t = makeTransport(server, { maxRetries: 3 })
    const values: HeadersInit[] = [{ 'x-a': 'a\x01b' }, [['x-a', 'a\x1bb']]]
    for (const headers of [...values, { 'x-a': ['ok', '\x7f'] }]) {
      const err = await rejectionOf(t.request('get', '/v1/{workspace_id}/things', { headers }))
      expect(err).toBeInstanceOf(ConfigurationError)
      expect((err as Error).message).toMatch(/^headers: header "x-a" has an invalid name or value/)
    }
    expect(server.requests).toHaveLength(0)
  })

  it('a list of header pairs with a hole, or an invalid name with no values, is a ConfigurationError', async () => {
    const t = makeTransport(server)
    // biome-ignore lint/suspicious/noSparseArray: the hole is what is tested
    const holed = [['x-a', '1'], , ['x-b', '2']] as [string, string][]
    for (const headers of [holed, { 'bad name': [] }] as HeadersInit[]) {
      const err = await rejectionOf(t.request('get', '/v1/{workspace_id}/things', { headers }))
      expect(err).toBeInstanceOf(ConfigurationError)
      expect((err as Error).message).toMatch(/^headers: /)
    }
    expect(server.requests).toHaveLength(0)
  })

  it('well-formed values still go out unchanged', async () => {
    const t = makeTransport(server, { userAgent: 'my-app/1.0 (+https://example.test)' })
    await t.request('post', '/v1/{workspace_id}/things', {
      idempotencyKey: 'key-1',
      body: {},
      params: { header: { 'x-trace': 't-1' } },
    })
    const [req] = server.requests
    expect(req?.headers['idempotency-key']).toBe('key-1')
    expect(req?.headers['x-trace']).toBe('t-1')
    expect(req?.headers['x-amigo-client']).toBe('my-app/1.0 (+https://example.test)')
    expect(req?.path).toBe(`/v1/${WORKSPACE}/things`)
  })
})
