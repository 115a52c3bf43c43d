// A server whose continuation tokens come round again (1 → 2 → 1) must not keep a loop paging
// forever: the walk ends at the first token it has already sent, every item yielded once.
import { json, startTestServer, type TestServer } from '@amigo-ai/test-server'
import { afterEach, describe, expect, it } from 'vitest'
import { autoPage, paginate } from '../src/index'
import { makeTransport } from './fixtures/helpers'

let server: TestServer
afterEach(() => server?.close())

// The first page points at token 1, token 1's page at 2, 2's back at 1: has_more forever.
const NEXT: Record<string, number> = { 0: 1, 1: 2, 2: 1 }

async function cyclingServer() {
  server = await startTestServer({
    '/v1/ws-123/things': (req, res) => {
      const token = Number(req.query.get('continuation_token') ?? 0)
      if (server.requests.length > 10) return json(500, { detail: 'looping' })(req, res)
      return json(200, { items: [token], has_more: true, continuation_token: NEXT[token] })(req, res)
    },
  })
  return makeTransport(server, { maxRetries: 0 })
}

describe('pagination over cycling continuation tokens', () => {
  it('autoPage stops when a token comes round again', async () => {
    const t = await cyclingServer()
    const fetchPage = async (query: Record<string, unknown>) =>
      (await t.GET('/v1/{workspace_id}/things', { params: { query } })).data
    const seen: unknown[] = []
    for await (const item of autoPage(fetchPage)) seen.push(item)
    expect(seen).toEqual([0, 1, 2])
    expect(server.requests).toHaveLength(3)
  })

  it('autoPage also stops at the token the caller started from', async () => {
    const t = await cyclingServer()
    const fetchPage = async (query: Record<string, unknown>) =>
      (await t.GET('/v1/{workspace_id}/things', { params: { query } })).data
    const seen: unknown[] = []
    for await (const item of autoPage(fetchPage, { params: { continuation_token: 1 } })) seen.push(item)
    expect(seen).toEqual([1, 2])
  })

  it('paginate stops when a token comes round again', async () => {
    const t = await cyclingServer()
    const fetchPage = async (token?: number) => {
      const query = token === undefined ? {} : { continuation_token: token }
      return (await t.GET('/v1/{workspace_id}/things', { params: { query } })).data as never
    }
    const seen: unknown[] = []
    for await (const item of paginate(fetchPage)) seen.push(item)
    expect(seen).toEqual([0, 1, 2])
    expect(server.requests).toHaveLength(3)
  })

  it('an object token (new with every page, so never the same object) ends the walk instead of looping', async () => {
    server = await startTestServer({
      '/v1/ws-123/things': (req, res) => {
        if (server.requests.length > 10) return json(500, { detail: 'looping' })(req, res)
        return json(200, { items: [server.requests.length], has_more: true, continuation_token: { at: 1 } })(
          req,
          res,
        )
      },
    })
    const t = makeTransport(server, { maxRetries: 0 })
    const fetchPage = async (query: Record<string, unknown>) =>
      (await t.GET('/v1/{workspace_id}/things', { params: { query } })).data
    const seen: unknown[] = []
    for await (const item of autoPage(fetchPage)) seen.push(item)
    expect(seen).toEqual([1])
    const viaPaginate: unknown[] = []
    for await (const item of paginate(
      async (token?: unknown) =>
        (await fetchPage(token === undefined ? {} : { token: JSON.stringify(token) })) as never,
    ))
      viaPaginate.push(item)
    // paginate hands the token to fetchPage as it came: the second page repeats it, and the walk ends.
    expect(viaPaginate).toEqual([2, 3])
    expect(server.requests).toHaveLength(3)
  })
})
