import { AsyncLocalStorage } from 'node:async_hooks'
import { chmod, mkdir, readFile, stat, unlink } from 'node:fs/promises'
import { homedir, tmpdir } from 'node:os'
import { join, parse, resolve } from 'node:path'
import { ConfigurationError } from '@amigo-ai/core'
import { TokenStorageError } from '../errors/token-errors'
import { credentialsFromJson, credentialsToJson, type StoredCredentials } from '../tokens/stored-credentials'
import type { TokenStorage } from '../tokens/token-storage'
import { writeFileAtomic } from './atomic-write'
import { defaultConfigDirectory } from './config-directory'
import { acquireFileLock, type FileLockOptions } from './file-lock'

/** Options of `FileTokenStorage`. */
export interface FileTokenStorageOptions {
  /** Directory for credential files. Default: the per-user config directory (see the README). */
  directory?: string
  /** Default profile name. Default `default` (file `credentials.json`; other profiles `credentials-<profile>.json`). */
  profile?: string
  /** Lock timing (stale-lock takeover, wait timeout). */
  lock?: FileLockOptions
}

const DIR_MODE = 0o700
const FILE_MODE = 0o600
const PROFILE_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/
// Lock files held by the current async call chain: save/clear inside withLock must not wait on
// the lock their own caller holds, while other callers (even on the same instance) still wait.
const heldLocks = new AsyncLocalStorage<ReadonlySet<string>>()

/**
 * Keeps credentials in one JSON file per profile under the user's config directory: directory
 * mode 0700, file mode 0600, atomic replace, and a lock file so two processes never write at once.
 */
export class FileTokenStorage implements TokenStorage {
  /** The directory holding the credential files. */
  readonly directory: string
  readonly #profile: string
  readonly #lock: FileLockOptions

  constructor(options: FileTokenStorageOptions = {}) {
    if (options.directory !== undefined && (typeof options.directory !== 'string' || !options.directory)) {
      throw new ConfigurationError('FileTokenStorage: directory must be a non-empty path')
    }
    this.directory = resolve(options.directory ?? defaultConfigDirectory())
    this.#profile = checkProfile(options.profile ?? 'default')
    this.#lock = options.lock ?? {}
  }

  /** Path of the credentials file for `profile` (the storage's default profile when omitted). */
  filePath(profile?: string): string {
    const name = checkProfile(profile ?? this.#profile)
    return join(this.directory, name === 'default' ? 'credentials.json' : `credentials-${name}.json`)
  }

  /** Path of the default profile's credentials file. */
  get path(): string {
    return this.filePath()
  }

  /** Reads the profile's credentials; undefined when there is no file, `TokenStorageError` when it is corrupt. */
  async load(profile?: string): Promise<StoredCredentials | undefined> {
    const file = this.filePath(profile)
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw new TokenStorageError(`Could not read the credentials file ${file}`, { path: file, cause: error })
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw new TokenStorageError(
        `The credentials file ${file} is not valid JSON; sign in again (or delete the file)`,
        { path: file },
      )
    }
    const parsed = credentialsFromJson(json)
    if ('problems' in parsed) {
      throw new TokenStorageError(
        `The credentials file ${file} is corrupt (bad ${parsed.problems.join(', ')}); sign in again (or delete the file)`,
        { path: file },
      )
    }
    return parsed
  }

  /** Replaces the profile's credentials atomically, under the lock. */
  async save(credentials: StoredCredentials, profile?: string): Promise<void> {
    const file = this.filePath(profile)
    await this.withLock(async () => {
      try {
        await writeFileAtomic(file, `${JSON.stringify(credentialsToJson(credentials), null, 2)}\n`, FILE_MODE)
      } catch (error) {
        throw new TokenStorageError(`Could not write the credentials file ${file}`, {
          path: file,
          cause: error,
        })
      }
    }, profile)
  }

  /** Deletes the profile's credentials file (no error when it does not exist). */
  async clear(profile?: string): Promise<void> {
    const file = this.filePath(profile)
    await this.withLock(async () => {
      await unlink(file).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') {
          throw new TokenStorageError(`Could not delete the credentials file ${file}`, {
            path: file,
            cause: error,
          })
        }
      })
    }, profile)
  }

  /**
   * Runs `fn` holding the profile's lock (other processes wait). `TokenManager` refreshes inside it,
   * so two processes never spend the same rotating refresh token.
   */
  async withLock<T>(fn: () => Promise<T>, profile?: string): Promise<T> {
    const lockPath = `${this.filePath(profile)}.lock`
    const held = heldLocks.getStore()
    if (held?.has(lockPath)) return fn()
    await this.#ensureDirectory()
    const release = await acquireFileLock(lockPath, this.#lock)
    try {
      return await heldLocks.run(new Set([...(held ?? []), lockPath]), fn)
    } finally {
      await release()
    }
  }

  // mkdir's mode is filtered by the umask, so the mode is set again with chmod. Shared system
  // directories are never chmod-ed, in case someone points `directory` at one.
  async #ensureDirectory(): Promise<void> {
    const dir = this.directory
    try {
      await mkdir(dir, { recursive: true, mode: DIR_MODE })
      if (process.platform === 'win32' || isSharedDirectory(dir)) return
      const { mode } = await stat(dir)
      if ((mode & 0o777) !== DIR_MODE) await chmod(dir, DIR_MODE)
    } catch (error) {
      throw new TokenStorageError(`Could not prepare the credentials directory ${dir}`, {
        path: dir,
        cause: error,
      })
    }
  }
}

function isSharedDirectory(dir: string): boolean {
  return [parse(dir).root, homedir(), tmpdir()].some((d) => resolve(d) === dir)
}

function checkProfile(profile: string): string {
  if (typeof profile !== 'string' || !PROFILE_RE.test(profile)) {
    throw new ConfigurationError(
      'Profile names use letters, digits, ".", "_" and "-" (at most 64, not starting with a dot or dash)',
    )
  }
  return profile
}
