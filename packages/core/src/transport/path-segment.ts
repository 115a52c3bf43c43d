// What may travel as one URL path segment. Every path parameter of every request passes here once
// (fillPath), and so do the ids the realtime and umbrella URL builders put into their URLs. Kept
// small: the browser SSE bundle carries it (bench: 6 KB budget).

// `.` or `..`, each dot possibly percent-encoded once or more (`%2e`, `%252E`, ...).
const DOT_SEGMENT = /^(\.|%(25)*2e){1,2}$/i

/**
 * True for `.` and `..`, also spelled with percent escapes (`%2e`, `.%2E`, `%252e`): URL parsers
 * resolve dot segments (`%2e` included), and a server or proxy that decodes once more would
 * resolve the next spelling. Every spelling starts with a character below `/` (`.` or `%`), so one
 * string comparison spares ordinary ids the pattern.
 */
export const isDotSegment = (value: string): boolean => value < '/' && DOT_SEGMENT.test(value)

/**
 * Why `value` cannot be sent as exactly one URL path segment, or `undefined` when it can: a
 * non-empty string or a finite number, which `encodeURIComponent` keeps inside its segment (`?`,
 * `#`, `%`, spaces, line breaks and unicode are percent-encoded). Refused:
 * - `.` and `..`, also percent-encoded: URL resolution turns them into the parent route, so
 *   `DELETE /v1/{ws}/agents/..` would reach `/v1/{ws}/`;
 * - `/`: servers commonly decode `%2F` before routing (uvicorn/Starlette does), where it would
 *   split the value into two segments of another route;
 * - an unpaired UTF-16 surrogate (no UTF-8 form to percent-encode), an empty string, and anything
 *   that is not a string or a finite number (booleans, objects, arrays, `null`, `NaN`, `Infinity`).
 * The reason never quotes the value (a secret pasted into the wrong argument must not reach an
 * error message or a log); a dot segment, short and harmless, is named.
 */
export function pathSegmentProblem(value: unknown): string | undefined {
  // A finite number prints as digits, a sign, a dot and an exponent: always one segment.
  // (Number.isFinite is false for anything that is not a number.)
  if (typeof value !== 'string')
    return Number.isFinite(value) ? undefined : 'is not a string or finite number'
  try {
    encodeURIComponent(value)
  } catch {
    return 'contains an unpaired surrogate'
  }
  return value === ''
    ? 'is empty'
    : isDotSegment(value)
      ? `is the dot segment "${value}"`
      : value.includes('/')
        ? 'contains "/"'
        : undefined
}
