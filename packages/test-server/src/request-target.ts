/**
 * The URL a request target names on a test server. An origin-form target (`/x`, also `//host/x`) is
 * read as a path on this server: resolved against a base URL, `//host/x` would name another host.
 * Other forms (absolute `http://h/x`, `*`) are resolved against the base as they are. Throws
 * `TypeError` (Invalid URL) on a target no URL can hold.
 */
export const parseTarget = (raw: string): URL =>
  raw.startsWith('/') ? new URL(`http://127.0.0.1${raw}`) : new URL(raw, 'http://127.0.0.1')
