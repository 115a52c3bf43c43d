// When a lock's owner crashed, every process waiting for the lock judges it stale, and they may all
// do so at the same moment. Only one of them may end up holding the lock: a contender that judged
// the old lock stale must not remove the new lock another contender took in the meantime.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { waitFor } from '@amigo-ai/test-server'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isTokenStorageError } from '../src/index'
import { acquireFileLock } from '../src/node/file-lock'
import { setFsHook } from './helpers/fs-hooks'

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

/** The pid of a process that has exited. */
function deadPid(): string {
  return spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  }).stdout
}

/** A lock left by a process that has exited. */
function crashedLock(): void {
  writeFileSync(lockPath, `${deadPid()} crashed\n`)
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

describe('a lock naming the machine of its owner', () => {
  it('from another machine sharing the disk, is not taken over for a pid this machine lacks', async () => {
    // The pid is looked up on this machine, where it says nothing about the owner's process.
    const foreign = `${deadPid()} host=build-agent-7 2026-01-01T00:00:00.000Z x\n`
    writeFileSync(lockPath, foreign)
    const error = await acquireFileLock(lockPath, { timeoutMs: 150 }).catch((e) => e)
    expect(isTokenStorageError(error)).toBe(true)
    expect(readFileSync(lockPath, 'utf8')).toBe(foreign)
    // Older than staleMs, it is taken over like any other.
    const old = new Date(Date.now() - 120_000)
    utimesSync(lockPath, old, old)
    const release = await acquireFileLock(lockPath, { timeoutMs: 2_000 })
    expect(readFileSync(lockPath, 'utf8')).not.toBe(foreign)
    await release()
  })

  it('from this machine, is taken over at once when its pid has no process', async () => {
    writeFileSync(
      lockPath,
      `${deadPid()} host=${encodeURIComponent(hostname())} 2026-01-01T00:00:00.000Z x\n`,
    )
    const release = await acquireFileLock(lockPath, { timeoutMs: 2_000 })
    expect(readFileSync(lockPath, 'utf8')).toMatch(
      new RegExp(`^${process.pid} host=${encodeURIComponent(hostname())} `),
    )
    await release()
    expect(readdirSync(root)).toEqual([])
  })
})
