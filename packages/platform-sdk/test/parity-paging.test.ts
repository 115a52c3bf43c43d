// Auto-paging walks every page for each page shape the API uses: token pages, offset pages with a
// named array and `next_offset`, and plain offset pages without `next_offset` (where the official
// SDK's operators/audit pagers stop after the first page). A loopback server slices a known list the
// way the spec's page schemas do, so the tests can check every request and every item.
import { startTestServer, type TestServer } from '@amigo-ai/test-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AmigoClient, ParseError, type RequestOptions } from '../src'

type Shape = 'token' | 'offset' | 'plain-offset'

const WORKSPACE = 'ws-paging'

/** Answers `path` with pages of `total` items `{ id: 'i<n>' }` in the given shape. */
function pages(shape: Shape, key: string, total: number) {
  return (query: URLSearchParams) => {
    const limit = Number(query.get('limit') ?? 10)
    const start = Number(
      shape === 'token' ? (query.get('continuation_token') ?? 0) : (query.get('offset') ?? 0),
    )
    const slice = Array.from({ length: Math.max(0, Math.min(limit, total - start)) }, (_, i) => ({
      id: `i${start + i}`,
    }))
    const hasMore = start + slice.length < total
    if (shape === 'token')
      return {
        items: slice,
        has_more: hasMore,
        continuation_token: hasMore ? start + slice.length : null,
        total,
      }
    if (shape === 'offset')
      return { [key]: slice, has_more: hasMore, next_offset: hasMore ? start + slice.length : null, total }
    return { [key]: slice, has_more: hasMore, total, limit, offset: start }
  }
}

interface PagingCase {
  name: string
  path: string
  shape: Shape
  key: string
  /** The spec's maximum page size for this list. */
  max: number
  walk: (client: AmigoClient) => AsyncIterable<{ id: string }>
}

const ws = `/v1/${WORKSPACE}`
const cases: PagingCase[] = [
  {
    name: 'operators.listAutoPaging (token pages)',
    path: `${ws}/operators`,
    shape: 'token',
    key: 'items',
    max: 20,
    walk: (c) => c.operators.listAutoPaging({ limit: 100 }) as AsyncIterable<{ id: string }>,
  },
  {
    name: 'operators.getEscalationsAutoPaging (token pages)',
    path: `${ws}/operators/escalations`,
    shape: 'token',
    key: 'items',
    max: 20,
    walk: (c) => c.operators.getEscalationsAutoPaging({ limit: 100 }) as AsyncIterable<{ id: string }>,
  },
  {
    name: 'operators.getAuditLogAutoPaging (token pages)',
    path: `${ws}/operators/audit-log`,
    shape: 'token',
    key: 'items',
    max: 20,
    walk: (c) => c.operators.getAuditLogAutoPaging({ limit: 100 }) as AsyncIterable<{ id: string }>,
  },
  {
    name: 'audit.listAutoPaging (plain offset pages, `events`)',
    path: `${ws}/audit`,
    shape: 'plain-offset',
    key: 'events',
    max: 100,
    walk: (c) => c.audit.listAutoPaging({ limit: 500 }) as AsyncIterable<{ id: string }>,
  },
  {
    name: 'audit.getPhiAccessAutoPaging (plain offset pages)',
    path: `${ws}/audit/phi-access`,
    shape: 'plain-offset',
    key: 'events',
    max: 100,
    walk: (c) => c.audit.getPhiAccessAutoPaging({ limit: 500 }) as AsyncIterable<{ id: string }>,
  },
  {
    name: 'audit.getEntityAccessLogAutoPaging (plain offset pages)',
    path: `${ws}/audit/entity/e-1/access-log`,
    shape: 'plain-offset',
    key: 'events',
    max: 100,
    walk: (c) => c.audit.getEntityAccessLogAutoPaging('e-1', { limit: 500 }) as AsyncIterable<{ id: string }>,
  },
  {
    name: 'crm.contacts.getTimelineAutoPaging (plain offset pages, `activities`)',
    path: `${ws}/crm/contacts/c-1/timeline`,
    shape: 'plain-offset',
    key: 'activities',
    max: 200,
    walk: (c) => c.crm.contacts.getTimelineAutoPaging('c-1', { limit: 500 }) as AsyncIterable<{ id: string }>,
  },
  {
    name: 'conversations.listAutoPaging (plain offset pages, `items`)',
    path: `${ws}/conversations`,
    shape: 'plain-offset',
    key: 'items',
    max: 100,
    walk: (c) => c.conversations.listAutoPaging({ limit: 500 }) as AsyncIterable<{ id: string }>,
  },
  {
    name: 'dataQuery.runAutoPaging (plain offset pages, `items`)',
    path: `${ws}/query/public/patients`,
    shape: 'plain-offset',
    key: 'items',
    max: 100,
    walk: (c) =>
      c.dataQuery.runAutoPaging('public', 'patients', { limit: 500 }) as AsyncIterable<{ id: string }>,
  },
  {
    name: 'promptLogs.listAutoPaging (offset pages)',
    path: `${ws}/prompt-logs`,
    shape: 'offset',
    key: 'items',
    max: 200,
    walk: (c) => c.promptLogs.listAutoPaging({ limit: 1000 }) as AsyncIterable<{ id: string }>,
  },
  {
    name: 'fhir.searchPatientsAutoPaging (offset pages, `patients`)',
    path: `${ws}/fhir/patients`,
    shape: 'offset',
    key: 'patients',
    max: 100,
    walk: (c) => c.fhir.searchPatientsAutoPaging({ limit: 500 }) as AsyncIterable<{ id: string }>,
  },
  {
    name: 'world.listSyncEventsAutoPaging (offset pages, required filter kept)',
    path: `${ws}/world/sync/events`,
    shape: 'offset',
    key: 'events',
    max: 200,
    walk: (c) =>
      c.world.listSyncEventsAutoPaging({ status: 'failed', limit: 500 }) as AsyncIterable<{ id: string }>,
  },
  {
    name: 'workspaces.listAutoPaging (token pages, no workspace in the path)',
    path: '/v1/workspaces',
    shape: 'token',
    key: 'items',
    max: 20,
    walk: (c) => c.workspaces.listAutoPaging({ limit: 100 }) as AsyncIterable<{ id: string }>,
  },
  {
    name: 'webhookDestinations.listDeliveriesAutoPaging (token pages)',
    path: `${ws}/webhook-destinations/d-1/deliveries`,
    shape: 'token',
    key: 'items',
    max: 20,
    walk: (c) =>
      c.webhookDestinations.listDeliveriesAutoPaging('d-1', { limit: 100 }) as AsyncIterable<{ id: string }>,
  },
]

let server: TestServer
let client: AmigoClient
let serve: ((query: URLSearchParams) => unknown) | undefined

beforeAll(async () => {
  server = await startTestServer((req, res) => {
    const body = serve?.(req.query) ?? { detail: 'no pages armed' }
    const text = JSON.stringify(body)
    res.writeHead(serve ? 200 : 404, { 'content-type': 'application/json' })
    res.end(text)
  })
  client = new AmigoClient({ apiKey: 'sk-test', workspaceId: WORKSPACE, baseUrl: server.url, maxRetries: 0 })
})
afterAll(() => server.close())

describe.each(cases)('$name', (c) => {
  it('yields every item exactly once, in order, clamping the page size to the spec maximum', async () => {
    const total = c.max * 2 + 3
    serve = pages(c.shape, c.key, total)
    const start = server.requests.length
    const ids: string[] = []
    for await (const item of c.walk(client)) ids.push(item.id)
    const sent = server.requests.slice(start)
    expect(ids).toEqual(Array.from({ length: total }, (_, i) => `i${i}`))
    expect(sent.length).toBe(3)
    for (const req of sent) {
      expect(req.path).toBe(c.path)
      expect(req.query.get('limit')).toBe(String(c.max))
    }
    const cursor = c.shape === 'token' ? 'continuation_token' : 'offset'
    expect(sent.map((r) => r.query.get(cursor))).toEqual([null, String(c.max), String(c.max * 2)])
    if (c.path.endsWith('/sync/events'))
      for (const req of sent) expect(req.query.get('status')).toBe('failed')
  })

  it('stops fetching when the loop breaks', async () => {
    serve = pages(c.shape, c.key, c.max * 3)
    const start = server.requests.length
    for await (const item of c.walk(client)) {
      expect(item.id).toBe('i0')
      break
    }
    expect(server.requests.length - start).toBe(1)
  })
})

describe('a page that says has_more but carries no cursor', () => {
  // The list takes no offset: walking by offsets, the walk would get its first page back for ever.
  it('ends a token list with a ParseError after its items, not a walk by offsets the list ignores', async () => {
    serve = () => ({ items: [{ id: 'i0' }, { id: 'i1' }], has_more: true })
    const start = server.requests.length
    const ids: string[] = []
    const walk = async () => {
      for await (const op of client.operators.listAutoPaging({ limit: 2 }))
        ids.push((op as unknown as { id: string }).id)
    }
    await expect(walk()).rejects.toThrow(
      new ParseError('a page has has_more but no continuation_token or next_offset'),
    )
    expect(ids).toEqual(['i0', 'i1'])
    expect(server.requests.length - start).toBe(1)
  })
})

describe('a starting cursor (the official pagers took the list params, cursor included)', () => {
  it('a continuation_token or an offset given to an auto-pager is where the walk starts', async () => {
    serve = pages('token', 'items', 25)
    let start = server.requests.length
    const fromToken: string[] = []
    for await (const op of client.operators.listAutoPaging({ limit: 10, continuation_token: 15 }))
      fromToken.push((op as unknown as { id: string }).id)
    expect(fromToken).toEqual(Array.from({ length: 10 }, (_, i) => `i${15 + i}`))
    expect(server.requests.slice(start).map((r) => r.query.get('continuation_token'))).toEqual(['15'])
    serve = pages('offset', 'items', 25)
    start = server.requests.length
    const fromOffset: string[] = []
    for await (const log of client.promptLogs.listAutoPaging({ limit: 10, offset: 20 }))
      fromOffset.push((log as unknown as { id: string }).id)
    expect(fromOffset).toEqual(['i20', 'i21', 'i22', 'i23', 'i24'])
    expect(server.requests.slice(start).map((r) => r.query.get('offset'))).toEqual(['20'])
  })
})

describe('plain offset pages', () => {
  it('audit pages expose the `events` array as `items` too (list, phi access, entity access log)', async () => {
    serve = pages('plain-offset', 'events', 3)
    const list = await client.audit.list()
    const phi = await client.audit.getPhiAccess()
    const log = await client.audit.getEntityAccessLog('e-1')
    for (const page of [list, phi, log]) {
      expect(page.items).toBe(page.events)
      expect(page.items.map((e) => (e as unknown as { id: string }).id)).toEqual(['i0', 'i1', 'i2'])
    }
  })

  it('an empty plain offset page with has_more still ends the walk', async () => {
    serve = () => ({ events: [], has_more: true, total: 10, limit: 10, offset: 0 })
    const start = server.requests.length
    const seen: unknown[] = []
    for await (const e of client.audit.listAutoPaging()) seen.push(e)
    expect(seen).toEqual([])
    expect(server.requests.length - start).toBe(1)
  })
})

// Per-call options reach every page request of an auto-pager.
describe('per-call options on auto-pagers', () => {
  it('sends the caller headers on every page request', async () => {
    serve = pages('token', 'items', 25)
    const options: RequestOptions = { headers: { 'x-trace': 'walk-1' } }
    const start = server.requests.length
    let n = 0
    for await (const _ of client.operators.getAuditLogAutoPaging({}, options)) n++
    expect(n).toBe(25)
    const sent = server.requests.slice(start)
    expect(sent.length).toBe(3)
    for (const req of sent) expect(req.headers['x-trace']).toBe('walk-1')
  })
})
