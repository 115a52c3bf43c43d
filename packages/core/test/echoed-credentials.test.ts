// A server that echoes a credential back (in an error's body, its message or its request id) never
// gets it into an error, a result or a hook: whether the credential is the client's key, a token a
// caller set in Authorization, or one the call carries in its body (a token exchange).
import { startTestServer, type TestServer } from '@amigo-ai/test-server'
import { afterEach, describe, expect, it } from 'vitest'
import { isAmigoError } from '../src/index'
import { API_KEY, makeTransport, rejectionOf } from './fixtures/helpers'

let server: TestServer
afterEach(() => server?.close())

const CALLER_TOKEN = 'caller-jwt-eyJhbGciOiJIUzI1NiJ9.payload.sig'
const EXCHANGED = 'sk-exchanged-PLAINKEY-987654321'

/** Answers `status`, echoing every credential it received into the request id and the body. */
async function echoing(status: number) {
  return startTestServer((req, res) => {
    const auth = String(req.headers.authorization ?? '').replace(/^Bearer /, '')
    const form = new URLSearchParams(req.body ?? '').get('api_key') ?? ''
    const seen = [auth, form].filter(Boolean).join(' ')
    res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `req-${seen}` })
    res.end(JSON.stringify({ detail: `credential ${seen} rejected`, echo: { seen } }))
  })
}

/** Everything a caller may log of an error or a result. */
const shown = (value: unknown) =>
  JSON.stringify(value, (_k, v) => (v instanceof Headers ? [...v] : v)) + String((value as Error)?.message)

describe('credentials echoed by the server', () => {
  it("a caller's own Authorization header is kept out of the error, its message and its request id", async () => {
    server = await echoing(400)
    const err = await rejectionOf(
      makeTransport(server).GET('/health', { headers: { Authorization: `Bearer ${CALLER_TOKEN}` } }),
    )
    expect(isAmigoError(err)).toBe(true)
    const { message, requestId, body } = err as { message: string; requestId: string; body: unknown }
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${CALLER_TOKEN}`)
    for (const part of [message, requestId, JSON.stringify(body)]) {
      expect(part).not.toContain(CALLER_TOKEN)
      expect(part).toContain('[REDACTED]')
    }
  })

  it('the Authorization credential quoted back percent-encoded is kept out as well', async () => {
    const token = 'tok/with+special==0123'
    server = await startTestServer((req, res) => {
      const sent = String(req.headers.authorization ?? '').replace(/^Bearer /, '')
      res.writeHead(400, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({
          detail: `refused ${encodeURIComponent(sent)}`,
          echo: { sent: encodeURIComponent(sent) },
        }),
      )
    })
    const err = await rejectionOf(
      makeTransport(server).GET('/health', { headers: { Authorization: `Bearer ${token}` } }),
    )
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${token}`)
    expect(shown(err)).not.toContain(encodeURIComponent(token))
    expect((err as Error).message).toBe('refused [REDACTED]')
  })

  it("a call's `secret` (a credential in its body) is kept out of its error and of every hook", async () => {
    server = await echoing(400)
    const seen: string[] = []
    const record = (ctx: object) => void seen.push(shown(ctx))
    const t = makeTransport(server, { hooks: { onRequest: record, onResponse: record, onError: record } })
    const err = await rejectionOf(
      t.request('post', '/token', {
        auth: false,
        body: {},
        bodySerializer: () => `grant_type=api_key&api_key=${EXCHANGED}`,
        contentType: 'application/x-www-form-urlencoded',
        secret: EXCHANGED,
      }),
    )
    expect(server.requests[0]?.body).toContain(EXCHANGED)
    expect(shown(err)).not.toContain(EXCHANGED)
    expect((err as Error).message).toBe('credential [REDACTED] rejected')
    expect(seen).toHaveLength(3)
    for (const s of seen) expect(s).not.toContain(EXCHANGED)
  })

  it("a call's `secret` may list several credentials: each is kept out, as sent and form-encoded", async () => {
    const first = 'ck/first+secret=0001'
    const second = 'ck-second-secret-0002'
    server = await startTestServer((req, res) => {
      res.writeHead(422, { 'content-type': 'application/json' })
      // Quotes the body back as received (form-encoded) and as parsed.
      const parsed = Object.fromEntries(new URLSearchParams(req.body ?? ''))
      res.end(JSON.stringify({ detail: [{ msg: `bad ${req.body}`, input: parsed }] }))
    })
    const seen: string[] = []
    const t = makeTransport(server, { hooks: { onRequest: (ctx) => void seen.push(shown(ctx)) } })
    const err = await rejectionOf(
      t.request('post', '/integrations', {
        body: {},
        bodySerializer: () => new URLSearchParams({ a: first, b: second, kind: 'plain' }).toString(),
        contentType: 'application/x-www-form-urlencoded',
        secret: [first, second],
      }),
    )
    expect(server.requests[0]?.body).toContain(second)
    const text = shown(err)
    for (const form of [first, second, new URLSearchParams({ s: first }).toString().slice(2)])
      expect(text).not.toContain(form)
    expect(text).toContain('kind=plain')
    expect(seen).toHaveLength(1)
    expect(seen[0]).not.toContain(second)
  })

  it("the client's key echoed in a success's request id is redacted in the result and in onResponse", async () => {
    server = await echoing(200)
    const ids: (string | undefined)[] = []
    const t = makeTransport(server, { hooks: { onResponse: (ctx) => void ids.push(ctx.requestId) } })
    const result = await t.GET('/health')
    expect(result.requestId).toBe('req-[REDACTED]')
    expect((result.data as { _request_id?: string })._request_id).toBe('req-[REDACTED]')
    expect((result.data as { lastResponse?: { requestId?: string } }).lastResponse?.requestId).toBe(
      'req-[REDACTED]',
    )
    expect(ids).toEqual(['req-[REDACTED]'])
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`)
  })

  // fetch strips the spaces and tabs around a header value, so a key pasted with a trailing space is
  // sent, and quoted back, without it.
  it.each([
    ['a key', { apiKey: `${API_KEY} ` }],
    ['a getter', { apiKey: () => `${API_KEY}\t` }],
  ])('%s with spaces around it is kept out of the error and the request id', async (_what, config) => {
    server = await echoing(401)
    const err = await rejectionOf(makeTransport(server, { ...config, maxRetries: 0 }).GET('/health'))
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`)
    expect(shown(err)).not.toContain(API_KEY)
    expect((err as Error).message).toBe('credential [REDACTED] rejected')
    expect((err as { requestId: string }).requestId).toBe('req-[REDACTED]')
  })

  it("a caller's Authorization with spaces around its token is kept out too", async () => {
    server = await echoing(400)
    const t = makeTransport(server)
    const err = await rejectionOf(
      t.GET('/health', { headers: { Authorization: ` Bearer ${CALLER_TOKEN}\t` } }),
    )
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${CALLER_TOKEN}`)
    expect(shown(err)).not.toContain(CALLER_TOKEN)
  })
})
