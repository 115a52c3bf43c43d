import type { StoredCredentials } from './stored-credentials'

/**
 * Where `TokenManager` keeps credentials. `profile` selects one of several stored sign-ins;
 * when omitted the storage uses its own default profile.
 */
export interface TokenStorage {
  /** The stored credentials, or undefined when none are stored. */
  load(profile?: string): Promise<StoredCredentials | undefined>
  /** Replaces the stored credentials. */
  save(credentials: StoredCredentials, profile?: string): Promise<void>
  /** Removes the stored credentials (no error when there are none). */
  clear(profile?: string): Promise<void>
  /**
   * Optional: runs `fn` while holding an exclusive lock on the profile (across processes), with
   * `save`/`clear` inside it not waiting on that lock. `TokenManager` refreshes inside it.
   */
  withLock?<T>(fn: () => Promise<T>, profile?: string): Promise<T>
}
