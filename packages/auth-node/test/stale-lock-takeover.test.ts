// When a lock's owner crashed, every process waiting for the lock judges it stale, and they may all
// do so at the same moment. Only one of them may end up holding the lock: a contender that judged
// the old lock stale must not remove the new lock another contender took in the meantime.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { waitFor } from '@amigo-ai/test-server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { acquireFileLock } from '../src/node/file-lock'
import { setFsHook } from './helpers/fs-hooks'

vi.mock('../src/node/fs-promises', async () => (await import('./helpers/fs-hooks')).mockedModule())

let root: string
let lockPath: string
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'amigo-stale-'))
  lockPath = join(root, 'credentials.json.lock')
})
afterEach(() => {
  setFsHook(undefined)
  rmSync(root, { recursive: true, force: true })
})

/** A lock left by a process that has exited. */
function crashedLock(): void {
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  })
  writeFileSync(lockPath, `${dead.stdout} crashed\n`)
}

function deferred() {
  let resolve = () => {}
  const promise = new Promise<void>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

describe('two contenders taking over one stale lock', () => {
  it('only one holds it: the slower one leaves the new lock alone and waits for its release', async () => {
    crashedLock()
    const judged = deferred()
    const resume = deferred()
    const retried = deferred()
    let paused = false
    let resumed = false
    let refusals = 0
    setFsHook(async (name, args, call) => {
      const onLock = args[0] === lockPath
      // The first contender reads the crashed lock, then stops until the second has taken it over.
      if (name === 'readFile' && onLock && !paused) {
        paused = true
        const content = await call()
        judged.resolve()
        await resume.promise
        return content
      }
      // After resuming, the first contender finding the lock taken twice means it is waiting.
      if (name === 'open' && onLock && args[1] === 'wx' && resumed) {
        return call().catch((error) => {
          if (++refusals === 2) retried.resolve()
          throw error
        })
      }
      return call()
    })

    let slowHolds = false
    const slow = acquireFileLock(lockPath).then((release) => {
      slowHolds = true
      return release
    })
    await judged.promise
    const releaseFast = await acquireFileLock(lockPath)
    const fastLock = readFileSync(lockPath, 'utf8')
    resumed = true
    resume.resolve()

    await Promise.race([slow, retried.promise])
    expect(slowHolds).toBe(false)
    expect(readFileSync(lockPath, 'utf8')).toBe(fastLock)

    await releaseFast()
    const releaseSlow = await slow
    expect(readFileSync(lockPath, 'utf8')).not.toBe(fastLock)
    await releaseSlow()
    // No lock, claim or set-aside file is left behind.
    expect(readdirSync(root)).toEqual([])
  })

  it('many contenders started together hold it one at a time', async () => {
    crashedLock()
    let holders = 0
    let most = 0
    const contender = async () => {
      const release = await acquireFileLock(lockPath)
      most = Math.max(most, ++holders)
      await new Promise((r) => setTimeout(r, 3))
      holders--
      await release()
    }
    await Promise.all(Array.from({ length: 8 }, contender))
    expect(most).toBe(1)
    expect(readdirSync(root)).toEqual([])
  })

  it('a contender that stopped in the middle of a takeover does not keep the lock taken for good', async () => {
    crashedLock()
    let stopped = false
    setFsHook((name, args, call) => {
      // The first contender to remove the stale lock never gets further (as if it crashed there).
      if (name === 'unlink' && args[0] === lockPath && !stopped) {
        stopped = true
        return new Promise(() => {})
      }
      return call()
    })
    void acquireFileLock(lockPath, { staleMs: 200 })
    await waitFor(() => stopped, 3000, 'the first takeover to stop')
    const release = await acquireFileLock(lockPath, { staleMs: 200, timeoutMs: 5000 })
    expect(readFileSync(lockPath, 'utf8')).toMatch(new RegExp(`^${process.pid} `))
    await release()
    expect(readdirSync(root)).toEqual([])
  })
})
