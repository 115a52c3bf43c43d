// What may travel as one URL path segment. Every path parameter of every request passes here once
// (fillPath), and so do the ids the realtime and umbrella URL builders put into their URLs.

const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`)

/**
 * True for `.` and `..`, also when spelled with percent escapes, decoded up to three times (`%2e`,
 * `.%2E`, `%252e%252e`): URL parsers resolve dot segments (`%2e` included), and a server or proxy
 * that decodes once more would resolve the next spelling.
 */
export function isDotSegment(value: string): boolean {
  if (value === '.' || value === '..') return true
  // The longest spelling that decodes to ".." in three rounds is `%25252e%25252e`, 14 characters.
  if (value.length > 14 || value.indexOf('%') === -1) return false
  let v = value
  for (let round = 0; round < 3 && v.indexOf('%') !== -1; round++) {
    try {
      v = decodeURIComponent(v)
    } catch {
      return false
    }
    if (v === '.' || v === '..') return true
  }
  return false
}

/** False when the string holds an unpaired UTF-16 surrogate, which has no UTF-8 form to percent-encode. */
function isWellFormed(value: string): boolean {
  const native = (value as { isWellFormed?: () => boolean }).isWellFormed
  if (typeof native === 'function') return native.call(value)
  try {
    encodeURIComponent(value)
    return true
  } catch {
    return false
  }
}

/**
 * Why `value` cannot be sent as exactly one URL path segment, or `undefined` when it can: a
 * non-empty string or a finite number, which `encodeURIComponent` keeps inside its segment (`?`,
 * `#`, `%`, spaces, line breaks and unicode are percent-encoded). Refused:
 * - `.` and `..`, also percent-encoded: URL resolution turns them into the parent route, so
 *   `DELETE /v1/{ws}/agents/..` would reach `/v1/{ws}/`;
 * - `/`: servers commonly decode `%2F` before routing (uvicorn/Starlette does), where it would
 *   split the value into two segments of another route;
 * - an unpaired UTF-16 surrogate, an empty string, and anything that is not a string or a finite
 *   number (booleans, objects, arrays, `null`, `NaN`, `Infinity`).
 * The reason never quotes the value (a secret pasted into the wrong argument must not reach an
 * error message or a log); a dot segment, short and harmless, is named.
 */
export function pathSegmentProblem(value: unknown): string | undefined {
  if (typeof value === 'string') {
    if (value.length === 0) return 'is empty'
    if (isDotSegment(value))
      return `is the dot segment ${JSON.stringify(value)}, which URL resolution would turn into another route`
    if (value.indexOf('/') !== -1) return 'contains "/", which would split it into more than one path segment'
    if (!isWellFormed(value)) return 'contains an unpaired UTF-16 surrogate, which cannot be percent-encoded'
    return undefined
  }
  if (typeof value === 'number')
    return Number.isFinite(value) ? undefined : `must be a finite number, got ${value}`
  return `must be a string or a finite number, got ${kindOf(value)}`
}
