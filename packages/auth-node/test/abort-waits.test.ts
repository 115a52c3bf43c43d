// A program stops waiting when it is told to (Ctrl-C in a CLI): for the credentials lock another
// live process holds, and for a refresh the identity service is slow to answer. Each of those waits
// takes a `signal`; aborting it rejects with the signal's reason at once and leaves the lock and the
// stored login as they were.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isConfigurationError } from '@amigo-ai/core'
import { type IdentityServer, startIdentityServer, startTestServer, waitFor } from '@amigo-ai/test-server'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FileTokenStorage, MemoryTokenStorage, type StoredCredentials, TokenManager } from '../src/index'
import { setFsHook } from './helpers/fs-hooks'
import { holdLock } from './helpers/hold-lock'

let root: string
let idp: IdentityServer | undefined
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'amigo-abort-'))
})
afterEach(async () => {
  setFsHook(undefined)
  await idp?.close()
  idp = undefined
  rmSync(root, { recursive: true, force: true })
})

const expired = (refreshToken = 'rt-0123456789'): StoredCredentials => ({
  access_token: 'at-old',
  refresh_token: refreshToken,
  workspace_id: 'ws-1',
  expires_at: 0,
})

// Without a signal honoured, each wait below would end only at this timeout, with another error.
const lock = { timeoutMs: 5_000 }

describe('FileTokenStorage.withLock({ signal })', () => {
  it('stops waiting for a lock another live process holds, with the reason, running nothing', async () => {
    const storage = new FileTokenStorage({ directory: root, lock })
    const held = holdLock(storage)
    const stop = new AbortController()
    let ran = false
    const waited = storage.withLock(
      async () => {
        ran = true
      },
      undefined,
      { signal: stop.signal },
    )
    await held.waiting
    const reason = new Error('stopped')
    stop.abort(reason)
    await expect(waited).rejects.toBe(reason)
    expect(ran).toBe(false)
    expect(held.stillHeld()).toBe(true)
  })

  it('an aborted signal stops it before the first try; a signal that is none is refused', async () => {
    const storage = new FileTokenStorage({ directory: root, lock })
    const reason = new Error('already stopped')
    await expect(
      storage.withLock(async () => 1, undefined, { signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason)
    const wrong = await storage
      .withLock(async () => 1, undefined, { signal: 'soon' as unknown as AbortSignal })
      .catch((e) => e)
    expect(isConfigurationError(wrong)).toBe(true)
    expect((wrong as Error).message).toBe('signal must be an AbortSignal, got a string')
  })
})

describe('TokenManager.getAccessToken({ signal }) and refresh({ signal })', () => {
  it('stop waiting for the lock a refresh needs; nothing is sent and the login stays stored', async () => {
    idp = await startIdentityServer({})
    const storage = new FileTokenStorage({ directory: root, lock })
    await storage.save(expired(idp.issueRefreshToken('ws-1')))
    const held = holdLock(storage)
    const tokens = new TokenManager({ storage, identityBaseUrl: idp.url })
    for (const wait of [
      (signal: AbortSignal) => tokens.getAccessToken({ signal }),
      (signal: AbortSignal) => tokens.refresh({ signal }),
    ]) {
      const stop = new AbortController()
      const waited = wait(stop.signal)
      await held.waiting
      const reason = new Error('stopped')
      stop.abort(reason)
      await expect(waited).rejects.toBe(reason)
    }
    expect(idp.refreshes()).toHaveLength(0)
    expect((await storage.load())?.access_token).toBe('at-old')
    expect(held.stillHeld()).toBe(true)
  })

  it('stop waiting for an identity service that does not answer; the login stays stored', async () => {
    const silent = await startTestServer({ 'POST /token': () => {} })
    try {
      const storage = new MemoryTokenStorage()
      await storage.save(expired())
      const tokens = new TokenManager({ storage, identityBaseUrl: silent.url, requestTimeoutMs: 5_000 })
      const stop = new AbortController()
      const waited = tokens.getAccessToken({ signal: stop.signal })
      await waitFor(() => silent.requests.length === 1, 3000, 'the refresh request')
      const reason = new Error('stopped')
      stop.abort(reason)
      await expect(waited).rejects.toBe(reason)
      expect(await storage.load()).toEqual(expired())
    } finally {
      await silent.close()
    }
  })

  it('one caller giving up leaves the refresh to the others that still wait', async () => {
    idp = await startIdentityServer({ refreshDelayMs: 50 })
    const storage = new MemoryTokenStorage()
    await storage.save(expired(idp.issueRefreshToken('ws-1')))
    const tokens = new TokenManager({ storage, identityBaseUrl: idp.url })
    const stop = new AbortController()
    const impatient = tokens.getAccessToken({ signal: stop.signal })
    const patient = tokens.getAccessToken()
    await waitFor(() => idp?.refreshes().length === 1, 3000, 'the refresh request')
    stop.abort()
    await expect(impatient).rejects.toMatchObject({ name: 'AbortError' })
    expect((await patient)?.token).toBe('at-2')
    expect(idp.refreshes()).toHaveLength(1)
  })

  it('once every caller gave up, the refresh stops too: no more tries for the lock', async () => {
    const storage = new FileTokenStorage({ directory: root, lock })
    await storage.save(expired())
    const held = holdLock(storage)
    const tokens = new TokenManager({ storage, identityBaseUrl: 'http://127.0.0.1:9' })
    const stops = [new AbortController(), new AbortController()]
    const waits = stops.map((stop) => tokens.getAccessToken({ signal: stop.signal }).catch((e) => e))
    await held.waiting
    for (const stop of stops) stop.abort()
    await Promise.all(waits)
    const tries = held.attempts()
    // Tries come every few milliseconds while someone waits (50 ms apart at most).
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(held.attempts()).toBe(tries)
  })
})
