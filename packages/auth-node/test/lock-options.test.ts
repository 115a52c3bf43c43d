// Lock timing comes from the caller: a value of the wrong type would make the lock wait forever
// (a deadline of NaN is never reached) or take over a live writer's lock (a stale limit of NaN or
// below zero calls every lock stale), so two processes could spend the same refresh token.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isConfigurationError } from '@amigo-ai/core'
import { describe, expect, it } from 'vitest'
import { FileTokenStorage } from '../src/index'
import { acquireFileLock } from '../src/node/file-lock'

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

describe('releasing a lock that was taken over', () => {
  it('leaves the new holder its lock (a holder paused past staleMs, e.g. a laptop asleep mid-refresh)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'amigo-lock-'))
    try {
      const lockPath = join(root, 'credentials.json.lock')
      const release = await acquireFileLock(lockPath)
      // Another process judged the lock stale and took it over with its own.
      rmSync(lockPath)
      writeFileSync(lockPath, `${process.ppid} ${new Date().toISOString()}\n`)
      await release()
      expect(existsSync(lockPath)).toBe(true)
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
