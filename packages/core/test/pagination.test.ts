import { type Handler, json, startTestServer, type TestServer } from '@amigo-ai/test-server'
import { afterEach, describe, expect, it } from 'vitest'
import { autoPage, isParseError, nextCursor, paginate } from '../src/index'
import { makeTransport } from './fixtures/helpers'
import type { PlainOffsetPage, Thing } from './fixtures/paths'

let server: TestServer
afterEach(() => server?.close())

const ALL: Thing[] = Array.from({ length: 45 }, (_, i) => ({ id: `t${i}`, name: `thing ${i}` }))
const MAX = 20

// The server caps `limit` at 20 like the real API, and rejects larger values with 422.
const limitOf = (q: URLSearchParams) => Number(q.get('limit') ?? 10)
const tooBig: Handler = json(422, {
  detail: [{ loc: ['query', 'limit'], msg: 'too big', type: 'less_than_equal' }],
})

const tokenPages: Handler = (req, res) => {
  const limit = limitOf(req.query)
  if (limit > MAX) return tooBig(req, res)
  const start = Number(req.query.get('continuation_token') ?? 0)
  const items = ALL.slice(start, start + limit)
  const more = start + limit < ALL.length
  return json(200, {
    items,
    has_more: more,
    continuation_token: more ? start + limit : null,
    total: ALL.length,
  })(req, res)
}
const offsetPages: Handler = (req, res) => {
  const limit = limitOf(req.query)
  if (limit > MAX) return tooBig(req, res)
  const offset = Number(req.query.get('offset') ?? 0)
  const entities = ALL.slice(offset, offset + limit)
  const more = offset + limit < ALL.length
  return json(200, { entities, has_more: more, next_offset: more ? offset + limit : null })(req, res)
}
const plainOffsetPages: Handler = (req, res) => {
  const limit = limitOf(req.query)
  if (limit > MAX) return tooBig(req, res)
  const offset = Number(req.query.get('offset') ?? 0)
  const events = ALL.slice(offset, offset + limit)
  return json(200, { events, has_more: offset + limit < ALL.length, total: ALL.length, limit, offset })(
    req,
    res,
  )
}

async function setup() {
  server = await startTestServer({
    '/v1/ws-123/things': tokenPages,
    '/v1/ws-123/entities': offsetPages,
    '/v1/ws-123/events': plainOffsetPages,
  })
  return makeTransport(server)
}

describe('paginate over the three page shapes', () => {
  it('token pages: follows continuation_token, clamps limit 100 to 20', async () => {
    const t = await setup()
    const seen: Thing[] = []
    const fetchPage = async (query: Record<string, unknown>) =>
      (await t.GET('/v1/{workspace_id}/things', { params: { query } })).data
    for await (const thing of autoPage<Thing>(fetchPage, { params: { limit: 100 }, maxPageSize: MAX }))
      seen.push(thing)
    expect(seen).toEqual(ALL)
    expect(server.requests.map((r) => r.url)).toEqual([
      '/v1/ws-123/things?limit=20',
      '/v1/ws-123/things?limit=20&continuation_token=20',
      '/v1/ws-123/things?limit=20&continuation_token=40',
    ])
  })

  it('offset pages: follows next_offset and keeps other params', async () => {
    const t = await setup()
    const seen: Thing[] = []
    const fetchPage = async (query: Record<string, unknown>) =>
      (await t.GET('/v1/{workspace_id}/entities', { params: { query } })).data
    for await (const e of autoPage<Thing>(fetchPage, {
      params: { limit: 15, sort: 'name' },
      maxPageSize: MAX,
    }))
      seen.push(e)
    expect(seen).toEqual(ALL)
    expect(server.requests.map((r) => r.url)).toEqual([
      '/v1/ws-123/entities?limit=15&sort=name',
      '/v1/ws-123/entities?limit=15&sort=name&offset=15',
      '/v1/ws-123/entities?limit=15&sort=name&offset=30',
    ])
  })

  it('plain offset pages: computes the next offset from the items received', async () => {
    const t = await setup()
    const fetchPage = async (query: Record<string, unknown>) =>
      (await t.GET('/v1/{workspace_id}/events', { params: { query } })).data
    const seen: Thing[] = []
    for await (const e of autoPage<Thing>(fetchPage, { params: { limit: 100 }, maxPageSize: MAX }))
      seen.push(e)
    expect(seen).toEqual(ALL)
    expect(server.requests.map((r) => r.query.get('offset'))).toEqual([null, '20', '40'])
  })

  it('offsetPages: false makes such a page a ParseError, with nothing fetched after it', async () => {
    const t = await setup()
    const fetchPage = async (query: Record<string, unknown>) =>
      (await t.GET('/v1/{workspace_id}/events', { params: { query } })).data
    const seen: Thing[] = []
    const walk = async () => {
      for await (const e of autoPage<Thing>(fetchPage, { params: { limit: 20 }, offsetPages: false }))
        seen.push(e)
    }
    await expect(walk()).rejects.toSatisfy(isParseError)
    expect(seen).toEqual(ALL.slice(0, 20))
    expect(server.requests).toHaveLength(1)
    expect(() => nextCursor({ items: [1], has_more: true }, {}, undefined, false)).toThrow(
      'a page has has_more but no continuation_token or next_offset',
    )
  })

  it('is lazy: nothing is fetched before iteration, and break stops further requests', async () => {
    const t = await setup()
    const fetchPage = async (query: Record<string, unknown>) =>
      (await t.GET('/v1/{workspace_id}/things', { params: { query } })).data
    const it = autoPage<Thing>(fetchPage, { params: { limit: 5 } })
    expect(server.requests).toHaveLength(0)
    let n = 0
    for await (const _ of it) if (++n === 7) break
    expect(server.requests).toHaveLength(2)
    expect(server.requests.map((r) => r.query.get('limit'))).toEqual(['5', '5'])
  })

  it('serves next() calls made without awaiting in order, one request per page', async () => {
    const t = await setup()
    const fetchPage = async (query: Record<string, unknown>) =>
      (await t.GET('/v1/{workspace_id}/things', { params: { query } })).data
    const it = autoPage<Thing>(fetchPage, { params: { limit: 20 } })
    const results = await Promise.all(Array.from({ length: 47 }, () => it.next()))
    expect(results.slice(0, 45).map((r) => r.value?.id)).toEqual(ALL.map((x) => x.id))
    expect(results.slice(45)).toEqual([
      { done: true, value: undefined },
      { done: true, value: undefined },
    ])
    expect(server.requests).toHaveLength(3)
  })

  it('a failed page ends the iteration: the error once, then done', async () => {
    let calls = 0
    const it = autoPage<number>(async () => {
      if (++calls === 2) throw new Error('page 2 failed')
      return { items: [1, 2], has_more: true, continuation_token: `c${calls}` }
    })
    expect((await it.next()).value).toBe(1)
    expect((await it.next()).value).toBe(2)
    await expect(it.next()).rejects.toThrow('page 2 failed')
    expect(await it.next()).toEqual({ done: true, value: undefined })
    expect(calls).toBe(2)
  })

  it('without maxPageSize or limit, the params are sent as given', async () => {
    const t = await setup()
    const fetchPage = async (query: Record<string, unknown>) =>
      (await t.GET('/v1/{workspace_id}/things', { params: { query } })).data
    const seen: Thing[] = []
    for await (const thing of autoPage<Thing>(fetchPage)) seen.push(thing)
    expect(seen).toEqual(ALL)
    expect(server.requests[0]!.url).toBe('/v1/ws-123/things')
  })
})

describe('paginate (a function of the continuation token, yielding items)', () => {
  it('gives undefined for the first page, then each page token, until has_more is false', async () => {
    const t = await setup()
    const tokens: Array<number | undefined> = []
    const fetchPage = async (token?: number) => {
      tokens.push(token)
      const query = token === undefined ? { limit: 20 } : { limit: 20, continuation_token: token }
      return (await t.GET('/v1/{workspace_id}/things', { params: { query } })).data
    }
    const seen: Thing[] = []
    for await (const thing of paginate(fetchPage)) seen.push(thing)
    expect(seen).toEqual(ALL)
    expect(tokens).toEqual([undefined, 20, 40])
  })

  it('stops without a next token, with a null one, or with the token it was just given', async () => {
    const pages = [
      { items: ['a'], has_more: true },
      { items: ['b'], has_more: true, continuation_token: null },
    ]
    for (const page of pages) {
      const calls: unknown[] = []
      const out: string[] = []
      for await (const item of paginate(async (token?: number) => {
        calls.push(token)
        return page
      }))
        out.push(item)
      expect(out).toHaveLength(1)
      expect(calls).toEqual([undefined])
    }
    const calls: unknown[] = []
    const repeating = async (token?: string) => {
      calls.push(token)
      return { items: [token ?? 'first'], has_more: true, continuation_token: 'same' }
    }
    const out: string[] = []
    for await (const item of paginate(repeating)) out.push(item)
    expect(out).toEqual(['first', 'same'])
    expect(calls).toEqual([undefined, 'same'])
  })

  it('a page without an items array is a ParseError, not undefined items', async () => {
    const it = paginate(async () => ({ has_more: false }) as never)
    await expect(it.next()).rejects.toSatisfy(isParseError)
  })
})

describe('nextCursor edge cases', () => {
  it('stops on has_more false, a missing token, no progress, or an empty plain page', () => {
    expect(nextCursor({ items: [1], has_more: false, continuation_token: 5 }, {})).toBeUndefined()
    expect(nextCursor({ items: [1], has_more: true, continuation_token: null }, {})).toBeUndefined()
    expect(
      nextCursor({ items: [1], has_more: true, continuation_token: 5 }, { continuation_token: 5 }),
    ).toBeUndefined()
    expect(nextCursor({ entities: [1], has_more: true, next_offset: 10 }, { offset: 10 })).toBeUndefined()
    expect(nextCursor({ events: [], has_more: true }, { offset: 10 })).toBeUndefined()
    expect(nextCursor([1, 2], {})).toBeUndefined()
    expect(nextCursor(null, {})).toBeUndefined()
  })

  it('uses the page offset for plain pages when the request sent none, and an explicit itemsKey', () => {
    const page: PlainOffsetPage & { other: unknown[] } = {
      other: [],
      events: [{ id: 'a', name: 'a' }],
      has_more: true,
      offset: 4,
    }
    expect(nextCursor(page, { limit: 1 }, 'events')).toEqual({ limit: 1, offset: 5 })
    // Without itemsKey the first array field (`other`, empty) is used, which stops the walk.
    expect(nextCursor(page, { limit: 1 })).toBeUndefined()
  })

  it('reads an offset given as text as its number, so a walk never restarts from 0', () => {
    const plain = { events: [1, 2], has_more: true }
    expect(nextCursor(plain, { offset: '40' } as never)).toEqual({ offset: 42 })
    expect(nextCursor({ ...plain, next_offset: 20 }, { offset: '40' } as never)).toBeUndefined()
    expect(nextCursor({ ...plain, next_offset: 60 }, { offset: '40' } as never)).toEqual({ offset: 60 })
    // Not a number at all: sent on as NaN, which the API refuses, rather than read as 0.
    expect(nextCursor(plain, { offset: 'x' } as never)).toEqual({ offset: Number.NaN })
  })
})

describe('autoPage with values given as text', () => {
  it('clamps a limit given as text like a number, and walks on from an offset given as text', async () => {
    server = await startTestServer((req, res) => {
      const offset = Number(req.query.get('offset'))
      const limit = Number(req.query.get('limit'))
      // No `offset` in the answer: the next one is worked out from the one sent.
      json(200, { events: ALL.slice(offset, offset + limit), has_more: offset + limit < ALL.length })(
        req,
        res,
      )
    })
    const t = makeTransport(server)
    const fetchPage = async (query: Record<string, unknown>) =>
      (await t.GET('/v1/{workspace_id}/events', { params: { query } })).data
    const seen: Thing[] = []
    const params = { offset: '10', limit: '50' } as never
    for await (const e of autoPage<Thing>(fetchPage, { params, maxPageSize: MAX })) seen.push(e)
    expect(seen).toEqual(ALL.slice(10))
    expect(server.requests.map((r) => r.url)).toEqual([
      '/v1/ws-123/events?offset=10&limit=20',
      '/v1/ws-123/events?limit=20&offset=30',
    ])
  })
})
