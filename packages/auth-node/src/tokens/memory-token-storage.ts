import { untilAborted } from '@amigo-ai/core'
import { checkedSignal } from '../options/checked-signal'
import type { StoredCredentials } from './stored-credentials'
import type { TokenStorage, WaitOptions } from './token-storage'

/** Keeps credentials in memory only (tests, short-lived scripts, browsers). */
export class MemoryTokenStorage implements TokenStorage {
  readonly #entries = new Map<string, StoredCredentials>()
  readonly #defaultProfile: string
  // Tail of each profile's queue of withLock callers (an in-process mutex).
  readonly #queues = new Map<string, Promise<unknown>>()

  /** `profile` is the default profile name (default `default`). */
  constructor(
    options: {
      /** The profile used when a call names none (default `default`). */
      profile?: string
    } = {},
  ) {
    this.#defaultProfile = options.profile ?? 'default'
  }

  /** Returns a copy of the stored credentials (null when none), so callers cannot change what is stored. */
  async load(profile?: string): Promise<StoredCredentials | null> {
    const c = this.#entries.get(profile ?? this.#defaultProfile)
    return c ? { ...c } : null
  }

  /** Stores a copy of `credentials`. It never waits, so `options` has nothing to stop. */
  async save(credentials: StoredCredentials, profile?: string, _options?: WaitOptions): Promise<void> {
    this.#entries.set(profile ?? this.#defaultProfile, { ...credentials })
  }

  /** Forgets the profile's credentials. It never waits, so `options` has nothing to stop. */
  async clear(profile?: string, _options?: WaitOptions): Promise<void> {
    this.#entries.delete(profile ?? this.#defaultProfile)
  }

  /**
   * Runs `fn` after earlier `withLock` callers on the same profile finished (managers sharing this
   * storage refresh once). Aborting `options.signal` stops the wait for them, rejecting with the
   * signal's reason (`fn` does not run).
   */
  async withLock<T>(fn: () => Promise<T>, profile?: string, options?: WaitOptions): Promise<T> {
    const signal = checkedSignal(options)
    const key = profile ?? this.#defaultProfile
    const previous = this.#queues.get(key) ?? Promise.resolve()
    const run = untilAborted(previous, signal).then(fn)
    // The slot is taken until the previous holder finished, even by a caller who stopped waiting:
    // the one after must neither wait for nothing nor run beside that holder.
    const tail = previous.then(() => run).catch(() => {})
    this.#queues.set(key, tail)
    void tail.then(() => {
      if (this.#queues.get(key) === tail) this.#queues.delete(key)
    })
    return run
  }
}
