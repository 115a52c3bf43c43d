// A page starts where `continuation_token` (or `offset`) says. A start below zero used to slice from
// the end of the list, so pages overlapped; every list answers 422 naming the parameter instead.
// A page holds `limit` items: a limit below 1 used to answer an empty page whose token pointed at
// itself, so a client paging on looped forever; paginate answers 422 naming `limit` instead.
// Routes the mock keeps no state for answered a fixed sample page saying `has_more: true` (and
// `continuation_token: 0`) whatever was asked, so an SDK auto-pager never stopped; they page their
// sampled items like every other list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { paginate } from '../src/http/paging'
import type { HandlerContext } from '../src/http/types'
import type { MockPlatform } from '../src/index'
import { deref } from '../src/spec/coerce'
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

describe('audit events, answered from a sample', () => {
  it.each(['audit', 'audit/phi-access'])('GET %s pages by limit and offset', async (route) => {
    const first = await call(mock, 'GET', `${ws(mock)}/${route}?limit=1`)
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ has_more: false, limit: 1, offset: 0, total: 1 })
    expect(first.body.events).toHaveLength(1)
    const past = await call(mock, 'GET', `${ws(mock)}/${route}?limit=1&offset=99999`)
    expect(past.body).toMatchObject({ events: [], has_more: false, limit: 1, offset: 99999, total: 1 })
  })

  it('answers the limit the spec defaults to when none is asked', async () => {
    expect((await call(mock, 'GET', `${ws(mock)}/audit`)).body).toMatchObject({ limit: 50, offset: 0 })
  })
})

/** The spec's GET routes answering a page (`has_more`, `continuation_token` or `next_offset`). */
function pagedRoutes(): string[] {
  const doc = loadSpec()
  const paths: string[] = []
  for (const [path, item] of Object.entries(doc.paths)) {
    const schema = deref(doc, item.get?.responses?.['200']?.content?.['application/json']?.schema)
    const props = schema.properties ?? {}
    if (['has_more', 'continuation_token', 'next_offset'].some((k) => k in props)) paths.push(path)
  }
  return paths
}

/** `path` with its parameters filled (a uuid, or a word) and the required query its GET takes. */
function pageTarget(mock: MockPlatform, path: string): string {
  const doc = loadSpec()
  const query = new URLSearchParams({ limit: '1' })
  for (const p of doc.paths[path]!.get!.parameters ?? [])
    if (p.in === 'query' && p.required) query.set(p.name, String(deref(doc, p.schema).enum?.[0] ?? 'x'))
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === 'workspace_id'
      ? mock.workspaceId
      : name.endsWith('_id')
        ? '00000000-0000-4000-8000-000000000001'
        : 'x',
  )
  return `${filled}?${query}`
}

describe('every paged route, walked as an SDK auto-pager walks it', () => {
  it('reaches a last page saying has_more: false', async () => {
    const routes = pagedRoutes()
    const walked: string[] = []
    for (const path of routes) {
      let target = pageTarget(mock, path)
      let page = await call(mock, 'GET', target)
      // A stateful route asked for an unknown parent answers 404: nothing to walk there.
      if (page.status === 404) continue
      expect(page.status, target).toBe(200)
      for (let n = 0; page.body.has_more; n++) {
        expect(n, `${path} still says has_more after 100 pages`).toBeLessThan(100)
        const items = Object.values(page.body).find(Array.isArray) as unknown[]
        const next = new URL(target, mock.url)
        if ('continuation_token' in page.body)
          next.searchParams.set('continuation_token', String(page.body.continuation_token))
        else
          next.searchParams.set(
            'offset',
            String(page.body.next_offset ?? Number(next.searchParams.get('offset') ?? 0) + items.length),
          )
        target = `${next.pathname}${next.search}`
        page = await call(mock, 'GET', target)
        expect(page.status, target).toBe(200)
      }
      walked.push(path)
    }
    expect(walked).toEqual(expect.arrayContaining(['/v1/{workspace_id}/audit', '/v1/billing/customers']))
    expect(walked.length).toBeGreaterThan(routes.length - 10)
  })
})
