// The value checks the packages share for their option objects: a message names what kind of value
// an option got, never the value itself; an AbortSignal is recognised by its shape, so a polyfill's
// or one made in another realm (a vm context, as jsdom makes them) counts as one.
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { isAbortSignal, kindOf, MAX_TIMER_MS } from '../src/index'

describe('kindOf', () => {
  it('names the kind with its article, never the value', () => {
    const cases: [unknown, string][] = [
      [null, 'null'],
      [undefined, 'undefined'],
      [[1], 'an array'],
      [{ key: 'amg_secret' }, 'an object'],
      ['amg_secret', 'a string'],
      [5, 'a number'],
      [() => 1, 'a function'],
      [Symbol('s'), 'a symbol'],
    ]
    for (const [value, kind] of cases) expect(kindOf(value)).toBe(kind)
  })
})

describe('isAbortSignal', () => {
  it("takes this realm's signals and a signal-shaped object from another realm, nothing else", () => {
    expect(isAbortSignal(new AbortController().signal)).toBe(true)
    const foreign = runInNewContext('({ aborted: false, addEventListener() {}, removeEventListener() {} })')
    expect(foreign instanceof Object).toBe(false)
    expect(isAbortSignal(foreign)).toBe(true)
    for (const other of [null, undefined, {}, { aborted: false }, 'signal', new EventTarget()])
      expect(isAbortSignal(other)).toBe(false)
  })
})

describe('MAX_TIMER_MS', () => {
  it('is the longest wait a timer takes without firing at once', () => {
    expect(MAX_TIMER_MS).toBe(2 ** 31 - 1)
  })
})
