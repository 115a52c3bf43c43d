// Lock timing comes from the caller: a value of the wrong type would make the lock wait forever
// (a deadline of NaN is never reached) or take over a live writer's lock (a stale limit of NaN or
// below zero calls every lock stale), so two processes could spend the same refresh token.
import { isConfigurationError } from '@amigo-ai/core'
import { describe, expect, it } from 'vitest'
import { FileTokenStorage } from '../src/index'

const refused = (lock: unknown) => {
  try {
    new FileTokenStorage({ directory: '/tmp/amigo-lock-options', lock: lock as never })
  } catch (error) {
    return error
  }
  return undefined
}

describe('FileTokenStorage lock options', () => {
  it('refuses timings that are not positive numbers of milliseconds, naming them', () => {
    const wrong: [unknown, RegExp][] = [
      [{ staleMs: Number.NaN }, /^lock\.staleMs must be a positive number/],
      [{ staleMs: -1 }, /^lock\.staleMs must be a positive number/],
      [{ staleMs: '60000' }, /^lock\.staleMs must be a positive number/],
      [{ timeoutMs: 'soon' }, /^lock\.timeoutMs must be a positive number/],
      [{ timeoutMs: Number.POSITIVE_INFINITY }, /^lock\.timeoutMs must be a positive number/],
      [{ timeout: 100 }, /unknown lock option timeout/],
    ]
    for (const [lock, message] of wrong) {
      const error = refused(lock)
      expect(isConfigurationError(error), JSON.stringify(lock)).toBe(true)
      expect((error as Error).message).toMatch(message)
    }
  })

  it('accepts the documented ones', () => {
    expect(refused({})).toBeUndefined()
    expect(refused({ staleMs: 5_000, timeoutMs: 100 })).toBeUndefined()
  })
})
