// Caller-controlled header values are checked before any attempt: the runtime's own error for a bad
// header quotes the whole value (which may be a key), and it would surface as a NetworkError that
// the retry policy treats as transient. Every package checks its headers here, with one error class.
import { ConfigurationError } from '../errors/client-errors'
import { kindOf } from '../options/kind-of'
import type { HeaderLayer } from './headers'

// Characters a header value may carry: no line breaks, no other control characters, Latin-1 only.
const HEADER_SAFE = /^[\t\x20-\x7e\x80-\xff]*$/

/**
 * Whether `value` can be sent as an HTTP header value (tab, visible ASCII and the rest of Latin-1).
 * fetch's `Headers` refuses only line breaks, NUL and characters past Latin-1; the other control
 * characters make the request fail once sent, as a network error.
 */
export const isHeaderValue = (value: string): boolean => HEADER_SAFE.test(value)

/**
 * Throws `ConfigurationError` naming `what` when `value` cannot be sent as an HTTP header value
 * (line breaks, control or non-Latin-1 characters). The message never includes the value.
 */
export function assertHeaderValue(value: string, what: string): void {
  if (!isHeaderValue(value))
    throw new ConfigurationError(
      `${what} contains characters not allowed in an HTTP header (line breaks, control or non-Latin-1 characters)`,
    )
}

/**
 * A header set as the caller passed it (a `Headers`, an array of pairs or a record), checked and
 * turned into a {@link HeaderLayer}: lower-case names, text values (a record's list of values
 * joined as `Headers.append` would join them), and `null` for a record's "remove this header" when
 * `nullable`. Each value goes through a scratch `Headers`, so the runtime's own rules decide what is
 * valid, but a `ConfigurationError` names `where` and the header instead of quoting the value.
 */
export function headerLayer(headers: unknown, where: string, nullable: boolean): HeaderLayer | undefined {
  if (headers === undefined) return undefined
  if (typeof headers !== 'object' || headers === null)
    throw new ConfigurationError(
      `${where} must be a Headers, an array of pairs or an object, got ${kindOf(headers)}`,
    )
  const list = Array.isArray(headers)
  const scratch = new Headers()
  const out: HeaderLayer = {}
  const pairs: [string, unknown][] =
    headers instanceof Headers
      ? [...headers]
      : list
        ? Array.from(headers, (p) =>
            Array.isArray(p) && p.length === 2 ? [String(p[0]), p[1]] : ['', undefined],
          )
        : Object.entries(headers)
  for (const [name, value] of pairs) {
    if (value === undefined && !list) continue
    if (value === null && nullable) {
      out[name.toLowerCase()] = null
      continue
    }
    const values = Array.isArray(value) && !list ? value : [value]
    if (!values.every((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'))
      throw new ConfigurationError(
        `${where}: header "${name}" must have a string value, got ${kindOf(value)}`,
      )
    const text = values.join(', ')
    try {
      if (!isHeaderValue(text)) throw text
      scratch.append(name, text)
    } catch {
      throw new ConfigurationError(
        `${where}: header "${name}" has an invalid name or value (line breaks, control or non-Latin-1 characters)`,
      )
    }
    // Pairs repeating a name are combined, as `Headers` combines them; in a record the last wins.
    out[name.toLowerCase()] = list || headers instanceof Headers ? (scratch.get(name) as string) : text
  }
  return out
}
