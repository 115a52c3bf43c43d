import { describe, expect, it } from 'vitest'
import { ConfigurationError, DEFAULT_BASE_URL, isConfigurationError, Transport } from '../src/index'
import { API_KEY } from './fixtures/helpers'

const construct = (config: unknown) => () => new Transport(config as never)

describe('config validation', () => {
  const bad: [string, unknown, RegExp][] = [
    ['no config', undefined, /client config must be an object, got undefined/],
    ['missing apiKey', { workspaceId: 'ws' }, /apiKey is required/],
    ['empty apiKey', { apiKey: '', workspaceId: 'ws' }, /apiKey is required/],
    [
      'numeric apiKey',
      { apiKey: 42, workspaceId: 'ws' },
      /apiKey must be a string or a function, got a number/,
    ],
    ['missing workspaceId', { apiKey: API_KEY }, /workspaceId is required/],
    ['numeric workspaceId', { apiKey: API_KEY, workspaceId: 7 }, /workspaceId must be a string/],
    [
      'empty baseUrl',
      { apiKey: API_KEY, workspaceId: 'ws', baseUrl: '' },
      /baseUrl must be a non-empty string/,
    ],
    ['non-function fetch', { apiKey: API_KEY, workspaceId: 'ws', fetch: 'x' }, /fetch must be a function/],
    [
      'negative timeout',
      { apiKey: API_KEY, workspaceId: 'ws', timeout: -1 },
      /timeout must be a positive number/,
    ],
    ['NaN maxRetries', { apiKey: API_KEY, workspaceId: 'ws', maxRetries: Number.NaN }, /maxRetries must be/],
    [
      'zero maxAttempts',
      { apiKey: API_KEY, workspaceId: 'ws', retry: { maxAttempts: 0 } },
      /retry\.maxAttempts must be/,
    ],
    ['string retry', { apiKey: API_KEY, workspaceId: 'ws', retry: 'lots' }, /retry must be an object/],
    [
      'NaN timeout',
      { apiKey: API_KEY, workspaceId: 'ws', timeout: Number.NaN },
      /timeout must be a positive/,
    ],
    // Timers overflow past 2^31-1 ms and fire at once, so such a timeout would fail every call.
    [
      'overflowing timeout',
      { apiKey: API_KEY, workspaceId: 'ws', timeout: 1e12 },
      /timeout .* at most 2147483647/,
    ],
    [
      'fractional maxRetries',
      { apiKey: API_KEY, workspaceId: 'ws', maxRetries: 1.5 },
      /maxRetries must be a whole/,
    ],
    [
      'huge maxRetries',
      { apiKey: API_KEY, workspaceId: 'ws', maxRetries: 1e9 },
      /maxRetries must be .* to 999/,
    ],
    [
      'overflowing maxDelayMs',
      { apiKey: API_KEY, workspaceId: 'ws', retry: { maxDelayMs: 1e12 } },
      /retry\.maxDelayMs must be/,
    ],
    ['whitespace apiKey', { apiKey: '   ', workspaceId: 'ws' }, /apiKey is empty or only whitespace/],
    [
      'baseUrl with credentials',
      { apiKey: API_KEY, workspaceId: 'ws', baseUrl: 'https://user:hunter22@api.example.test' },
      /baseUrl must not contain credentials/,
    ],
    [
      'baseUrl with a query',
      { apiKey: API_KEY, workspaceId: 'ws', baseUrl: 'https://api.example.test/?k=1' },
      /baseUrl must not contain a query string or fragment/,
    ],
    // Called on every request, a hook that is no function would only fail there.
    [
      'a hook that is not a function',
      { apiKey: API_KEY, workspaceId: 'ws', hooks: { onRequest: 'log' } },
      /hooks\.onRequest must be a function, got a string/,
    ],
    // Ignored, these would send the key to the default origin instead of the one meant.
    [
      "baseURL (other SDKs' spelling)",
      { apiKey: API_KEY, workspaceId: 'ws', baseURL: 'http://127.0.0.1:4010' },
      /unknown option baseURL \(did you mean baseUrl\?\)/,
    ],
    [
      'base_url',
      { apiKey: API_KEY, workspaceId: 'ws', base_url: 'http://127.0.0.1:4010' },
      /unknown option base_url \(did you mean baseUrl\?\)/,
    ],
    [
      'agentBaseURL',
      { apiKey: API_KEY, workspaceId: 'ws', agentBaseURL: 'http://127.0.0.1:4010' },
      /unknown option agentBaseURL \(did you mean agentBaseUrl\?\)/,
    ],
    [
      'numeric headers',
      { apiKey: API_KEY, workspaceId: 'ws', headers: 5 },
      /headers must be a Headers, an array of pairs or an object, got a number/,
    ],
    [
      'header with an object value',
      { apiKey: API_KEY, workspaceId: 'ws', headers: { 'x-a': { b: 1 } } },
      /header "x-a" must have a string value, got an object/,
    ],
    [
      'header with a bad name',
      { apiKey: API_KEY, workspaceId: 'ws', headers: { 'x a': 'v' } },
      /header "x a" has an invalid name or value/,
    ],
  ]
  for (const [name, config, message] of bad) {
    it(`${name} → ConfigurationError naming the field`, () => {
      let caught: unknown
      try {
        construct(config)()
      } catch (e) {
        caught = e
      }
      expect(caught).toBeInstanceOf(ConfigurationError)
      expect(isConfigurationError(caught)).toBe(true)
      expect((caught as Error).message).toMatch(message)
      expect((caught as Error).message).not.toContain(API_KEY)
      expect((caught as Error).message).not.toContain('hunter22')
    })
  }

  it('never echoes a secret passed in the wrong field', () => {
    expect(construct({ apiKey: API_KEY, workspaceId: { secret: API_KEY } })).toThrow(
      /workspaceId must be a string, got an object/,
    )
    try {
      construct({ apiKey: [API_KEY], workspaceId: 'ws' })()
    } catch (e) {
      expect((e as Error).message).toBe('apiKey must be a string or a function, got an array')
    }
  })

  // The single-package SDK built such clients and failed only where a URL was needed, so code that
  // builds one and never sends through it (WebSocket URL helpers) keeps working.
  for (const [name, baseUrl, message] of [
    ['a relative baseUrl without a custom fetch', '/api/platform', /relative baseUrl needs a custom fetch/],
    ['a non-HTTP baseUrl', 'http+unix://socket/api', /baseUrl must start with http/],
    ['a scheme-less baseUrl', 'ftp:/x', /baseUrl must start with http/],
  ] as const) {
    it(`${name}: the client is built, and every request fails with ConfigurationError before fetch`, async () => {
      let fetched = 0
      const globalFetch = globalThis.fetch
      globalThis.fetch = (async () => {
        fetched++
        return new Response('{}')
      }) as typeof fetch
      try {
        const t = new Transport({ apiKey: API_KEY, workspaceId: 'ws', baseUrl })
        expect(t.toJSON().baseUrl).toBe(baseUrl)
        const error = await t.request('get', '/v1/things').catch((e: unknown) => e)
        expect(isConfigurationError(error)).toBe(true)
        expect((error as Error).message).toMatch(message)
        expect(fetched).toBe(0)
      } finally {
        globalThis.fetch = globalFetch
      }
    })
  }

  it('accepts a getter for apiKey and the documented defaults', () => {
    const t = new Transport({ apiKey: () => 'k', workspaceId: 'ws' })
    expect(t.workspaceId).toBe('ws')
    expect(DEFAULT_BASE_URL).toBe('https://api.platform.amigo.ai')
  })
})

describe('bad arguments to a call fail before anything is sent', () => {
  const t = new Transport({ apiKey: API_KEY, workspaceId: 'ws', baseUrl: 'http://127.0.0.1:9' })
  const cases: [string, () => Promise<unknown>, RegExp][] = [
    [
      'a numeric path',
      () => t.request('get', 5 as never),
      /path must be a string starting with "\/", got number/,
    ],
    ['a path without a leading slash', () => t.request('get', 'v1/x'), /path must be .*got "v1\/x"/],
    [
      'an unknown method',
      () => t.request('fetch' as never, '/v1/x'),
      /method must be one of get, .*got fetch/,
    ],
    ['null init', () => t.request('get', '/v1/x', null as never), /options must be an object, got null/],
    [
      'a string timeout',
      () => t.request('get', '/v1/x', { timeout: '5' as never }),
      /timeout must be a positive/,
    ],
    [
      'numeric headers',
      () => t.request('get', '/v1/x', { headers: 7 as never }),
      /headers must be a Headers/,
    ],
    ['a negative maxRetries', () => t.request('get', '/v1/x', { maxRetries: -1 }), /maxRetries must be/],
    ['an empty idempotency key', () => t.request('post', '/v1/x', { idempotencyKey: '' }), /idempotencyKey/],
    // fetch would refuse these on every attempt, a rejection that reads like a (retried) network error.
    [
      'a fetch option fetch refuses',
      () => t.request('get', '/v1/x', { credentials: 'bogus' as never, redirect: 'follow' }),
      /^credentials, redirect: fetch refuses these values$/,
    ],
    // Ignored there, they would send the call with the client's key to its own workspace and origin.
    [
      "a client's own option in a call",
      () => t.request('get', '/v1/x', { workspaceId: 'other' } as never),
      /^workspaceId is the client's: make another client$/,
    ],
    [
      'a mode fetch refuses',
      () => t.request('get', '/v1/x', { mode: 'navigate' as never }),
      /^mode: fetch refuses these values$/,
    ],
  ]
  for (const [name, call, message] of cases) {
    it(name, async () => {
      await expect(call()).rejects.toThrow(message)
    })
  }

  it('withOptions rejects bad headers and timeouts', () => {
    expect(() => t.withOptions({ headers: 'x' as never })).toThrow(/withOptions: headers must be a Headers/)
    expect(() => t.withOptions({ timeout: 3e9 })).toThrow(/withOptions: timeout must be/)
    for (const key of ['apiKey', 'workspaceId', 'baseUrl'])
      expect(() => t.withOptions({ [key]: 'other' } as never)).toThrow(
        `withOptions: ${key} is the client's: make another client`,
      )
    expect(() => t.withOptions({ referrerPolicy: 'bogus' as never })).toThrow(
      /^withOptions: referrerPolicy: fetch refuses these values$/,
    )
  })

  it('an upper-case method is accepted', async () => {
    await expect(t.request('GET' as never, '/v1/{x}')).rejects.toThrow(
      /path parameter "x" of GET \/v1\/\{x\} is missing/,
    )
  })
})
