// The query serializer writes what openapi-fetch's default serializer writes (the wire format the
// Platform API reads), checked on generated inputs; it leaves out null/undefined entries inside
// arrays and objects, and empty objects, where openapi-fetch writes empty `&&` segments.
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
const value = fc.oneof(
  scalar,
  fc.constant(undefined),
  fc.constant(null),
  fc.array(scalar, { maxLength: 4 }),
  fc.dictionary(key, scalar, { minKeys: 1, maxKeys: 3 }),
)

describe('serializeQuery', () => {
  it('matches openapi-fetch on scalars, arrays and flat objects', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 6 }), (query) => {
        expect(serializeQuery(query)).toBe(theirs(query))
      }),
      { numRuns: 500 },
    )
  })

  it('writes repeated names for arrays and name[key] for objects, skipping empty entries', () => {
    expect(serializeQuery({ limit: 5, tag: ['a', 'b c'], filter: { kind: 'p&q' }, none: null })).toBe(
      'limit=5&tag=a&tag=b%20c&filter[kind]=p%26q',
    )
    expect(serializeQuery({ tag: ['a', null, undefined, 'b'], o: { x: null, y: 1 } })).toBe(
      'tag=a&tag=b&o[y]=1',
    )
    expect(serializeQuery(undefined)).toBe('')
    expect(serializeQuery({ empty: [] })).toBe('')
  })

  it('percent-encodes names, so a name cannot add or split a parameter', () => {
    const written = serializeQuery({ 'a&b=c': 'x', 'sp ace': ['1'], 'f=': { 'k&z': 'v' } })
    expect(written).toBe('a%26b%3Dc=x&sp%20ace=1&f%3D[k%26z]=v')
    expect([...new URLSearchParams(written)]).toEqual([
      ['a&b=c', 'x'],
      ['sp ace', '1'],
      ['f=[k&z]', 'v'],
    ])
  })

  it('writes a Date as its ISO 8601 text wherever a value may be (openapi-fetch drops it)', () => {
    const at = new Date('2026-12-07T10:00:00.000Z')
    const iso = encodeURIComponent(at.toISOString())
    expect(serializeQuery({ since: at })).toBe(`since=${iso}`)
    expect(serializeQuery({ days: [at, at] })).toBe(`days=${iso}&days=${iso}`)
    expect(serializeQuery({ range: { from: at } })).toBe(`range[from]=${iso}`)
    expect(createQuerySerializer()({ since: at })).toBe('')
    expect(() => serializeQuery({ since: new Date('not a date') })).toThrow(RangeError)
  })

  it('refuses a nested array or object, naming the parameter', () => {
    expect(() => serializeQuery({ tag: [['x']] })).toThrow('query parameter "tag" nests an object or array')
    expect(() => serializeQuery({ f: { a: { b: 1 } } })).toThrow('query parameter "f[a]" nests')
  })
})
