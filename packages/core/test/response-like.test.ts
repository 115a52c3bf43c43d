// A custom fetch stubbed the way users' tests stub it (a plain object with status, ok, headers and
// json() or text()) works like a real Response; anything less is a ConfigurationError naming what
// is missing, raised once (never retried as if the network had failed).
import { describe, expect, it, vi } from 'vitest'
import { ConfigurationError, NotFoundError, Transport } from '../src/index'

const client = (fetch: unknown) =>
  new Transport({
    apiKey: 'key',
    workspaceId: 'ws',
    baseUrl: 'https://api.example.test',
    fetch: fetch as never,
  })

describe('a custom fetch that resolves to a Response-like stub', () => {
  it('reads json() with Headers or a plain header record, request id included', async () => {
    for (const headers of [new Headers({ 'x-request-id': 'req-1' }), { 'x-request-id': 'req-1' }]) {
      const fetch = vi
        .fn()
        .mockResolvedValue({ status: 200, ok: true, headers, json: async () => ({ a: 1 }) })
      const result = await client(fetch).GET('/v1/{workspace_id}/things' as never)
      expect(result.data).toEqual({ a: 1 })
      expect(result.requestId).toBe('req-1')
    }
  })

  it('reads text(), a stub without headers, and a 204 stub', async () => {
    const text = vi.fn().mockResolvedValue({ status: 200, text: async () => '{"b":2}' })
    expect((await client(text).GET('/v1/{workspace_id}/things' as never)).data).toEqual({ b: 2 })
    const none = vi.fn().mockResolvedValue({ status: 204, json: async () => undefined })
    expect((await client(none).DELETE('/v1/{workspace_id}/things' as never)).data).toBeUndefined()
  })

  it("maps an error status to the SDK's error class with the stub's body", async () => {
    const fetch = vi
      .fn()
      .mockResolvedValue({ status: 404, ok: false, headers: {}, json: async () => ({ detail: 'gone' }) })
    const error = await client(fetch)
      .GET('/v1/{workspace_id}/things' as never)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NotFoundError)
    expect((error as NotFoundError).detail).toBe('gone')
  })

  it('refuses what is not Response-like, naming what is missing, without retrying', async () => {
    for (const value of [
      undefined,
      {},
      { status: '200', json: async () => ({}) },
      { status: 200 },
      { status: 99, text: async () => '' },
    ]) {
      const fetch = vi.fn().mockResolvedValue(value)
      const error = await client(fetch)
        .GET('/v1/{workspace_id}/things' as never)
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ConfigurationError)
      expect((error as Error).message).toMatch(/fetch must resolve to a Response or a stub with a status/)
      expect(fetch).toHaveBeenCalledTimes(1)
    }
  })
})
