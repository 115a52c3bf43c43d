import { describe, expect, it } from 'vitest'
import { exampleForPattern } from '../src/spec/pattern-example'

describe('exampleForPattern', () => {
  it.each([
    '^[A-Za-z0-9._-]+:[A-Za-z0-9._-]+:[A-Za-z0-9._-]+$',
    '^(subjective|objective|assessment|plan)$',
    '^\\+[1-9]\\d{1,14}$',
    '^[a-z][a-z0-9_]*$',
    '^\\d{4}-(0[1-9]|1[0-2])$',
    '^v\\d+(\\.\\d+)?$',
  ])('builds a match for %s', (pattern) => {
    const value = exampleForPattern(pattern)
    expect(value).toBeDefined()
    expect(new RegExp(pattern).test(value!)).toBe(true)
  })

  it('gives up (undefined) rather than returning a non-match', () => {
    expect(exampleForPattern('^(?=x)y$')).toBeUndefined()
  })
})
