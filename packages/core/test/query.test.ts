// The query serializer writes what openapi-fetch's default serializer writes for scalars and lists
// (the wire format the Platform API reads), checked on generated inputs; it leaves out null and
// undefined entries inside lists, and refuses objects, which no operation of the API takes.
import fc from 'fast-check'
import { createQuerySerializer } from 'openapi-fetch'
import { describe, expect, it } from 'vitest'
import { serializeQuery } from '../src/transport/query'

const theirs = createQuerySerializer()
// Names that percent-encoding leaves as they are (every name the API has): openapi-fetch writes
// names raw, where this serializer encodes them (see the test on such names below).
const key = fc
  .string({ minLength: 1, maxLength: 8 })
  .filter((k) => encodeURIComponent(k) === k && k !== '__proto__')
const scalar = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true }), fc.boolean())
const value = fc.oneof(scalar, fc.constant(undefined), fc.constant(null), fc.array(scalar, { maxLength: 4 }))

describe('serializeQuery', () => {
  it('matches openapi-fetch on scalars and lists', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 6 }), (query) => {
        expect(serializeQuery(query)).toBe(theirs(query))
      }),
      { numRuns: 500 },
    )
  })

  it('writes repeated names for lists, skipping empty entries', () => {
    expect(serializeQuery({ limit: 5, tag: ['a', 'b c'], none: null })).toBe('limit=5&tag=a&tag=b%20c')
    expect(serializeQuery({ tag: ['a', null, undefined, 'b'] })).toBe('tag=a&tag=b')
    expect(serializeQuery(undefined)).toBe('')
    expect(serializeQuery({ empty: [] })).toBe('')
  })

  it('percent-encodes names, so a name cannot add or split a parameter', () => {
    const written = serializeQuery({ 'a&b=c': 'x', 'sp ace': ['1'] })
    expect(written).toBe('a%26b%3Dc=x&sp%20ace=1')
    expect([...new URLSearchParams(written)]).toEqual([
      ['a&b=c', 'x'],
      ['sp ace', '1'],
    ])
  })

  it('writes a Date as its ISO 8601 text wherever a value may be (openapi-fetch drops it)', () => {
    const at = new Date('2026-12-07T10:00:00.000Z')
    const iso = encodeURIComponent(at.toISOString())
    expect(serializeQuery({ since: at })).toBe(`since=${iso}`)
    expect(serializeQuery({ days: [at, at] })).toBe(`days=${iso}&days=${iso}`)
    expect(createQuerySerializer()({ since: at })).toBe('')
    expect(() => serializeQuery({ since: new Date('not a date') })).toThrow(
      'query parameter "since" must be a string, number, boolean or valid Date',
    )
  })

  it('refuses an object, a function or a nested list, naming the parameter', () => {
    const refusal = 'must be a string, number, boolean or valid Date, or a list of them'
    expect(() => serializeQuery({ tag: [['x']] })).toThrow(`query parameter "tag" ${refusal}`)
    expect(() => serializeQuery({ f: { a: 1 } })).toThrow(`query parameter "f" ${refusal}`)
    expect(() => serializeQuery({ f: () => 1 })).toThrow(`query parameter "f" ${refusal}`)
    // Request options passed where the query belongs: refused, rather than the token sent in the URL.
    const options = { timeout: 2000, headers: { Authorization: 'Bearer user-token-0123' } }
    expect(() => serializeQuery(options)).toThrow(`query parameter "headers" ${refusal}`)
    // A URLSearchParams given as the query: its methods are refused, not sent as text.
    expect(() => serializeQuery(new URLSearchParams({ limit: '5' }) as never)).toThrow(refusal)
    expect(() => serializeQuery({ s: Symbol('x') })).toThrow(`query parameter "s" ${refusal}`)
  })

  it('refuses a query that is not an object (a string would be sent as its characters)', () => {
    expect(() => serializeQuery('limit=5' as never)).toThrow('query must be an object, got a string')
  })
})
