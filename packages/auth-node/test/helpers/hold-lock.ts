// The lock of a FileTokenStorage's file held by a live process (this one, standing in for another
// `amigo` mid-refresh), for tests of a wait for it that is stopped.
import { readFileSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import type { FileTokenStorage } from '../../src/index'
import { setFsHook } from './fs-hooks'

/**
 * Holds the lock of `storage`'s file; `attempts()` counts the tries to take it, `waiting` resolves at
 * the first refused one. The test clears the fs hook after (setFsHook(undefined)).
 */
export function holdLock(storage: FileTokenStorage) {
  const lockPath = `${storage.path}.lock`
  const content = `${process.pid} host=${encodeURIComponent(hostname())} ${new Date().toISOString()} held\n`
  writeFileSync(lockPath, content)
  let tries = 0
  let refused = () => {}
  const waiting = new Promise<void>((resolve) => {
    refused = resolve
  })
  setFsHook((name, args, call) => {
    if (name !== 'open' || args[0] !== lockPath || args[1] !== 'wx') return call()
    tries++
    return call().catch((error) => {
      refused()
      throw error
    })
  })
  return { waiting, attempts: () => tries, stillHeld: () => readFileSync(lockPath, 'utf8') === content }
}
