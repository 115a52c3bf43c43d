// Saving a login and signing out wait for the credentials lock when another live process holds it
// (another `amigo` mid-refresh). `store` and `clear` take a `signal` like the other waits: aborting
// it (Ctrl-C) rejects with its reason at once, writing and deleting nothing.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isConfigurationError } from '@amigo-ai/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  type AuthResult,
  FileTokenStorage,
  MemoryTokenStorage,
  type StoredCredentials,
  TokenManager,
} from '../src/index'
import { setFsHook } from './helpers/fs-hooks'
import { holdLock } from './helpers/hold-lock'

let root: string
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'amigo-store-clear-'))
})
afterEach(() => {
  setFsHook(undefined)
  rmSync(root, { recursive: true, force: true })
})

const stored: StoredCredentials = {
  access_token: 'at-old-0123456789',
  refresh_token: 'rt-old-0123456789',
  workspace_id: 'ws-1',
  expires_at: 4_102_444_800,
}
const login: AuthResult = {
  accessToken: 'at-new-0123456789',
  refreshToken: 'rt-new-0123456789',
  workspaceId: 'ws-2',
  expiresAt: 4_102_444_800,
}
// Without the signal honoured, each wait below would end only at this timeout, with another error.
const lock = { timeoutMs: 5_000 }

/** A manager whose storage holds `stored`, its lock held by another live process. */
async function managerWithHeldLock() {
  const storage = new FileTokenStorage({ directory: root, lock })
  await storage.save(stored)
  const fileBefore = readFileSync(storage.path, 'utf8')
  const held = holdLock(storage)
  const fileUnchanged = () => readFileSync(storage.path, 'utf8') === fileBefore
  return { tokens: new TokenManager({ storage }), held, fileUnchanged }
}

describe('TokenManager.store(result, { signal }) and clear({ signal })', () => {
  it('store stops waiting for the lock with the reason; the stored login is not replaced', async () => {
    const { tokens, held, fileUnchanged } = await managerWithHeldLock()
    const stop = new AbortController()
    const waited = tokens.store(login, { signal: stop.signal })
    await held.waiting
    const reason = new Error('stopped')
    stop.abort(reason)
    await expect(waited).rejects.toBe(reason)
    expect(fileUnchanged()).toBe(true)
    expect(held.stillHeld()).toBe(true)
    expect((await tokens.load())?.access_token).toBe(stored.access_token)
  })

  it('clear stops waiting for the lock with the reason; the credentials file remains', async () => {
    const { tokens, held, fileUnchanged } = await managerWithHeldLock()
    const stop = new AbortController()
    const waited = tokens.clear({ signal: stop.signal })
    await held.waiting
    const reason = new Error('stopped')
    stop.abort(reason)
    await expect(waited).rejects.toBe(reason)
    expect(fileUnchanged()).toBe(true)
    expect(held.stillHeld()).toBe(true)
    expect(await tokens.hasCredentials()).toBe(true)
  })

  it('an aborted signal stops both before the first try for the lock', async () => {
    const { tokens, held, fileUnchanged } = await managerWithHeldLock()
    const reason = new Error('already stopped')
    await expect(tokens.store(login, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason)
    await expect(tokens.clear({ signal: AbortSignal.abort(reason) })).rejects.toBe(reason)
    expect(held.attempts()).toBe(0)
    expect(fileUnchanged()).toBe(true)
  })
})

describe('a signal that is no AbortSignal', () => {
  const wrong = { signal: 'soon' as unknown as AbortSignal }
  const refusal = (call: () => Promise<unknown>) =>
    call().then(
      () => undefined,
      (e) => e,
    )

  it('is refused by store, clear and the storages, as by the other waits, touching nothing', async () => {
    const file = new FileTokenStorage({ directory: root, lock })
    await file.save(stored)
    const memory = new MemoryTokenStorage()
    const tokens = new TokenManager({ storage: file })
    let ran = false
    const calls = {
      'TokenManager.store': () => tokens.store(login, wrong),
      'TokenManager.clear': () => tokens.clear(wrong),
      'FileTokenStorage.save': () => file.save(stored, undefined, wrong),
      'FileTokenStorage.clear': () => file.clear(undefined, wrong),
      'MemoryTokenStorage.withLock': () =>
        memory.withLock(
          async () => {
            ran = true
          },
          undefined,
          wrong,
        ),
    }
    for (const [name, call] of Object.entries(calls)) {
      const error = await refusal(call)
      expect(isConfigurationError(error), name).toBe(true)
      expect((error as Error).message, name).toBe('signal must be an AbortSignal, got a string')
    }
    expect(ran).toBe(false)
    expect(await file.load()).toEqual(stored)
  })
})
