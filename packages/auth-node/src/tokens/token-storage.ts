import type { StoredCredentials } from './stored-credentials'

/** Options of a call that may wait (for a lock, for the identity service). */
export interface WaitOptions {
  /** Aborting it ends the wait at once, rejecting with the signal's reason (e.g. on Ctrl-C). */
  signal?: AbortSignal
}

/**
 * Where `TokenManager` keeps credentials. The official SDK's contract (`load`, `save`, `clear`, no
 * arguments beyond the credentials) is all a storage needs; `profile` (one of several stored
 * sign-ins, the storage's own default when omitted), the `options` of `save` and `clear`, and
 * `withLock` are optional extras.
 */
export interface TokenStorage {
  /** The stored credentials, or null when none are stored. */
  load(profile?: string): Promise<StoredCredentials | null>
  /**
   * Replaces the stored credentials. `TokenManager.store` passes its caller's `options.signal`: a
   * storage that waits for a lock should stop waiting when it aborts, rejecting with its reason and
   * writing nothing (FileTokenStorage does); one that never waits may ignore it.
   */
  save(credentials: StoredCredentials, profile?: string, options?: WaitOptions): Promise<void>
  /**
   * Removes the stored credentials (no error when there are none). `options.signal` is honoured as
   * by `save`: aborting stops a wait for the lock, deleting nothing.
   */
  clear(profile?: string, options?: WaitOptions): Promise<void>
  /**
   * Optional: runs `fn` while holding an exclusive lock on the profile (across processes), with
   * `save`/`clear` inside it not waiting on that lock. `TokenManager` refreshes inside it, passing
   * `options.signal`: a storage that honours it (FileTokenStorage does) stops waiting for the lock
   * when it aborts, rejecting with its reason.
   */
  withLock?<T>(fn: () => Promise<T>, profile?: string, options?: WaitOptions): Promise<T>
}
