// A token getter or hook that never settles is ended by the attempt's timeout or the caller's abort,
// as the request itself would be: the call settles, and nothing is sent after it has.
import { json, startTestServer, type TestServer } from '@amigo-ai/test-server'
import { afterEach, describe, expect, it } from 'vitest'
import { type ClientHooks, isRequestTimeoutError } from '../src/index'
import { makeTransport, rejectionOf } from './fixtures/helpers'

let server: TestServer
afterEach(() => server?.close())

const never = () => new Promise<never>(() => {})

describe('an apiKey getter that never settles', () => {
  it('is cut by the timeout: RequestTimeoutError, not retried, nothing sent', async () => {
    server = await startTestServer(json(200, { ok: true }))
    let calls = 0
    const apiKey = () => {
      calls++
      return never()
    }
    const err = await rejectionOf(
      makeTransport(server, { apiKey, timeout: 30, maxRetries: 1 }).GET('/health'),
    )
    expect(isRequestTimeoutError(err)).toBe(true)
    // As for a request that times out: no retry, so the getter is not asked again.
    expect(calls).toBe(1)
    expect(server.requests).toHaveLength(0)
  })

  it("is cut by the caller's abort, which rejects with its reason", async () => {
    server = await startTestServer(json(200, { ok: true }))
    const controller = new AbortController()
    const pending = rejectionOf(
      makeTransport(server, { apiKey: never }).GET('/health', { signal: controller.signal }),
    )
    const reason = new Error('stop')
    controller.abort(reason)
    expect(await pending).toBe(reason)
    expect(server.requests).toHaveLength(0)
  })

  it('a getter that fails is still reported as it is (not as a timeout), with nothing sent', async () => {
    server = await startTestServer(json(200, { ok: true }))
    const failure = new Error('token store offline')
    const apiKey = () => Promise.reject(failure)
    expect(await rejectionOf(makeTransport(server, { apiKey, timeout: 5_000 }).GET('/health'))).toBe(failure)
    expect(server.requests).toHaveLength(0)
  })
})

describe('a hook that never settles', () => {
  for (const name of ['onRequest', 'onResponse'] as const) {
    it(`${name} is cut by the attempt's timeout`, async () => {
      server = await startTestServer(json(200, { ok: true }))
      const hooks: ClientHooks = { [name]: never }
      const err = await rejectionOf(
        makeTransport(server, { hooks, timeout: 40, maxRetries: 0 }).GET('/health'),
      )
      expect(isRequestTimeoutError(err)).toBe(true)
    })
  }

  it("onError is cut by the caller's abort", async () => {
    server = await startTestServer(json(503, { detail: 'down' }))
    const controller = new AbortController()
    let entered!: () => void
    const inHook = new Promise<void>((r) => {
      entered = r
    })
    const hooks: ClientHooks = {
      onError: () => {
        entered()
        return never()
      },
    }
    const pending = rejectionOf(
      makeTransport(server, { hooks }).GET('/health', { signal: controller.signal }),
    )
    await inHook
    const reason = new Error('stop')
    controller.abort(reason)
    expect(await pending).toBe(reason)
    expect(server.requests).toHaveLength(1)
  })

  it('onError is waited for at most the timeout; the call then goes on: its retries, then its error', async () => {
    server = await startTestServer(json(503, { detail: 'down' }))
    const seen: boolean[] = []
    const hooks: ClientHooks = {
      onError: ({ willRetry }) => {
        seen.push(willRetry)
        return never()
      },
    }
    const err = await rejectionOf(makeTransport(server, { hooks, timeout: 40, maxRetries: 1 }).GET('/health'))
    expect((err as { status?: number }).status).toBe(503)
    expect(seen).toEqual([true, false])
    expect(server.requests).toHaveLength(2)
  })
})
