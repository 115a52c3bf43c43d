// A lock or takeover-claim file is created first and written after. When the write fails (a full
// disk, a quota), an empty file left behind has no owner to judge: every later writer would take it
// for a live one and wait out the stale limit (60 s, past the 40 s wait). The file must go with the
// failed attempt, and its handle be closed.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isTokenStorageError } from '../src/index'
import { acquireFileLock } from '../src/node/file-lock'
import { setFsHook } from './helpers/fs-hooks'

let root: string
let lockPath: string
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'amigo-lockwrite-'))
  lockPath = join(root, 'credentials.json.lock')
})
afterEach(() => {
  setFsHook(undefined)
  rmSync(root, { recursive: true, force: true })
})

const diskFull = () => Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })

/** Fails the first write through a handle opened on a path `matches` accepts; counts every handle opened and closed. */
function failFirstWriteTo(matches: (path: string) => boolean) {
  const counts = { opened: 0, closed: 0, failed: 0 }
  let armed = false
  setFsHook(async (name, args, call) => {
    if (name === 'open') {
      const handle = await call()
      counts.opened++
      armed = counts.failed === 0 && matches(String(args[0]))
      return handle
    }
    if (name === 'handle.writeFile' && armed) {
      armed = false
      counts.failed++
      throw diskFull()
    }
    if (name === 'handle.close') counts.closed++
    return call()
  })
  return counts
}

describe('a lock or claim file whose content cannot be written', () => {
  it('the lock file is removed and its handle closed; the next writer takes the lock at once', async () => {
    const counts = failFirstWriteTo((p) => p === lockPath)
    const error = await acquireFileLock(lockPath).catch((e: unknown) => e)
    expect(isTokenStorageError(error)).toBe(true)
    expect(counts).toEqual({ opened: 1, closed: 1, failed: 1 })
    expect(readdirSync(root)).toEqual([])

    const release = await acquireFileLock(lockPath, { timeoutMs: 1_000 })
    await release()
    expect(readdirSync(root)).toEqual([])
  })

  it('a takeover claim is removed and its handle closed; the stale lock is still taken over', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    })
    writeFileSync(lockPath, `${dead.stdout} crashed\n`)
    const counts = failFirstWriteTo((p) => p.endsWith('.takeover'))
    const release = await acquireFileLock(lockPath, { timeoutMs: 2_000 })
    await release()
    expect(counts.failed).toBe(1)
    expect(counts.closed).toBe(counts.opened)
    expect(readdirSync(root)).toEqual([])
  })
})
