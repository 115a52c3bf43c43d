import { AsyncLocalStorage } from 'node:async_hooks'
import { homedir, tmpdir } from 'node:os'
import { parse, resolve } from 'node:path'
import { ConfigurationError } from '@amigo-ai/core'
import { TokenStorageError } from '../errors/token-errors'
import { checkedSignal } from '../options/checked-signal'
import { readStoredCredentials, type StoredCredentials } from '../tokens/stored-credentials'
import type { TokenStorage, WaitOptions } from '../tokens/token-storage'
import { writeFileAtomic } from './atomic-write'
import { acquireFileLock } from './file-lock'
import { fsPromises } from './fs-promises'
import { type CredentialsRead, readCredentialsFile } from './read-credentials-file'
import {
  checkProfile,
  type FileTokenStorageOptions,
  type StorageLocation,
  storageLocation,
} from './storage-location'

export type { FileTokenStorageOptions } from './storage-location'

const DIR_MODE = 0o700
const FILE_MODE = 0o600
// Lock files held by the current async call chain: save/clear inside withLock must not wait on
// the lock their own caller holds, while other callers (even on the same instance) still wait.
// Pure, so that a bundle that never writes credentials can drop it.
const heldLocks = /* @__PURE__ */ new AsyncLocalStorage<ReadonlySet<string>>()

/**
 * Keeps credentials in a JSON file (one per profile): directory mode 0700, file mode 0600, atomic
 * replace, and a lock file so two processes never write at once. The file format is the official
 * SDK's, so either can read what the other wrote.
 */
export class FileTokenStorage implements TokenStorage {
  /** The directory holding the credential files. */
  readonly directory: string
  readonly #location: StorageLocation

  /**
   * `new FileTokenStorage()` uses the per-user config directory; `new FileTokenStorage(path)`
   * keeps the credentials in that file; options choose the directory, default profile and lock timing.
   */
  constructor(pathOrOptions?: string | FileTokenStorageOptions) {
    this.#location = storageLocation(pathOrOptions)
    this.directory = this.#location.directory
  }

  /** Path of the credentials file for `profile` (the storage's default profile when omitted). */
  filePath(profile?: string): string {
    return this.#location.fileFor(checkProfile(profile ?? this.#location.profile))
  }

  /** Path of the default profile's credentials file. */
  get path(): string {
    return this.filePath()
  }

  /**
   * Reads the profile's credentials: null when there is no file or it lacks a required field;
   * `TokenStorageError` naming the file when it cannot be read or is not JSON.
   */
  async load(profile?: string): Promise<StoredCredentials | null> {
    const file = this.filePath(profile)
    const read = (await readCredentialsFile(file)) ?? (await this.#readFallback(file))
    return read === undefined || 'problems' in read ? null : read
  }

  /**
   * Replaces the profile's credentials atomically, under the lock. Aborting `options.signal` stops
   * the wait for the lock, rejecting with the signal's reason (nothing written).
   */
  async save(credentials: StoredCredentials, profile?: string, options?: WaitOptions): Promise<void> {
    const file = this.filePath(profile)
    const checked = readStoredCredentials(credentials)
    if ('problems' in checked) {
      throw new ConfigurationError(
        `FileTokenStorage.save got credentials with missing or invalid: ${checked.problems.join(', ')}`,
      )
    }
    await this.withLock(
      async () => {
        try {
          await writeFileAtomic(file, `${JSON.stringify(checked, null, 2)}\n`, FILE_MODE)
        } catch (error) {
          throw new TokenStorageError(`Could not write the credentials file ${file}`, {
            path: file,
            reason: 'unwritable',
            cause: error,
          })
        }
      },
      profile,
      options,
    )
  }

  /**
   * Deletes the profile's credentials file (no error, and nothing created, when there is none).
   * Aborting `options.signal` stops the wait for the lock, as for `save` (nothing deleted).
   */
  async clear(profile?: string, options?: WaitOptions): Promise<void> {
    // Checked even when there is nothing to delete: a wrong value is wrong whatever is stored.
    checkedSignal(options)
    const file = this.filePath(profile)
    const fallback = this.#fallbackFor(file)
    if (!(await exists(this.directory)) && !(fallback && (await exists(fallback)))) return
    await this.withLock(
      async () => {
        for (const f of fallback ? [file, fallback] : [file]) await removeFile(f)
      },
      profile,
      options,
    )
  }

  /**
   * Runs `fn` holding the profile's lock (other processes wait). `TokenManager` refreshes inside it,
   * so two processes never spend the same rotating refresh token. Aborting `options.signal` stops
   * the wait for the lock, rejecting with the signal's reason (`fn` does not run).
   */
  async withLock<T>(fn: () => Promise<T>, profile?: string, options?: WaitOptions): Promise<T> {
    const signal = checkedSignal(options)
    const lockPath = `${this.filePath(profile)}.lock`
    const held = heldLocks.getStore()
    if (held?.has(lockPath)) return fn()
    await this.#ensureDirectory()
    const release = await acquireFileLock(lockPath, this.#location.lock, signal)
    try {
      return await heldLocks.run(new Set([...(held ?? []), lockPath]), fn)
    } finally {
      await release()
    }
  }

  #fallbackFor(file: string): string | undefined {
    return file === this.#location.fileFor('default') ? this.#location.fallbackFile : undefined
  }

  async #readFallback(file: string): Promise<CredentialsRead | undefined> {
    const fallback = this.#fallbackFor(file)
    return fallback ? readCredentialsFile(fallback) : undefined
  }

  // mkdir's mode is filtered by the umask, so the mode of a directory made here is set again with
  // chmod. An existing directory is tightened only when it is ours alone (never the parent of a file
  // path the caller chose, nor a shared system directory), and only by taking away what group and
  // others may do: an owner who made it read-only (0500) meant it.
  async #ensureDirectory(): Promise<void> {
    const dir = this.directory
    const { chmod, mkdir, stat } = await fsPromises()
    try {
      const created = await mkdir(dir, { recursive: true, mode: DIR_MODE })
      if (process.platform === 'win32' || (await isSharedDirectory(dir))) return
      if (!created && !this.#location.dedicated) return
      const { mode } = await stat(dir)
      // A directory others may write in (sticky, like /tmp) is shared, whatever path led to it.
      if (mode & (STICKY | OTHERS_WRITE)) return
      const wanted = created ? DIR_MODE : mode & OWNER_ONLY
      if ((mode & 0o777) !== wanted) await chmod(dir, wanted)
    } catch (error) {
      throw new TokenStorageError(`Could not prepare the credentials directory ${dir}`, {
        path: dir,
        reason: 'unwritable',
        cause: error,
      })
    }
  }
}

async function removeFile(file: string): Promise<void> {
  const { unlink } = await fsPromises()
  await unlink(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') {
      throw new TokenStorageError(`Could not delete the credentials file ${file}`, {
        path: file,
        reason: 'undeletable',
        cause: error,
      })
    }
  })
}

const exists = (path: string) =>
  fsPromises()
    .then(({ stat }) => stat(path))
    .then(
      () => true,
      () => false,
    )

const STICKY = 0o1000
const OTHERS_WRITE = 0o002
const OWNER_ONLY = 0o700

/**
 * Whether `dir` is the file system's root, the home directory or the temp directory, compared by
 * real path: `/tmp` on macOS is a link to `/private/tmp`, and `TMPDIR` may name another folder.
 */
async function isSharedDirectory(dir: string): Promise<boolean> {
  const { realpath } = await fsPromises()
  const real = (path: string) => realpath(path).catch(() => resolve(path))
  const [target, ...shared] = await Promise.all([dir, parse(dir).root, homedir(), tmpdir()].map(real))
  return shared.includes(target as string)
}
