import { describe, expect, it } from 'vitest'
import { ConfigurationError, DEFAULT_BASE_URL, isConfigurationError, Transport } from '../src/index'
import { API_KEY } from './fixtures/helpers'

const construct = (config: unknown) => () => new Transport(config as never)

describe('config validation', () => {
  const bad: [string, unknown, RegExp][] = [
    ['no config', undefined, /config must be an object/],
    ['missing apiKey', { workspaceId: 'ws' }, /apiKey is required/],
    ['empty apiKey', { apiKey: '', workspaceId: 'ws' }, /apiKey is required/],
    [
      'numeric apiKey',
      { apiKey: 42, workspaceId: 'ws' },
      /apiKey must be a string or a function, got a number/,
    ],
    ['missing workspaceId', { apiKey: API_KEY }, /workspaceId is required/],
    ['numeric workspaceId', { apiKey: API_KEY, workspaceId: 7 }, /workspaceId must be a string/],
    ['bad baseUrl', { apiKey: API_KEY, workspaceId: 'ws', baseUrl: 'ftp:/x' }, /baseUrl must start with/],
    [
      'empty baseUrl',
      { apiKey: API_KEY, workspaceId: 'ws', baseUrl: '' },
      /baseUrl must be a non-empty string/,
    ],
    [
      'relative baseUrl without fetch',
      { apiKey: API_KEY, workspaceId: 'ws', baseUrl: '/api/platform' },
      /relative baseUrl needs a custom fetch/,
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
    })
  }

  it('never echoes a secret passed in the wrong field', () => {
    expect(construct({ apiKey: API_KEY, workspaceId: { secret: API_KEY } })).toThrow(
      /workspaceId must be a string, got a object/,
    )
    try {
      construct({ apiKey: [API_KEY], workspaceId: 'ws' })()
    } catch (e) {
      expect((e as Error).message).toBe('apiKey must be a string or a function, got an array')
    }
  })

  it('accepts a getter for apiKey and the documented defaults', () => {
    const t = new Transport({ apiKey: () => 'k', workspaceId: 'ws' })
    expect(t.workspaceId).toBe('ws')
    expect(DEFAULT_BASE_URL).toBe('https://api.platform.amigo.ai')
  })
})
