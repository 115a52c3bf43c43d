import { usageError } from '../errors/cli-error'
import { jsonFaultAt } from '../errors/json-fault'

/** A captured delivery: its headers (lower-case names) and the raw body. */
export interface CapturedDelivery {
  headers: Record<string, string>
  body: string
}

/**
 * Reads a captured delivery in either format the README documents:
 * - JSON `{"headers": {...}, "body": "<raw body as a string>"}` (what `trigger --print` writes);
 * - raw HTTP request text: request line, headers, a blank line, then the body (cut to
 *   Content-Length when the header is there, so an editor's final newline does not count).
 * Its errors never quote the capture: a header line may hold a token or a signature, which no
 * secret filter knows. They say where the problem is instead.
 */
export function readDelivery(text: string): CapturedDelivery {
  const trimmed = text.trimStart()
  if (trimmed.startsWith('{')) return fromJson(trimmed)
  // The line the request line is on, after any blank lines before it.
  const firstLine = text.slice(0, text.length - trimmed.length).split('\n').length
  if (/^[A-Z]+ \S+ HTTP\/\d/.test(trimmed)) return fromHttp(trimmed, firstLine)
  throw usageError(
    'the delivery is neither JSON {"headers", "body"} nor raw HTTP request text',
    "capture one with 'amigo webhooks trigger <type> --secret S --print > delivery.json'",
  )
}

/**
 * An empty header record with no prototype: a captured header named `constructor` or `__proto__` is a
 * header like any other, not a property every object already has.
 */
const headerRecord = (): Record<string, string> => Object.create(null)

function fromJson(text: string): CapturedDelivery {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const at = jsonFaultAt(error)
    throw usageError(`the delivery is not valid JSON${at === undefined ? '' : ` (${at})`}`)
  }
  const v = value as { headers?: unknown; body?: unknown }
  if (typeof v !== 'object' || v === null || typeof v.headers !== 'object' || v.headers === null)
    throw usageError('the delivery JSON needs a "headers" object')
  if (typeof v.body !== 'string')
    throw usageError('the delivery JSON needs "body" as a string: the raw body exactly as it arrived')
  const headers = headerRecord()
  for (const [name, raw] of Object.entries(v.headers as Record<string, unknown>)) {
    const value = Array.isArray(raw) ? raw.join(', ') : raw
    if (typeof value !== 'string') throw usageError(`header "${name}" must be a string`)
    headers[name.toLowerCase()] = value
  }
  return { headers, body: v.body }
}

/** Raw HTTP text whose request line is line `firstLine` of the capture. */
function fromHttp(text: string, firstLine: number): CapturedDelivery {
  const split = /\r?\n\r?\n/.exec(text)
  const head = split ? text.slice(0, split.index) : text
  let body = split ? text.slice(split.index + split[0].length) : ''
  const headers = headerRecord()
  for (const [i, line] of head.split(/\r?\n/).entries()) {
    if (i === 0) continue
    const at = line.indexOf(':')
    if (at <= 0)
      throw usageError(
        `line ${firstLine + i} of the delivery is not an HTTP header line (name: value)`,
        'headers end at the first empty line; the body follows it',
      )
    const name = line.slice(0, at).trim().toLowerCase()
    const value = line.slice(at + 1).trim()
    headers[name] = headers[name] ? `${headers[name]}, ${value}` : value
  }
  if (/chunked/i.test(headers['transfer-encoding'] ?? ''))
    throw usageError(
      'chunked request bodies are not supported',
      'capture the delivery with a Content-Length body',
    )
  const length = contentLength(headers['content-length'])
  if (length !== undefined) {
    const bytes = Buffer.from(body, 'utf8')
    if (bytes.length < length)
      throw usageError(`the body is shorter than its Content-Length (${length} bytes)`)
    body = bytes.subarray(0, length).toString('utf8')
  }
  return { headers, body }
}

/**
 * The body's length in bytes from its Content-Length header, or undefined without one. Digits only,
 * as HTTP writes it: Number() reads an empty value as 0 and `0x10` or `1e2` as lengths no sender
 * meant, and the body cut to one of those would be called a bad signature. Any other value (`abc`,
 * `5, 5` from a repeated header) is a broken capture too, said as such rather than ignored.
 */
function contentLength(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value))
    throw usageError('the Content-Length header is not a number of bytes (digits only)')
  return Number(value)
}
