import { sleep } from '@amigo-ai/core'
import { TokenStorageError } from '../errors/token-errors'
import { createExclusive } from './create-exclusive'
import { fsPromises } from './fs-promises'
import { ownerTag } from './lock-owner'
import { takeOverIfStale } from './stale-lock'

/** Lock timing; the defaults suit a CLI (a write holds the lock for milliseconds). */
export interface FileLockOptions {
  /**
   * A lock file older than this is taken over even if its process seems alive (e.g. written from
   * another machine on a shared disk). Default 60 000 ms, longer than any refresh holds it.
   */
  staleMs?: number
  /** Give up (TokenStorageError) after waiting this long. Default 40 000 ms (a refresh may hold the lock up to 30 s). */
  timeoutMs?: number
}

/**
 * Takes an exclusive lock by creating `lockPath` with O_EXCL (atomic on local file systems), so
 * two processes never write the credentials file at once. Returns the release function. Aborting
 * `signal` ends the wait with its reason: a live holder may keep the lock for the whole timeout,
 * longer than anyone pressing Ctrl-C waits.
 */
export async function acquireFileLock(
  lockPath: string,
  options: FileLockOptions = {},
  signal?: AbortSignal,
): Promise<() => Promise<void>> {
  signal?.throwIfAborted()
  const staleMs = options.staleMs ?? 60_000
  const deadline = Date.now() + (options.timeoutMs ?? 40_000)
  const { readFile, unlink } = await fsPromises()
  // The owner's pid and machine first (see ownerAlive), then what tells this lock from a successor.
  const content = `${ownerTag()} ${new Date().toISOString()} ${Math.random().toString(36).slice(2)}\n`
  for (let attempt = 0; ; attempt++) {
    let created: boolean
    try {
      created = await createExclusive(lockPath, content)
    } catch (error) {
      throw new TokenStorageError(`Could not create the lock file ${lockPath}`, {
        path: lockPath,
        reason: 'lock_failed',
        cause: error,
      })
    }
    if (created) {
      return async () => {
        // Held past staleMs (a process paused mid-refresh), the lock may have been taken over: the
        // new holder's lock file is not ours to remove.
        if ((await readFile(lockPath, 'utf8').catch(() => '')) === content)
          await unlink(lockPath).catch(() => {})
      }
    }
    await takeOverIfStale(lockPath, staleMs, content)
    if (Date.now() >= deadline) {
      throw new TokenStorageError(
        `Timed out waiting for the lock file ${lockPath}; another process is writing credentials (delete the file if none is)`,
        { path: lockPath, reason: 'lock_timeout' },
      )
    }
    // Short randomised waits: writers hold the lock for milliseconds, and jitter avoids lockstep.
    await sleep(Math.min(50, 2 + attempt * 2) + Math.random() * 5, signal)
  }
}
