/**
 * The URL a request target names on a test server. An origin-form target (`/x`, also `//host/x`) is
 * read as a path on this server: resolved against a base URL, `//host/x` would name another host.
 * Other forms (absolute `http://h/x`, `*`) are resolved against the base as they are. Throws
 * `TypeError` (Invalid URL) on a target no URL can hold.
 */
export const parseTarget = (raw: string): URL =>
  raw.startsWith('/') ? new URL(`http://127.0.0.1${raw}`) : new URL(raw, 'http://127.0.0.1')

/**
 * The path of a request target exactly as sent, without its query. A URL parser would resolve dot
 * segments (`/a/../b`, `/a/%2e%2e/b` read as `/b`), hiding from a test a path a client must never
 * send; only an absolute-form target (`http://h/x`) is read through the parser.
 */
export const targetPath = (raw: string, parsed: URL): string =>
  raw.startsWith('/') ? raw.split('?', 1)[0]! : parsed.pathname
