import { describe, expect, it } from 'vitest'
import {
  backoffDelay,
  parseRateLimitHeaders,
  parseRetryAfter,
  redactSecrets,
  secretForms,
  sleep,
  unknownOptionProblem,
} from '../src/index'

describe('backoffDelay', () => {
  it('is uniform in [0, min(max, base * 2^attempt)]', () => {
    const opts = { baseDelayMs: 100, maxDelayMs: 1_000 }
    expect(backoffDelay(0, { ...opts, random: () => 0.999999 })).toBe(99)
    expect(backoffDelay(2, { ...opts, random: () => 0.5 })).toBe(200)
    expect(backoffDelay(10, { ...opts, random: () => 0.999999 })).toBe(999)
    expect(backoffDelay(3, { ...opts, random: () => 0 })).toBe(0)
    for (let i = 0; i < 200; i++) {
      const d = backoffDelay(4, opts)
      expect(d).toBeGreaterThanOrEqual(0)
      expect(d).toBeLessThanOrEqual(1_000)
    }
  })
})

describe('secretForms', () => {
  it('lists each secret as it is and percent-encoded (form and URL, either hex case), longest first', () => {
    const forms = secretForms(['rt/Abc+Def== x', undefined, '', 'plain-token'])
    expect(forms).toEqual(
      expect.arrayContaining([
        'rt/Abc+Def== x',
        'rt%2FAbc%2BDef%3D%3D+x',
        'rt%2FAbc%2BDef%3D%3D%20x',
        'rt%2fAbc%2bDef%3d%3d%20x',
        'plain-token',
      ]),
    )
    expect(new Set(forms).size).toBe(forms.length)
    expect(forms.map((f) => f.length)).toEqual([...forms.map((f) => f.length)].sort((a, b) => b - a))
    expect(forms).not.toContain('')
  })
  it('a lone surrogate (no URL encoding exists) still gets its form encoding, without throwing', () => {
    const forms = secretForms(['tok\ud800en'])
    expect(forms).toContain('tok\ud800en')
    expect(forms).toContain(new URLSearchParams({ s: 'tok\ud800en' }).toString().slice(2))
  })
  it('holds the form encoding of a secret with any one ASCII or non-ASCII character in it', () => {
    // The characters a form leaves as they are take a shortcut; every other one must still be encoded.
    const chars = [...Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)), 'é', '€', '😀']
    for (const c of chars) {
      const secret = `key_${c}_abc`
      expect(secretForms([secret])).toContain(new URLSearchParams({ s: secret }).toString().slice(2))
    }
  })
})

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z')
  it('reads seconds, fractions and HTTP dates', () => {
    expect(parseRetryAfter('3', now)).toBe(3_000)
    expect(parseRetryAfter(' 0 ', now)).toBe(0)
    expect(parseRetryAfter('1.5', now)).toBe(1_500)
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5_000)
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0)
  })
  it('rejects junk', () => {
    for (const v of [null, undefined, '', '-5', 'soon-ish?', 'abc', '1e3'])
      expect(parseRetryAfter(v, now)).toBeUndefined()
  })
  it('rejects text Date.parse alone would read as a date (no time of day)', () => {
    // Each is a date in 2001 to V8's lenient parser.
    for (const v of ['a 1', 'foo 2', 'Tue 3', 'soon: 5']) {
      expect(Number.isNaN(Date.parse(v))).toBe(false)
      expect(parseRetryAfter(v, now)).toBeUndefined()
    }
    expect(parseRetryAfter('Sunday, 01-Jan-26 00:00:07 GMT', now)).toBe(7_000)
    expect(parseRetryAfter('Thu Jan  1 00:00:09 2026', now)).toBe(9_000)
  })
})

describe('parseRateLimitHeaders', () => {
  it('parses numbers and ignores junk', () => {
    const h = new Headers({
      'x-ratelimit-limit': '60',
      'x-ratelimit-remaining': '0',
      'retry-after': '2',
      'x-ratelimit-reset': 'x',
    })
    expect(parseRateLimitHeaders(h)).toEqual({ limit: 60, remaining: 0, reset: null, retryAfter: 2 })
    const dated = new Headers({ 'x-ratelimit-reset': '1700000000', 'retry-after': 'soon' })
    expect(parseRateLimitHeaders(dated)).toEqual({
      limit: null,
      remaining: null,
      reset: new Date(1700000000 * 1000),
      retryAfter: null,
    })
  })
})

describe('sleep', () => {
  it('waits, and rejects with the abort reason at once', async () => {
    const started = Date.now()
    await sleep(20)
    expect(Date.now() - started).toBeGreaterThanOrEqual(15)
    const c = new AbortController()
    const p = sleep(10_000, c.signal)
    c.abort(new Error('cancelled'))
    await expect(p).rejects.toThrow('cancelled')
    await expect(sleep(5, AbortSignal.abort(new Error('already')))).rejects.toThrow('already')
  })

  it('a delay past the timer limit waits (capped) instead of firing at once, and NaN waits 0', async () => {
    const c = new AbortController()
    let settled = false
    const p = sleep(1e12, c.signal).then(
      () => (settled = true),
      () => undefined,
    )
    await sleep(20)
    expect(settled).toBe(false)
    c.abort(new Error('stop'))
    await p
    await expect(sleep(Number.NaN)).resolves.toBeUndefined()
  })
})

describe('redactSecrets', () => {
  it('removes every listed secret and any bearer token', () => {
    expect(redactSecrets('key sk-abc123 and sk-abc123', ['sk-abc123'])).toBe('key [REDACTED] and [REDACTED]')
    expect(redactSecrets('Authorization: Bearer eyJ.abc.def', [])).toBe('Authorization: Bearer [REDACTED]')
    expect(redactSecrets('short ab', ['ab'])).toBe('short ab')
  })
  it('finds a bearer token whatever the case of "Bearer", and leaves a text without one as it is', () => {
    for (const word of ['bearer', 'BEARER', 'bEaReR'])
      expect(redactSecrets(`id-1 ${word}\ttok.en`, [])).toBe('id-1 Bearer [REDACTED]')
    expect(redactSecrets('req_01HX; Bear er x', [])).toBe('req_01HX; Bear er x')
  })
})

describe('unknownOptionProblem', () => {
  const names = { identityBaseUrl: true, requestTimeoutMs: true, fetch: true } as const

  it('is undefined when every own key is a known name', () => {
    expect(unknownOptionProblem({}, names)).toBeUndefined()
    expect(unknownOptionProblem({ identityBaseUrl: 'x', fetch: undefined }, names)).toBeUndefined()
    // Inherited and symbol keys are not options.
    const inherited = Object.assign(Object.create({ inherited: 1 }), { [Symbol('s')]: 1 })
    expect(unknownOptionProblem(inherited, names)).toBeUndefined()
  })

  it.each([
    [{ baseUrl: 'x' }, 'unknown option baseUrl (did you mean identityBaseUrl?)'],
    [{ IDENTITYBASEURL: 'x' }, 'unknown option IDENTITYBASEURL (did you mean identityBaseUrl?)'],
    [{ timeout: 1 }, 'unknown option timeout (did you mean requestTimeoutMs?)'],
    // Too short to match by containment: no guess.
    [{ url: 'x' }, 'unknown option url'],
    [{ Fetch: 1, zz: 2 }, 'unknown options Fetch (did you mean fetch?), zz'],
    // A name every object inherits is an unknown key like any other.
    [JSON.parse('{"__proto__": 1}'), 'unknown option __proto__'],
    [{ constructor: 1 }, 'unknown option constructor'],
    // A name that does not read as one is quoted, and a long one clipped.
    [{ '': 1 }, 'unknown option ""'],
    [{ 'base url': 1 }, 'unknown option "base url"'],
    [{ 'line\nbreak': 1 }, 'unknown option "line\\nbreak"'],
    [{ ['x'.repeat(100)]: 1 }, `unknown option ${'x'.repeat(60)}…`],
  ])('%j: %s', (options, problem) => {
    expect(unknownOptionProblem(options, names)).toBe(problem)
  })
})
