import { AmigoError, type AmigoErrorInit } from '@amigo-ai/core'

/** Nothing is stored to use (e.g. `asApiKey()`'s getter or `refresh()` before any sign-in). */
export class NotSignedInError extends AmigoError {
  static override readonly kind: string = 'NotSignedInError'
}

/**
 * Why stored credentials could not be used, so a program can act on it without reading the message:
 * - `unreadable`, `unwritable`, `undeletable`: the file system refused (its error is the `cause`);
 * - `not_a_file`: the path is a folder, a FIFO or a device;
 * - `too_large`: the file is over 1 MiB, so it was not read;
 * - `not_json`, `invalid_fields`: the content is no login (signing in again replaces it);
 * - `lock_failed`, `lock_timeout`: the lock file could not be made, or another writer held it too long.
 */
export type TokenStorageProblem =
  | 'unreadable'
  | 'unwritable'
  | 'undeletable'
  | 'not_a_file'
  | 'too_large'
  | 'not_json'
  | 'invalid_fields'
  | 'lock_failed'
  | 'lock_timeout'

/** Credentials could not be read or written (unreadable, corrupt, or locked storage); names the file. */
export class TokenStorageError extends AmigoError {
  static override readonly kind: string = 'TokenStorageError'
  /** The file involved, when the storage is file-based. */
  readonly path?: string
  /** What went wrong, when the SDK's own storage or `TokenManager` raised it (a custom storage may not say). */
  readonly reason?: TokenStorageProblem

  constructor(message: string, init: AmigoErrorInit & { path?: string; reason?: TokenStorageProblem } = {}) {
    const { path, reason, ...rest } = init
    // Also the `errorCode`, as realtime's errors carry their reason, so that logs and JSON show it.
    super(message, { errorCode: reason, ...rest })
    if (path !== undefined) this.path = path
    if (reason !== undefined) this.reason = reason
  }
}

/** A Node-only function (`FileTokenStorage`, `openBrowser`) was called in a browser or edge build. */
export class NodeOnlyError extends AmigoError {
  static override readonly kind: string = 'NodeOnlyError'
}

/** True for a `NotSignedInError`. */
export function isNotSignedInError(err: unknown): err is NotSignedInError {
  return NotSignedInError.isInstance(err)
}
/** True for a `TokenStorageError`. */
export function isTokenStorageError(err: unknown): err is TokenStorageError {
  return TokenStorageError.isInstance(err)
}
/** True for a `NodeOnlyError`. */
export function isNodeOnlyError(err: unknown): err is NodeOnlyError {
  return NodeOnlyError.isInstance(err)
}
