import { describe, expect, it, vi } from 'vitest'
import { isWebhookVerificationError, parseWebhookEvent, WebhookVerificationError } from '../src/index'
import { delivery } from './helpers'

describe('WebhookVerificationError', () => {
  it('is an Error with a name, a reason and a stack', () => {
    const error = new WebhookVerificationError('nope', { reason: 'signature_mismatch' })
    expect(error).toBeInstanceOf(Error)
    expect(error).toBeInstanceOf(WebhookVerificationError)
    expect(error.name).toBe('WebhookVerificationError')
    expect(error.reason).toBe('signature_mismatch')
    expect(error.message).toBe('nope')
    expect(error.stack).toContain('WebhookVerificationError')
    expect(String(error)).toBe('WebhookVerificationError: nope')
    expect(isWebhookVerificationError(error)).toBe(true)
  })

  it("takes the single-package SDK's form, a message alone, and a cause", () => {
    const bare = new WebhookVerificationError('invalid webhook')
    expect(bare.message).toBe('invalid webhook')
    expect(bare.reason).toBe('unspecified')
    const cause = new SyntaxError('bad json')
    expect(new WebhookVerificationError('x', { reason: 'invalid_json', cause }).cause).toBe(cause)
  })

  it('is recognised across two copies of the module (instanceof and the guard)', async () => {
    vi.resetModules()
    // A query string makes Vite load a second, independent instance of the module.
    const specifier = '../src/errors?copy'
    const copy: typeof import('../src/errors') = await import(/* @vite-ignore */ specifier)
    expect(copy.WebhookVerificationError).not.toBe(WebhookVerificationError)
    const foreign = new copy.WebhookVerificationError('old', { reason: 'timestamp_too_old' })
    expect(foreign).toBeInstanceOf(WebhookVerificationError)
    expect(isWebhookVerificationError(foreign)).toBe(true)
    expect(new WebhookVerificationError('x', { reason: 'invalid_json' })).toBeInstanceOf(
      copy.WebhookVerificationError,
    )
  })

  it('does not claim unrelated values', () => {
    for (const value of [
      new Error('x'),
      new TypeError('x'),
      null,
      undefined,
      'WebhookVerificationError',
      {},
      { reason: 'x' },
    ])
      expect(isWebhookVerificationError(value)).toBe(false)
    expect(new Error('x')).not.toBeInstanceOf(WebhookVerificationError)
  })

  it('keeps instanceof exact for subclasses', () => {
    class Custom extends WebhookVerificationError {}
    expect(new Custom('x', { reason: 'invalid_json' })).toBeInstanceOf(Custom)
    expect(new Custom('x', { reason: 'invalid_json' })).toBeInstanceOf(WebhookVerificationError)
    expect(new WebhookVerificationError('x', { reason: 'invalid_json' })).not.toBeInstanceOf(Custom)
  })

  it('is what the README pattern catches', async () => {
    const d = await delivery()
    try {
      await parseWebhookEvent({ ...d, signature: 'sha256=00' })
      expect.unreachable()
    } catch (error) {
      expect(error instanceof WebhookVerificationError).toBe(true)
      if (error instanceof WebhookVerificationError) expect(error.reason).toBe('signature_mismatch')
    }
  })
})
