import { ConfigurationError } from '@amigo-ai/core'
import { isByteStream, readCappedBody } from './read-capped-body'

/** A parsed identity-service answer: status, headers and the JSON body (or text when not JSON). */
export interface IdentityResponse {
  status: number
  headers: Headers
  body: unknown
}

/** An answer whose status and headers are known and whose body is still to be read. */
export interface UnreadIdentityResponse {
  status: number
  headers: Headers
  /**
   * Reads the body; rejects when reading fails (a dropped connection) or the body is over 1 MiB
   * (a `ParseError`), not for a non-JSON body.
   */
  readBody(): Promise<unknown>
}

// Headers the flow and core's error mapping read; a stub's `headers.get` is asked for these only.
const READ_HEADERS = ['content-type', 'retry-after', 'x-request-id']

/**
 * Accepts a real `Response` or the minimal stub users' tests pass as `fetch` (`{ status, ok,
 * headers, json() }`, with or without `text()`, `headers.get` or headers at all). Anything that
 * lacks a numeric `status` or a way to read the body is a `ConfigurationError` saying what is missing.
 */
export function identityResponseOf(value: unknown, url: string): UnreadIdentityResponse {
  const path = new URL(url).pathname
  const what = `fetch answered ${path} with`
  if (typeof value !== 'object' || value === null) {
    throw new ConfigurationError(`${what} ${value === null ? 'null' : typeof value}, not a Response`)
  }
  const r = value as { status?: unknown; headers?: unknown; text?: unknown; json?: unknown; body?: unknown }
  if (typeof r.status !== 'number' || !Number.isInteger(r.status)) {
    throw new ConfigurationError(`${what} an object without a numeric status; a Response needs one`)
  }
  const { text, json } = r
  if (typeof text !== 'function' && typeof json !== 'function') {
    throw new ConfigurationError(`${what} an object without text() or json(); a Response needs one of them`)
  }
  const answer = { path, status: r.status, headers: headersOf(r.headers) }
  return {
    status: answer.status,
    headers: answer.headers,
    readBody: () => {
      // A real Response is read from its stream, so that no more than the cap is ever taken in.
      if (isByteStream(r.body)) return readText(readCappedBody(r.body, answer))
      return typeof text === 'function' ? readText(text.call(r)) : readJson(json as () => unknown, r)
    },
  }
}

async function readText(pending: unknown): Promise<unknown> {
  const text = await pending
  if (typeof text !== 'string' || text.length === 0) return undefined
  try {
    return JSON.parse(text)
  } catch {
    // Not JSON: keep the text so error messages can show what came back.
    return text
  }
}

async function readJson(json: () => unknown, self: object): Promise<unknown> {
  try {
    return await json.call(self)
  } catch (error) {
    // An empty or non-JSON body, as `Response.json()` reports it: there is no body to read.
    if (error instanceof SyntaxError) return undefined
    throw error
  }
}

function headersOf(value: unknown): Headers {
  if (value instanceof Headers) return value
  if (typeof value !== 'object' || value === null) return new Headers()
  const get = (value as { get?: unknown }).get
  if (typeof get === 'function') {
    // Another realm's Headers, or a stub with only get(): copy what this package reads.
    const copy = new Headers()
    for (const name of READ_HEADERS) {
      const v = get.call(value, name)
      if (typeof v === 'string') copy.set(name, v)
    }
    return copy
  }
  try {
    return new Headers(value as Record<string, string>)
  } catch {
    return new Headers()
  }
}
