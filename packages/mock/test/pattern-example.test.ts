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

  it.each([
    ['^\\d{3}-\\w+\\s?x$', '111-ax'],
    ['^a.c*d+e?f{2}g{1,}h{2,3}$', 'aadffghh'],
    ['^(?:ab|cd)(e|f)$', 'abe'],
    ['^(a(b|c)){2}$', 'abab'],
    ['^[^x]y$', 'ay'],
    ['^[\\d]z[\\w]$', '1za'],
    ['^[-a]$', '-'],
    ['^\\.[.]$', '..'],
    ['^x{3$', 'x{3'],
  ])('builds the shortest text for %s: the first alternative, least repeats', (pattern, expected) => {
    expect(exampleForPattern(pattern)).toBe(expected)
  })

  it('gives up on a pattern it cannot read (a trailing backslash) or reads wrongly (\\u escapes)', () => {
    expect(exampleForPattern('a\\')).toBeUndefined()
    expect(exampleForPattern('^\\u0041$')).toBeUndefined()
  })

  it('gives up at once on an unclosed character class rather than reading it forever', () => {
    expect(exampleForPattern('[ab')).toBeUndefined()
    expect(exampleForPattern('^x[')).toBeUndefined()
  })
})
