/** A request target as the mock routes it: the raw path (no dot segments resolved) and the query. */
export interface RequestTarget {
  /** The path exactly as sent, percent-escapes kept, without the query string. */
  pathname: string
  searchParams: URLSearchParams
}

/**
 * Splits a request target (`/v1/ws/agents/a%2Fb?limit=5`, or the absolute form a proxy sends)
 * without the URL parser: `new URL` resolves `..`, `.` and their `%2e` spellings and turns `\` into
 * `/`, so `/v1/ws/agents/..` would be routed as `/v1/ws/`, a neighbouring route. The router sees
 * the path as sent, and a dot segment matches no route (see hasDotSegment).
 */
export function requestTarget(raw: string | undefined): RequestTarget {
  let target = raw ?? '/'
  const origin = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i.exec(target)
  if (origin) target = target.slice(origin[0].length) || '/'
  const hash = target.indexOf('#')
  if (hash >= 0) target = target.slice(0, hash)
  const query = target.indexOf('?')
  return {
    pathname: query >= 0 ? target.slice(0, query) : target,
    searchParams: new URLSearchParams(query >= 0 ? target.slice(query + 1) : ''),
  }
}

/**
 * True when a segment of `pathname` is `.` or `..` once percent-decoded (as a server decodes the
 * path once): such a path names no resource of its own and is answered 404, never routed.
 */
export function hasDotSegment(pathname: string): boolean {
  for (const segment of pathname.split('/')) {
    if (segment.length > 6 || segment === '') continue
    let decoded = segment
    try {
      decoded = decodeURIComponent(segment)
    } catch {
      // Not decodable: not a dot segment either.
    }
    if (decoded === '.' || decoded === '..') return true
  }
  return false
}
