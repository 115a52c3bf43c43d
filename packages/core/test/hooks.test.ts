import { failTimes, json, startTestServer, type TestServer } from '@amigo-ai/test-server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ClientHooks, ErrorHookContext, RequestHookContext, ResponseHookContext } from '../src/index'
import { API_KEY, makeTransport, rejectionOf } from './fixtures/helpers'

let server: TestServer
afterEach(() => {
  vi.restoreAllMocks()
  return server?.close()
})

const THING = '/v1/{workspace_id}/things/{thing_id}'

/** Hooks that record every context they receive, in call order. */
function recordingHooks() {
  const calls: [string, RequestHookContext | ResponseHookContext | ErrorHookContext][] = []
  const hooks: ClientHooks = {
    onRequest: (ctx) => void calls.push(['request', ctx]),
    onResponse: (ctx) => void calls.push(['response', ctx]),
    onError: (ctx) => void calls.push(['error', ctx]),
  }
  return { calls, hooks }
}

describe('hooks', () => {
  it('get the request without its body when the call marks the body as carrying credentials', async () => {
    server = await startTestServer(json(200, { id: 't1', name: 'a' }))
    const bodies: string[] = []
    const t = makeTransport(server, {
      hooks: { onRequest: async ({ request }) => void bodies.push(await request.text()) },
    })
    const form = {
      bodySerializer: () => 'grant_type=api_key&api_key=sk-EXCHANGED-1234',
      contentType: 'application/x-www-form-urlencoded',
    }
    await t.request('post', '/token', { ...form, body: {}, sensitiveBody: true })
    await t.request('post', '/token', { ...form, body: {} })
    expect(bodies).toEqual(['', 'grant_type=api_key&api_key=sk-EXCHANGED-1234'])
    expect(server.requests.map((r) => r.body)).toEqual([
      'grant_type=api_key&api_key=sk-EXCHANGED-1234',
      'grant_type=api_key&api_key=sk-EXCHANGED-1234',
    ])
  })

  it('see each attempt: request, response, error with willRetry, then success', async () => {
    server = await startTestServer(
      failTimes(1, 503, json(200, { id: 't1', name: 'a' }, { 'x-request-id': 'ok-1' })),
    )
    const { calls, hooks } = recordingHooks()
    await makeTransport(server, { hooks }).GET(THING, { params: { path: { thing_id: 't1' } } })
    expect(calls.map(([k, c]) => `${k}#${c.attempt}`)).toEqual([
      'request#0',
      'response#0',
      'error#0',
      'request#1',
      'response#1',
    ])
    const req = calls[0]![1] as RequestHookContext
    expect(req.schemaPath).toBe(THING)
    expect(req.request.method).toBe('GET')
    expect(req.request.url).toBe(`${server.url}/v1/ws-123/things/t1`)
    const err = calls[2]![1] as ErrorHookContext
    expect(err.willRetry).toBe(true)
    expect((err.error as { status: number }).status).toBe(503)
    const res = calls[4]![1] as ResponseHookContext
    expect(res.requestId).toBe('ok-1')
    expect(res.response.status).toBe(200)
    expect(res.durationMs).toBeGreaterThanOrEqual(0)
  })

  it('the last failure is reported with willRetry false', async () => {
    server = await startTestServer(json(404, { detail: 'nope' }))
    const { calls, hooks } = recordingHooks()
    await rejectionOf(makeTransport(server, { hooks }).GET(THING, { params: { path: { thing_id: 'x' } } }))
    const errors = calls.filter(([k]) => k === 'error').map(([, c]) => c as ErrorHookContext)
    expect(errors).toHaveLength(1)
    expect(errors[0]!.willRetry).toBe(false)
  })

  it('hand hooks a request with Authorization redacted, and the body', async () => {
    server = await startTestServer(json(201, { id: 'n', name: 'x' }))
    const seen: { auth: string | null; body: string }[] = []
    const hooks: ClientHooks = {
      async onRequest({ request }) {
        seen.push({ auth: request.headers.get('authorization'), body: await request.text() })
      },
    }
    await makeTransport(server, { hooks }).POST('/v1/{workspace_id}/things', { body: { name: 'x' } })
    expect(seen).toEqual([{ auth: 'Bearer [REDACTED]', body: '{"name":"x"}' }])
    // The real request still carried the key and the body.
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${API_KEY}`)
    expect(server.requests[0]!.body).toBe('{"name":"x"}')
  })

  it('no hook context contains the API key', async () => {
    server = await startTestServer(failTimes(1, 500, json(200, {})))
    const dumps: string[] = []
    const dump = (ctx: object) => {
      const c = ctx as Record<string, unknown>
      const request = c.request as Request | undefined
      dumps.push(
        JSON.stringify({
          ...c,
          request: request && { url: request.url, headers: [...request.headers] },
          response: undefined,
          error: c.error && { ...(c.error as object), message: (c.error as Error).message },
        }),
      )
    }
    await makeTransport(server, { hooks: { onRequest: dump, onResponse: dump, onError: dump } }).GET(
      '/health',
    )
    expect(dumps).toHaveLength(5)
    for (const d of dumps) expect(d).not.toContain(API_KEY)
    expect(dumps.join()).toContain('[REDACTED]')
  })

  it('a throwing hook does not break the request and goes to onHookError', async () => {
    server = await startTestServer(json(200, { ok: true }))
    const reported: { hook: string; error: unknown }[] = []
    const hooks: ClientHooks = {
      onRequest() {
        throw new Error('request hook bug')
      },
      async onResponse() {
        throw new Error('response hook bug')
      },
      onHookError: (ctx) => void reported.push(ctx),
    }
    const r = await makeTransport(server, { hooks }).GET('/health')
    expect(r.data).toEqual({ ok: true })
    expect(reported.map((r) => [r.hook, (r.error as Error).message])).toEqual([
      ['onRequest', 'request hook bug'],
      ['onResponse', 'response hook bug'],
    ])
  })

  it('an async onHookError that rejects breaks neither the request nor the error it reports', async () => {
    server = await startTestServer(json(404, { detail: 'no such thing' }))
    const hooks: ClientHooks = {
      onRequest() {
        throw new Error('request hook bug')
      },
      onError() {
        throw new Error('error hook bug')
      },
      onHookError: async () => {
        throw new Error('handler bug')
      },
    }
    const error = await rejectionOf(makeTransport(server, { hooks }).GET('/health'))
    expect((error as Error).name).toBe('NotFoundError')
    expect(server.requests).toHaveLength(1)
  })

  it('without onHookError, a throwing hook is reported once with console.warn, secrets redacted', async () => {
    server = await startTestServer(json(200, { ok: true }))
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const hooks: ClientHooks = {
      onRequest() {
        throw new Error(`leaky hook ${API_KEY}`)
      },
    }
    const t = makeTransport(server, { hooks })
    await t.GET('/health')
    await t.GET('/health')
    expect(warn).toHaveBeenCalledTimes(1)
    const message = String(warn.mock.calls[0]![0])
    expect(message).toContain('onRequest hook threw')
    expect(message).not.toContain(API_KEY)
    expect(server.requests).toHaveLength(2)
  })

  it('onError sees network errors and timeouts', async () => {
    server = await startTestServer((_req, res) => {
      setTimeout(() => res.destroyed || res.end('{}'), 2_000)
    })
    const { calls, hooks } = recordingHooks()
    await rejectionOf(makeTransport(server, { hooks, timeout: 80 }).GET('/health'))
    const errors = calls.filter(([k]) => k === 'error').map(([, c]) => c as ErrorHookContext)
    expect(errors).toHaveLength(1)
    expect((errors[0]!.error as Error).name).toBe('RequestTimeoutError')
    expect(errors[0]!.willRetry).toBe(false)
  })
})
