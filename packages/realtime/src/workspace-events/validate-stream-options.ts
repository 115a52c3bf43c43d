import { ConfigurationError } from '@amigo-ai/core'
import { requirePathSegment } from '../endpoints/require-path-segment'
import type { WorkspaceEventStreamOptions } from './workspace-events-options'

/**
 * Thrown at once for a missing or unusable token or getToken, and at connect when getToken resolves
 * to no token.
 */
export const TOKEN_REQUIRED = 'token or getToken is required'

// Delays past 2^31-1 ms overflow JS timers, which then fire at once (a reconnect storm).
const inRange = (value: unknown, max = 2_147_483_647) =>
  typeof value === 'number' && value >= 0 && value <= max

/** Rejects unusable options before any request is made; messages name the option, never its value. */
export function validateStreamOptions(options: WorkspaceEventStreamOptions): void {
  if (typeof options !== 'object' || options === null)
    throw new ConfigurationError('options must be an object')
  requirePathSegment(options.workspaceId, 'workspaceId')
  // A given getToken is what every connect calls; the token is used only without one.
  const { token, getToken } = options
  if (getToken ? typeof getToken !== 'function' : typeof token !== 'string' || !token)
    throw new ConfigurationError(TOKEN_REQUIRED)
  const { maxReconnects: r, maxFrameBytes: f, baseUrl: b } = options
  // maxReconnects may be Infinity, a deliberate "never give up".
  const checks = [
    ['initialDelayMs', inRange(options.initialDelayMs)],
    ['maxDelayMs', inRange(options.maxDelayMs)],
    ['maxReconnects', r === Infinity || (inRange(r, r) && Number.isInteger(r))],
    // At least 1 (Infinity allowed).
    ['maxFrameBytes', inRange((f as number) - 1, f)],
    // Any other base (`localhost:3000`, `ftp://...`, not a string) would fail every connect, each
    // failure retried with backoff until maxReconnects ran out. A query or fragment would take in
    // the stream's path (the token sent to another route), credentials (`user:pass@`) would show
    // in errors, and a browser reads `//host` (or `/\host`) as another origin, also with a tab or
    // line break between, which URL parsing drops (so no white space at all). A relative base
    // needs a page to resolve it against (a `location`) or a fetch of the caller's own (a proxy):
    // without either (Node, a worker) fetch fails on it the same way.
    [
      'baseUrl',
      /^(https?:\/\/|\/(?![/\\]))[^?#@\s]*$/i.test(b as string) &&
        (b![0] !== '/' || !!options.fetch || 'location' in globalThis),
    ],
    // Listened to at once: anything else would throw a TypeError that names no option.
    ['signal', typeof options.signal?.addEventListener === 'function'],
    // Anything else would fail every connect, each failure retried with backoff. (Every runtime
    // this package supports has a global fetch for when none is given.)
    ['fetch', typeof options.fetch === 'function'],
  ] as const
  // One message for all (each option's doc says what it takes): the SSE app's 6 KB budget has no
  // room for one per option.
  for (const [name, ok] of checks)
    if (options[name] !== undefined && !ok) throw new ConfigurationError(`${name} has an invalid value`)
}
