// A page starts where `continuation_token` (or `offset`) says. A start below zero used to slice from
// the end of the list, so pages overlapped; every list answers 422 naming the parameter instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { paginate } from '../src/http/paging'
import type { HandlerContext } from '../src/http/types'
import type { MockPlatform } from '../src/index'
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

  it('reads a whole-number token sent as text', () => {
    expect(page('#/components/schemas/Page', { continuation_token: '3', limit: '2' })).toEqual({
      items: [4, 5],
      has_more: false,
      continuation_token: null,
      total: 5,
    })
  })
})
