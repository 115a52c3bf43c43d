// A page starts where `continuation_token` (or `offset`) says. A start below zero used to slice from
// the end of the list, so pages overlapped; every list answers 422 naming the parameter instead.
// A page holds `limit` items: a limit below 1 used to answer an empty page whose token pointed at
// itself, so a client paging on looped forever; paginate answers 422 naming `limit` instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { paginate } from '../src/http/paging'
import type { HandlerContext } from '../src/http/types'
import type { MockPlatform } from '../src/index'
import { loadSpec } from '../src/spec/load-spec'
import type { OpenApiDocument } from '../src/spec/types'
import { call, startTestMock, ws } from './helpers'

let mock: MockPlatform
beforeAll(async () => {
  mock = await startTestMock()
})
afterAll(() => mock?.close())

const issue = (name: string, type: string, msg: string) => ({
  status: 422,
  body: { detail: [{ loc: ['query', name], type, msg }] },
})
const belowZero = (name: string) =>
  issue(name, 'greater_than_equal', 'Input should be greater than or equal to 0')
const notAnInteger = (name: string) =>
  issue(name, 'int_parsing', 'Input should be a valid integer, unable to parse string as an integer')
const belowOne = (name: string) =>
  issue(name, 'greater_than_equal', 'Input should be greater than or equal to 1')

describe('continuation_token over HTTP', () => {
  it.each(['agents', 'calls', 'triggers'])('GET %s answers 422 for a token below zero', async (list) => {
    const answer = await call(mock, 'GET', `${ws(mock)}/${list}?limit=5&continuation_token=-1`)
    expect(answer).toMatchObject(belowZero('continuation_token'))
  })

  it.each(['abc', '1.5', ''])('answers 422 for the token %j, which is no whole number', async (token) => {
    const answer = await call(mock, 'GET', `${ws(mock)}/agents?continuation_token=${token}`)
    expect(answer).toMatchObject(notAnInteger('continuation_token'))
  })

  it('still pages from 0 and from a token the previous page gave', async () => {
    const first = await call(mock, 'GET', `${ws(mock)}/calls?limit=20&continuation_token=0`)
    const next = await call(mock, 'GET', `${ws(mock)}/calls?limit=20&continuation_token=20`)
    expect(first.body.continuation_token).toBe(20)
    const sids = (page: typeof first) => page.body.items.map((c: { call_sid: string }) => c.call_sid)
    expect(sids(next).some((sid: string) => sids(first).includes(sid))).toBe(false)
  })
})

describe('paginate, on a route the spec does not validate', () => {
  // A route the served document lacks reaches the helper with the query as sent (strings).
  const doc = {
    components: {
      schemas: {
        Page: { type: 'object', properties: { items: {}, has_more: {}, continuation_token: {}, total: {} } },
        Offsets: { type: 'object', properties: { rows: { type: 'array' }, has_more: {}, next_offset: {} } },
      },
    },
  }
  const page = (schema: string, query: Record<string, unknown>) =>
    paginate(
      {
        core: { spec: { doc } },
        op: { op: { responses: { 200: { content: { 'application/json': { schema: { $ref: schema } } } } } } },
        query,
      } as unknown as HandlerContext,
      [1, 2, 3, 4, 5],
    )
  const answered = (run: () => unknown) => {
    try {
      run()
    } catch (e) {
      return { status: (e as { status: number }).status, body: (e as { body: unknown }).body }
    }
    throw new Error('expected an HttpError')
  }

  it.each(['-2', '-10'])('rejects the token %j as below zero', (token) => {
    expect(answered(() => page('#/components/schemas/Page', { continuation_token: token }))).toMatchObject(
      belowZero('continuation_token'),
    )
  })

  it.each(['abc', '1.5', '-0.5', '1e3', ''])('rejects the token %j as no whole number', (token) => {
    expect(answered(() => page('#/components/schemas/Page', { continuation_token: token }))).toMatchObject(
      notAnInteger('continuation_token'),
    )
  })

  it('rejects a negative offset the same way, naming offset', () => {
    expect(answered(() => page('#/components/schemas/Offsets', { offset: '-1' }))).toMatchObject(
      belowZero('offset'),
    )
  })

  it.each(['0', '-1', 0, -3])('rejects the limit %j as below one', (limit) => {
    expect(answered(() => page('#/components/schemas/Page', { limit }))).toMatchObject(belowOne('limit'))
    expect(answered(() => page('#/components/schemas/Offsets', { limit }))).toMatchObject(belowOne('limit'))
  })

  it.each(['abc', '1.5', '', '2e1'])('rejects the limit %j as no whole number', (limit) => {
    expect(answered(() => page('#/components/schemas/Page', { limit }))).toMatchObject(notAnInteger('limit'))
  })

  it('names _count when that is the page size sent', () => {
    expect(answered(() => page('#/components/schemas/Offsets', { _count: '0' }))).toMatchObject(
      belowOne('_count'),
    )
  })

  it('reads a whole-number token sent as text', () => {
    expect(page('#/components/schemas/Page', { continuation_token: '3', limit: '2' })).toEqual({
      items: [4, 5],
      has_more: false,
      continuation_token: null,
      total: 5,
    })
  })
})

/** The served document with `limit` left without bounds on `paths`' GET (as some list routes have it). */
function withUnboundedLimit(paths: string[]): OpenApiDocument {
  const doc = structuredClone(loadSpec())
  for (const p of paths) {
    const limit = doc.paths[p]!.get!.parameters!.find((x) => x.name === 'limit')!
    const { type, default: fallback } = limit.schema!
    limit.schema = { type, default: fallback }
  }
  return doc
}

/** The served document without `paths`: the mock still serves its own routes there, unvalidated. */
function withoutPaths(paths: string[]): OpenApiDocument {
  const doc = structuredClone(loadSpec())
  for (const p of paths) delete doc.paths[p]
  return doc
}

describe('limit over HTTP, where the document sets no minimum', () => {
  const lists = ['/v1/{workspace_id}/agents', '/v1/{workspace_id}/world/entities']
  let loose: MockPlatform
  beforeAll(async () => {
    loose = await startTestMock({ spec: withUnboundedLimit(lists) })
  })
  afterAll(() => loose?.close())

  it.each(['agents', 'world/entities'])('GET %s answers 422 naming limit for 0 and -1', async (list) => {
    for (const limit of ['0', '-1']) {
      const answer = await call(loose, 'GET', `${ws(loose)}/${list}?limit=${limit}&continuation_token=0`)
      expect(answer).toMatchObject(belowOne('limit'))
    }
  })

  it('still pages with a limit of 1 to the end', async () => {
    const seen: string[] = []
    let token: number | null = 0
    while (token !== null) {
      const page = await call(loose, 'GET', `${ws(loose)}/agents?limit=1&continuation_token=${token}`)
      seen.push(...page.body.items.map((a: { id: string }) => a.id))
      token = page.body.continuation_token
    }
    expect(seen.length).toBe(loose.store.agents.list((a) => a.workspace_id === loose.workspaceId).length)
  })
})

describe('limit over HTTP, on a route the document lacks', () => {
  // The mock still serves its own route there, unvalidated: the query reaches paginate as text.
  let bare: MockPlatform
  beforeAll(async () => {
    bare = await startTestMock({ spec: withoutPaths(['/v1/workspaces']) })
  })
  afterAll(() => bare?.close())

  it.each(['0', '-2'])('GET /v1/workspaces answers 422 naming limit for %j', async (limit) => {
    expect(await call(bare, 'GET', `/v1/workspaces?limit=${limit}`)).toMatchObject(belowOne('limit'))
  })

  it.each(['1.5', 'abc', ''])('GET /v1/workspaces answers 422 naming limit for %j', async (limit) => {
    expect(await call(bare, 'GET', `/v1/workspaces?limit=${limit}`)).toMatchObject(notAnInteger('limit'))
  })

  it('answers a page for a whole limit', async () => {
    const page = await call(bare, 'GET', '/v1/workspaces?limit=1')
    expect(page.status).toBe(200)
    expect(page.body.items.map((w: { id: string }) => w.id)).toEqual([bare.workspaceId])
  })
})
