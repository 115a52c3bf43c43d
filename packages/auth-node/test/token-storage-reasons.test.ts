// Each way stored credentials can fail has its own `reason` (also the error's `errorCode`), so a
// program can tell a file to replace by signing in (`not_json`, `too_large`, ...) from a file system
// that refuses (`unreadable`, `unwritable`, ...) without reading the message.
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  FileTokenStorage,
  isTokenStorageError,
  type StoredCredentials,
  TokenManager,
  type TokenStorageProblem,
} from '../src/index'
import { acquireFileLock } from '../src/node/file-lock'

let root: string
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'amigo-reasons-'))
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

const creds: StoredCredentials = {
  access_token: 'at-secret-0123456789',
  refresh_token: 'rt-secret-0123456789',
  workspace_id: 'ws',
  expires_at: Math.floor(Date.now() / 1000) + 3600,
}

/** The reason of the TokenStorageError `run` rejects with, after checking what the error shows. */
async function reasonOf(run: () => Promise<unknown>): Promise<TokenStorageProblem | undefined> {
  const error = await run().then(
    () => expect.unreachable('resolved'),
    (e: unknown) => e,
  )
  expect(isTokenStorageError(error), String(error)).toBe(true)
  if (!isTokenStorageError(error)) return undefined
  expect(error.errorCode).toBe(error.reason)
  expect(JSON.stringify(error)).toContain(`"errorCode":"${error.reason}"`)
  expect(JSON.stringify(error)).not.toContain('secret')
  return error.reason
}

describe('TokenStorageError.reason', () => {
  it('names content that is no login: not JSON, too large, JSON lacking fields', async () => {
    const file = join(root, 'credentials.json')
    writeFileSync(file, '{"access_token": "at-secret-0123456789", trunc')
    expect(await reasonOf(() => new FileTokenStorage(file).load())).toBe('not_json')
    writeFileSync(file, '')
    truncateSync(file, 2 * 1_048_576)
    expect(await reasonOf(() => new FileTokenStorage(file).load())).toBe('too_large')
    const storage = {
      load: async () => ({ access_token: 'at-secret-0123456789' }),
      save: async () => {},
      clear: async () => {},
    }
    const manager = new TokenManager({ storage: storage as never })
    expect(await reasonOf(() => manager.getAccessToken())).toBe('invalid_fields')
  })

  it('names a path that is no regular file, and what the file system refused', async () => {
    const folder = join(root, 'folder.json')
    mkdirSync(folder)
    expect(await reasonOf(() => new FileTokenStorage(folder).load())).toBe('not_a_file')
    // A folder cannot be unlinked as a file.
    expect(await reasonOf(() => new FileTokenStorage(folder).clear())).toBe('undeletable')
    // A path through a plain file: every operation meets ENOTDIR.
    const plain = join(root, 'plain')
    writeFileSync(plain, 'x')
    expect(await reasonOf(() => new FileTokenStorage(join(plain, 'credentials.json')).load())).toBe(
      'unreadable',
    )
    expect(await reasonOf(() => new FileTokenStorage({ directory: join(plain, 'dir') }).save(creds))).toBe(
      'unwritable',
    )
  })

  it('names a lock held too long, and a lock that cannot be made', async () => {
    const storage = new FileTokenStorage({ directory: root, lock: { timeoutMs: 50 } })
    // Held by a live process (this one's parent).
    writeFileSync(`${storage.filePath()}.lock`, `${process.ppid} busy`)
    expect(await reasonOf(() => storage.save(creds))).toBe('lock_timeout')
    // A lock file that cannot be created (its folder is a plain file).
    const plain = join(root, 'plain')
    writeFileSync(plain, 'x')
    expect(await reasonOf(() => acquireFileLock(join(plain, 'credentials.json.lock')))).toBe('lock_failed')
  })
})
