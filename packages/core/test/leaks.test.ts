import { inspect } from 'node:util'
import { json, startTestServer, type TestServer } from '@amigo-ai/test-server'
import { afterEach, describe, expect, it } from 'vitest'
import { type AmigoError, ConfigurationError, errorFromResponse, Transport } from '../src/index'
import { API_KEY, makeTransport, rejectionOf, WORKSPACE } from './fixtures/helpers'

let server: TestServer | undefined
afterEach(() => server?.close())

// Everything a user might print: plain and hidden properties, every depth, and JSON.
const printed = (value: unknown) =>
  [
    inspect(value, { depth: Number.POSITIVE_INFINITY }),
    inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    JSON.stringify(value) ?? '',
  ].join('\n')

describe('printing a transport never shows its credentials', () => {
  it('console.log / util.inspect / JSON.stringify of a transport and its withOptions view', () => {
    const t = new Transport({
      apiKey: API_KEY,
      workspaceId: WORKSPACE,
      baseUrl: 'https://api.example.test',
      headers: { 'x-extra-key': API_KEY },
    })
    for (const value of [t, t.withOptions({ timeout: 5, headers: { 'x-other': API_KEY } }), { client: t }]) {
      const out = printed(value)
      expect(out).not.toContain(API_KEY)
      expect(out).toContain(WORKSPACE)
      expect(out).toContain('https://api.example.test')
    }
    expect(JSON.parse(JSON.stringify(t))).toEqual({
      baseUrl: 'https://api.example.test',
      workspaceId: WORKSPACE,
    })
  })

  it('a key taken from a getter is not printed after it was used', async () => {
    server = await startTestServer(json(200, { id: 'x', name: 'n' }))
    const t = makeTransport(server, { apiKey: () => API_KEY })
    await t.GET('/v1/{workspace_id}/things/{thing_id}', { params: { path: { thing_id: 'x' } } })
    expect(printed(t)).not.toContain(API_KEY)
  })
})

describe('an error body that echoes the key', () => {
  it('is redacted in the error body, its JSON and its inspect output, not only its message', async () => {
    server = await startTestServer(json(401, { detail: { message: `bad key ${API_KEY}`, got: [API_KEY] } }))
    const err = (await rejectionOf(
      makeTransport(server).GET('/v1/{workspace_id}/things/{thing_id}', {
        params: { path: { thing_id: 'x' } },
      }),
    )) as AmigoError
    expect(printed(err)).not.toContain(API_KEY)
    expect(err.body).toEqual({ detail: { message: 'bad key [REDACTED]', got: ['[REDACTED]'] } })
  })

  it('in x-request-id it is redacted in the requestId and JSON of the error', async () => {
    server = await startTestServer(json(404, { detail: 'gone' }, { 'x-request-id': `req-${API_KEY}` }))
    const err = (await rejectionOf(
      makeTransport(server).GET('/v1/{workspace_id}/things/{thing_id}', {
        params: { path: { thing_id: 'x' } },
      }),
    )) as AmigoError
    expect(err.requestId).toBe('req-[REDACTED]')
    expect(JSON.stringify(err)).not.toContain(API_KEY)
  })

  it('in the content-type and request id of a success that is not JSON, it is redacted in the ParseError', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': `application/json; k=${API_KEY}`, 'x-request-id': API_KEY })
      res.end('{not json')
    })
    const err = (await rejectionOf(
      makeTransport(server).GET('/v1/{workspace_id}/things/{thing_id}', {
        params: { path: { thing_id: 'x' } },
      }),
    )) as AmigoError
    expect(err.name).toBe('ParseError')
    expect(err.message).toBe(
      'Response body (status 200, content-type application/json; k=[REDACTED]) is not valid JSON',
    )
    expect(err.requestId).toBe('[REDACTED]')
  })

  it("in a success's body that is not JSON, even its start is kept out of the ParseError's cause", async () => {
    // The engine's message quotes the body, whole when short, else its first characters.
    for (const body of [API_KEY, `${API_KEY} and more text after it, to be cut`]) {
      server = await startTestServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(body)
      })
      const err = (await rejectionOf(makeTransport(server).GET('/health'))) as AmigoError
      server.close()
      expect(err.name).toBe('ParseError')
      const cause = err.cause as Error
      expect(cause).toBeInstanceOf(SyntaxError)
      expect(cause.message).toContain('not valid JSON')
      expect(inspect(err)).not.toContain(API_KEY.slice(0, 8))
    }
  })

  it('nested deeper than any real error body, it is cut off rather than kept', async () => {
    let deep: unknown = { key: API_KEY }
    for (let i = 0; i < 40; i++) deep = { inner: deep }
    server = await startTestServer(json(400, { detail: deep }))
    const err = (await rejectionOf(
      makeTransport(server).GET('/v1/{workspace_id}/things/{thing_id}', {
        params: { path: { thing_id: 'x' } },
      }),
    )) as AmigoError
    expect(JSON.stringify(err.body)).not.toContain(API_KEY)
    expect(JSON.stringify(err.body)).toContain('"inner":"[REDACTED]"')
    expect(err.message).not.toContain(API_KEY)
  })

  it('a validation error whose loc nests 20,000 deep is a ValidationError, not a retried NetworkError', async () => {
    const loc = `${'['.repeat(20_000)}"body"${']'.repeat(20_000)}`
    const text = `{"detail":[{"loc":${loc},"msg":"bad","type":"value_error"}]}`
    server = await startTestServer((_req, res) => {
      res.writeHead(422, { 'content-type': 'application/json' }).end(text)
    })
    const err = (await rejectionOf(
      makeTransport(server, { maxRetries: 2 }).GET('/v1/{workspace_id}/things/{thing_id}', {
        params: { path: { thing_id: 'x' } },
      }),
    )) as AmigoError
    expect(err.name).toBe('ValidationError')
    expect(server.requests).toHaveLength(1)
  })

  it('keeps a "__proto__" key of the body as data, not as the prototype of the body', async () => {
    const text = `{"__proto__":{"polluted":"${API_KEY}"},"detail":{"__proto__":"x","k":"${API_KEY}"}}`
    server = await startTestServer((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' }).end(text)
    })
    const err = (await rejectionOf(
      makeTransport(server).GET('/v1/{workspace_id}/things/{thing_id}', {
        params: { path: { thing_id: 'x' } },
      }),
    )) as AmigoError
    const body = err.body as Record<string, unknown>
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype)
    expect(body.polluted).toBeUndefined()
    expect(Object.keys(body)).toEqual(['__proto__', 'detail'])
    expect(JSON.stringify(body)).toBe(
      '{"__proto__":{"polluted":"[REDACTED]"},"detail":{"__proto__":"x","k":"[REDACTED]"}}',
    )
  })

  it('errorFromResponse leaves the body untouched when no secrets are given', () => {
    const body = { detail: 'plain' }
    expect(errorFromResponse({ status: 400, headers: new Headers(), body }).body).toBe(body)
  })
})

describe('a key that cannot go into a header', () => {
  // The runtime's own error for a bad header value quotes the value, which would be the key.
  it('a configured key with a line break is refused without echoing it', () => {
    let caught: unknown
    try {
      new Transport({ apiKey: `${API_KEY}\nX-Injected: 1`, workspaceId: WORKSPACE })
    } catch (e) {
      caught = e
    }
    expect(caught).toBeInstanceOf(ConfigurationError)
    expect((caught as Error).message).toMatch(/apiKey contains characters not allowed/)
    expect(printed(caught)).not.toContain(API_KEY)
  })

  it('a getter returning such a key fails the call without echoing it', async () => {
    server = await startTestServer(json(200, {}))
    const t = makeTransport(server, { apiKey: () => `${API_KEY}\r\nbad` })
    const err = await rejectionOf(
      t.GET('/v1/{workspace_id}/things/{thing_id}', { params: { path: { thing_id: 'x' } } }),
    )
    expect(err).toBeInstanceOf(ConfigurationError)
    expect((err as Error).message).toMatch(/apiKey getter contains characters not allowed/)
    expect(printed(err)).not.toContain(API_KEY)
    expect(server.requests).toHaveLength(0)
  })

  it('a header value carrying a secret and a line break is refused naming only the header', () => {
    let caught: unknown
    try {
      new Transport({ apiKey: 'k-1234', workspaceId: WORKSPACE, headers: { 'x-token': `${API_KEY}\nx` } })
    } catch (e) {
      caught = e
    }
    expect((caught as Error).message).toBe(
      'headers: header "x-token" has an invalid name or value (line breaks, control or non-Latin-1 characters)',
    )
    expect(printed(caught)).not.toContain(API_KEY)
  })
})
