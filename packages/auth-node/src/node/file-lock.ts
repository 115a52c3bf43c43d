import { open, rename, stat, unlink } from 'node:fs/promises'
import { TokenStorageError } from '../errors/token-errors'

/** Lock timing; the defaults suit a CLI (a write holds the lock for milliseconds). */
export interface FileLockOptions {
  /** A lock file older than this belongs to a crashed process and is taken over. Default 10 000 ms. */
  staleMs?: number
  /** Give up (TokenStorageError) after waiting this long. Default 5 000 ms. */
  timeoutMs?: number
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Takes an exclusive lock by creating `lockPath` with O_EXCL (atomic on local file systems), so
 * two processes never write the credentials file at once. Returns the release function.
 */
export async function acquireFileLock(
  lockPath: string,
  options: FileLockOptions = {},
): Promise<() => Promise<void>> {
  const staleMs = options.staleMs ?? 10_000
  const deadline = Date.now() + (options.timeoutMs ?? 5_000)
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lockPath, 'wx', 0o600)
      await handle.writeFile(`${process.pid} ${new Date().toISOString()}\n`)
      await handle.close()
      return async () => {
        await unlink(lockPath).catch(() => {})
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new TokenStorageError(`Could not create the lock file ${lockPath}`, {
          path: lockPath,
          cause: error,
        })
      }
    }
    await removeIfStale(lockPath, staleMs)
    if (Date.now() >= deadline) {
      throw new TokenStorageError(
        `Timed out waiting for the lock file ${lockPath}; another process is writing credentials (delete the file if none is)`,
        { path: lockPath },
      )
    }
    // Short randomised waits: writers hold the lock for milliseconds, and jitter avoids lockstep.
    await sleep(Math.min(50, 2 + attempt * 2) + Math.random() * 5)
  }
}

async function removeIfStale(lockPath: string, staleMs: number): Promise<void> {
  try {
    const { mtimeMs } = await stat(lockPath)
    if (Date.now() - mtimeMs < staleMs) return
    // Rename first so that of two processes finding the same stale lock only one removes it.
    const aside = `${lockPath}.${process.pid}.${Math.random().toString(36).slice(2)}.stale`
    await rename(lockPath, aside)
    await unlink(aside).catch(() => {})
  } catch {
    // Gone already (released or taken over by someone else): just try again.
  }
}
