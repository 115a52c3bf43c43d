import { basename, dirname, extname, join, resolve } from 'node:path'
import { ConfigurationError, kindOf, type OptionNames, unknownOptionProblem } from '@amigo-ai/core'
import { checkOptions } from '../options/check-options'
import { defaultConfigDirectory, officialCredentialsFile } from './config-directory'
import type { FileLockOptions } from './file-lock'

/** Options of `FileTokenStorage` (the other form is a file path string). */
export interface FileTokenStorageOptions {
  /** Directory for credential files. Default: the per-user config directory (see the README). */
  directory?: string
  /** Default profile name. Default `default` (file `credentials.json`; other profiles `credentials-<profile>.json`). */
  profile?: string
  /** Lock timing (stale-lock takeover, wait timeout). */
  lock?: FileLockOptions
}

/** Where a `FileTokenStorage` keeps its files, from its constructor argument. */
export interface StorageLocation {
  directory: string
  profile: string
  lock: FileLockOptions
  /** The credentials file of a (valid) profile name. */
  fileFor(profile: string): string
  /** The directory is ours alone (tighten it to 0700 even when it exists already). */
  dedicated: boolean
  /** Also read here when the default profile's file does not exist (the official SDK's default). */
  fallbackFile?: string
}

const OPTION_NAMES: OptionNames<FileTokenStorageOptions> = { directory: true, profile: true, lock: true }
const USAGE = 'FileTokenStorage takes a file path (string) or an options object { directory, profile, lock }'

/**
 * Reads `new FileTokenStorage(arg)`: nothing (the default location), a file path (the file of the
 * default profile; other profiles sit beside it as `<name>-<profile>.json`), or options. Anything
 * else is a `ConfigurationError`, so credentials never land somewhere the caller did not ask for.
 */
export function storageLocation(arg: unknown): StorageLocation {
  if (typeof arg === 'string') {
    if (arg.trim() === '') throw new ConfigurationError('FileTokenStorage: the file path is empty')
    const file = resolve(arg)
    const ext = extname(file)
    const stem = basename(file, ext)
    return {
      directory: dirname(file),
      profile: 'default',
      lock: {},
      fileFor: (p) => (p === 'default' ? file : join(dirname(file), `${stem}-${p}${ext}`)),
      dedicated: false,
    }
  }
  if (arg !== undefined && (typeof arg !== 'object' || arg === null || Array.isArray(arg))) {
    throw new ConfigurationError(`${USAGE}, got ${kindOf(arg)}`)
  }
  const options = (arg ?? {}) as Record<string, unknown>
  const unknown = unknownOptionProblem(options, OPTION_NAMES)
  if (unknown) throw new ConfigurationError(`${USAGE}; ${unknown}`)
  const { directory, profile, lock } = options as FileTokenStorageOptions
  if (directory !== undefined && (typeof directory !== 'string' || directory.trim() === '')) {
    throw new ConfigurationError('FileTokenStorage: directory must be a non-empty path')
  }
  checkLock(lock)
  const dir = resolve(directory ?? defaultConfigDirectory())
  return {
    directory: dir,
    profile: checkProfile(profile ?? 'default'),
    lock: lock ?? {},
    fileFor: (p) => join(dir, p === 'default' ? 'credentials.json' : `credentials-${p}.json`),
    dedicated: true,
    fallbackFile: directory === undefined ? officialCredentialsFile() : undefined,
  }
}

const LOCK_KEYS = new Set(['staleMs', 'timeoutMs'])

// A NaN or negative stale limit would take over a live writer's lock, a non-numeric timeout would
// never be reached: both are refused here rather than misbehaving under contention.
function checkLock(lock: unknown): void {
  if (lock === undefined) return
  if (typeof lock !== 'object' || lock === null || Array.isArray(lock)) {
    throw new ConfigurationError(
      `FileTokenStorage: lock must be an object { staleMs, timeoutMs }, got ${kindOf(lock)}`,
    )
  }
  const unknown = Object.keys(lock).filter((k) => !LOCK_KEYS.has(k))
  if (unknown.length > 0) {
    throw new ConfigurationError(`FileTokenStorage: unknown lock option ${unknown.join(', ')}`)
  }
  const { staleMs, timeoutMs } = lock as FileLockOptions
  checkOptions({ timeouts: { 'lock.staleMs': staleMs, 'lock.timeoutMs': timeoutMs } })
}

const PROFILE_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/

/** A profile name that is safe in a file name, or a `ConfigurationError`. */
export function checkProfile(profile: unknown): string {
  if (typeof profile !== 'string' || !PROFILE_RE.test(profile)) {
    throw new ConfigurationError(
      'Profile names use letters, digits, ".", "_" and "-" (at most 64, not starting with a dot or dash)',
    )
  }
  return profile
}
