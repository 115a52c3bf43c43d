import { describe, expect, it } from 'vitest'
import { readDelivery } from '../src/webhooks/read-delivery'

// Header names that every object already has as a property are headers like any other.
describe('readDelivery: inherited property names as header names', () => {
  it('raw HTTP text keeps Constructor, __proto__ and toString headers as sent', () => {
    const text = ['POST /hook HTTP/1.1', 'Constructor: a', '__proto__: b', 'toString: c', '', '{}'].join(
      '\r\n',
    )
    const { headers } = readDelivery(text)
    expect(Object.entries(headers)).toEqual([
      ['constructor', 'a'],
      ['__proto__', 'b'],
      ['tostring', 'c'],
    ])
  })

  it('a JSON capture keeps them too', () => {
    const { headers } = readDelivery('{"headers":{"Constructor":"a","__proto__":"b"},"body":"{}"}')
    expect(Object.entries(headers)).toEqual([
      ['constructor', 'a'],
      ['__proto__', 'b'],
    ])
  })
})
