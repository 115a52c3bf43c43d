// Property-based: a hostile server on loopback answers every request with a generated response (any
// status 200-599, arbitrary header names and values, Retry-After garbage, content types that lie,
// random bytes, cut-off or deeply nested JSON, the caller's API key echoed in strings, object keys and
// headers, or nothing). Whatever it sends, one call through the transport settles: with the parsed
// data for a 2xx, else with the AmigoError subclass the README's table gives; the key never shows up
// in what the error prints; and the server never sees more attempts than the retry settings allow.
import type { ServerResponse } from 'node:http'
import { startTestServer, type TestRequest, type TestServer } from '@amigo-ai/test-server'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type AmigoError,
  isAmigoError,
  isAuthenticationError,
  isBadRequestError,
  isConflictError,
  isNetworkError,
  isNotFoundError,
  isParseError,
  isPermissionError,
  isRateLimitError,
  isRequestTimeoutError,
  isServerError,
  isServiceUnavailableError,
  isValidationError,
} from '../src/index'
import { API_KEY, makeTransport } from './fixtures/helpers'

let server: TestServer
let other: TestServer
beforeAll(async () => {
  server = await startTestServer()
  other = await startTestServer()
})
afterAll(async () => {
  await server.close()
  await other.close()
})

// ---- generated responses -------------------------------------------------------------------------

/**
 * How the body goes out: bytes with a matching length; cut off mid-way (the socket destroyed);
 * labelled gzip without being gzip; or a whole response written by hand whose `x-request-id` holds a
 * control character.
 */
type Body =
  | { kind: 'bytes'; text: string | Uint8Array; deep?: true }
  | { kind: 'cut'; text: string }
  | { kind: 'badGzip'; bytes: Uint8Array }
  | { kind: 'controlRequestId'; value: string }

interface Reply {
  status: number
  headers: [string, string][]
  body: Body
}

const NO_BODY = new Set([204, 205, 304])
const TOKEN = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyz"
// Headers that change the framing or the redirect handling, which the properties below set on purpose.
const FRAMING = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade'])
const RESERVED = new Set([...FRAMING, 'trailer', 'location', 'content-encoding', 'te', 'expect', 'host'])

function send(res: ServerResponse, req: TestRequest, reply: Reply): void {
  const { status, body } = reply
  const headers: [string, string][] = reply.headers.filter(([n]) => !FRAMING.has(n.toLowerCase()))
  if (NO_BODY.has(status) && body.kind !== 'controlRequestId') {
    res.writeHead(status, headers.flat())
    res.end()
    return
  }
  if (body.kind === 'controlRequestId') {
    // Written on the socket by hand: node:http refuses to send a control character in a header.
    const head = `HTTP/1.1 ${status} X\r\nx-request-id: ${body.value}\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}`
    req.raw.socket.end(Buffer.from(head, 'latin1'))
    return
  }
  if (body.kind === 'cut') {
    res.writeHead(status, [...headers.flat(), 'content-length', String(Buffer.byteLength(body.text) + 100)])
    res.write(body.text)
    setTimeout(() => req.raw.socket.destroy(), 2)
    return
  }
  const bytes = Buffer.from(body.kind === 'badGzip' ? body.bytes : body.text)
  const encoding = body.kind === 'badGzip' ? ['content-encoding', 'gzip'] : []
  res.writeHead(status, [...headers.flat(), ...encoding, 'content-length', String(bytes.length)])
  res.end(bytes)
}

const keyEcho = fc
  .tuple(fc.string({ maxLength: 4 }), fc.constantFrom('', 'Bearer '), fc.string({ maxLength: 4 }))
  .map(([a, bearer, b]) => `${a}${bearer}${API_KEY}${b}`)
const text = fc.oneof({ weight: 3, arbitrary: fc.string({ maxLength: 12 }) }, keyEcho)
const { json: jsonArb } = fc.letrec<{ json: unknown }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('json'), { maxLength: 4 }),
    fc.dictionary(text, tie('json'), { maxKeys: 4 }),
  ),
}))
const issue = fc.record({
  loc: fc.array(fc.oneof(text, fc.integer()), { maxLength: 3 }),
  msg: text,
  type: text,
})
// The error shapes the SDK reads (FastAPI detail, validation list, flat, OAuth) and anything else.
const errorJson = fc.oneof(
  jsonArb,
  fc.record({ detail: jsonArb }),
  fc.record({ detail: fc.array(issue, { maxLength: 3 }) }),
  fc.record({ error_code: text, message: text, request_id: text }, { requiredKeys: [] }),
  fc.record({ error: text, error_description: text }, { requiredKeys: [] }),
  fc.record({ detail: fc.record({ error_code: text, message: text, msg: text }, { requiredKeys: [] }) }),
)

// JSON nested deeper than any real body, written out directly (the stack of JSON.stringify is no
// limit): the key at the bottom as a value and as an object key, or a validation issue whose `loc`
// nests that deep.
const deepJson = fc
  .record({
    depth: fc.oneof(fc.integer({ min: 30, max: 300 }), fc.integer({ min: 300, max: 6000 })),
    style: fc.constantFrom('array', 'object', 'detail', 'loc'),
  })
  .map(({ depth, style }) => {
    const bottom = JSON.stringify({ [`k ${API_KEY}`]: `v ${API_KEY}` })
    const arrays = `${'['.repeat(depth)}${bottom}${']'.repeat(depth)}`
    if (style === 'array') return arrays
    if (style === 'loc') return `{"detail":[{"msg":"bad","type":"t","loc":${arrays}}]}`
    const objects = `${`{"${API_KEY}":`.repeat(depth)}${bottom}${'}'.repeat(depth)}`
    return style === 'object' ? objects : `{"detail":${objects}}`
  })

const bodyArb: fc.Arbitrary<Body> = fc.oneof(
  fc.constant({ kind: 'bytes' as const, text: '' }),
  fc.uint8Array({ maxLength: 300 }).map((text) => ({ kind: 'bytes' as const, text })),
  fc.string({ unit: 'binary', maxLength: 100 }).map((text) => ({ kind: 'bytes' as const, text })),
  fc.oneof(jsonArb, errorJson).map((v) => ({ kind: 'bytes' as const, text: JSON.stringify(v) })),
  // Cut-off JSON: a prefix of a valid document.
  fc.tuple(errorJson, fc.nat()).map(([v, at]) => {
    const whole = JSON.stringify(v)
    return { kind: 'bytes' as const, text: whole.slice(0, at % (whole.length + 1)) }
  }),
  deepJson.map((t) => ({ kind: 'bytes' as const, text: t, deep: true as const })),
  errorJson.map((v) => ({ kind: 'cut' as const, text: JSON.stringify(v).slice(0, 20) })),
  // Not gzip at all (never starting with its magic byte).
  fc
    .uint8Array({ minLength: 1, maxLength: 50 })
    .map((b) => ({ kind: 'badGzip' as const, bytes: Uint8Array.from([0x42, ...b]) })),
  fc
    .tuple(fc.string({ maxLength: 5 }), fc.constantFrom(...'\x00\x01\x08\x0b\x0c\x1b\x1f\x7f'), keyEcho)
    .map(([a, control, key]) => ({
      kind: 'controlRequestId' as const,
      value: `${a}${control}${key}`.replace(/[\r\n]/g, ''),
    })),
)

const headerValue = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\t'),
    fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    fc.integer({ min: 0x80, max: 0xff }).map((c) => String.fromCharCode(c)),
  ),
  maxLength: 40,
})
const retryAfter = fc.oneof(
  fc.nat({ max: 5 }).map(String),
  fc.constantFrom(
    '-1',
    '-0',
    '0.5',
    '1e3',
    '9'.repeat(400),
    '18446744073709551616',
    'soon',
    '',
    ' 1 ',
    'NaN',
  ),
  fc.integer({ min: -1e15, max: 1e15 }).map((ms) => new Date(Date.now() + ms).toUTCString()),
  headerValue,
)
const contentType = fc.oneof(
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/problem+json',
    'application/json; charset=latin1',
    'text/html',
    'text/plain',
    'application/octet-stream',
    '',
  ),
  headerValue,
  fc.constantFrom(`application/json; key=${API_KEY}`, `text/plain; Bearer ${API_KEY}`),
)
const headersArb = fc
  .tuple(
    fc.option(retryAfter.map((v) => ['retry-after', v] as [string, string])),
    fc.option(contentType.map((v) => ['content-type', v] as [string, string])),
    fc.option(
      fc.oneof(headerValue, fc.constant(API_KEY)).map((v) => ['x-request-id', v] as [string, string]),
    ),
    fc.array(
      fc.tuple(
        fc
          .string({ unit: fc.constantFrom(...TOKEN), minLength: 1, maxLength: 12 })
          .filter((n) => !RESERVED.has(n)),
        fc.oneof(
          headerValue,
          keyEcho.map((k) => k.replace(/[^\t\x20-\x7e\x80-\xff]/g, '')),
        ),
      ),
      { maxLength: 4 },
    ),
    fc.array(
      fc.tuple(
        fc.constantFrom('x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'),
        fc.oneof(headerValue, fc.constantFrom('1e400', '-5', '1e20', '99999999999999999')),
      ),
      { maxLength: 3 },
    ),
  )
  .map(([ra, ct, rid, extra, rate]) =>
    [ra, ct, rid, ...extra, ...rate].filter((h): h is [string, string] => h !== null),
  )

const replyArb: fc.Arbitrary<Reply> = fc.record({
  status: fc.oneof(
    fc.constantFrom(200, 201, 204, 205, 400, 401, 403, 404, 408, 409, 422, 429, 500, 502, 503, 504),
    fc.integer({ min: 200, max: 599 }),
  ),
  headers: headersArb,
  body: bodyArb,
})

// ---- what the README promises for a reply ------------------------------------------------------

const RETRYABLE = new Set([408, 429, 500, 502, 503, 504])
const header = (reply: Reply, name: string) => reply.headers.find(([n]) => n === name)?.[1]

/** The status's class check, from the README's table. */
function classOf(status: number): [string, (e: unknown) => boolean] {
  const table: Record<number, [string, (e: unknown) => boolean]> = {
    400: ['BadRequestError', isBadRequestError],
    401: ['AuthenticationError', isAuthenticationError],
    403: ['PermissionError', isPermissionError],
    404: ['NotFoundError', isNotFoundError],
    409: ['ConflictError', isConflictError],
    422: ['ValidationError', isValidationError],
    429: ['RateLimitError', isRateLimitError],
    503: ['ServiceUnavailableError', isServiceUnavailableError],
  }
  if (table[status]) return table[status]
  if (status >= 500) return ['ServerError', isServerError]
  return ['AmigoError', (e) => isAmigoError(e) && (e as Error).name === 'AmigoError']
}

/** The body's bytes as fetch decodes them (UTF-8, a BOM dropped). */
const decoded = (body: string | Uint8Array) =>
  new TextDecoder().decode(typeof body === 'string' ? Buffer.from(body) : body)

type Expected = { data: unknown } | { error: 'status' | 'network' | 'parse' }

function expected(reply: Reply): Expected {
  const { status, body } = reply
  if (body.kind === 'controlRequestId') return { error: 'network' } // the HTTP parser refuses the header
  // The Fetch standard answers a 407 with a network error itself: the transport never sees the status.
  if (status === 407) return { error: 'network' }
  if (NO_BODY.has(status)) return status < 300 ? { data: undefined } : { error: 'status' }
  if (body.kind !== 'bytes') return { error: 'network' }
  if (status >= 300) return { error: 'status' }
  const t = decoded(body.text)
  if (t === '') return { data: undefined }
  try {
    return { data: JSON.parse(t) }
  } catch {
    return { error: 'parse' }
  }
}

/** Attempts the README's retry rules allow for this reply, given `maxRetries`: one or all. */
function attemptsFor(reply: Reply, method: string, maxRetries: number, outcome: Expected): number[] {
  const all = maxRetries + 1
  const safe = method === 'GET'
  if ('data' in outcome || outcome.error === 'parse') return [1]
  if (outcome.error === 'network') return safe ? [all] : [1]
  if (safe) return RETRYABLE.has(reply.status) ? [all] : [1]
  if (reply.status !== 429) return [1]
  const ra = header(reply, 'retry-after')
  if (ra === undefined) return [1]
  if (/^\d+$/.test(ra)) return [all]
  return [1, all] // an HTTP date or garbage: whether it reads as one is parseRetryAfter's business
}

/**
 * Whether the server saw as many requests as `attempts` attempts send. The Fetch standard may send a
 * request answered 421 (Misdirected Request) once more on a new connection, by itself.
 */
const sentBy = (reply: Reply, attempts: number[], seen: number) =>
  reply.status === 421 && reply.body.kind !== 'controlRequestId'
    ? attempts.some((n) => seen >= n && seen <= 2 * n)
    : attempts.includes(seen)

/**
 * Whether the Fetch implementation's own re-send of a request answered 421 failed. Node's fetch
 * (undici) re-sends it on a new connection by itself: when the first answer's body is large, the
 * re-sent request's body does not match its Content-Length and fetch rejects (a NetworkError); on
 * Node 20 and 22, when the first answer's body is cut off, fetch never settles and the attempt's
 * timeout ends the call (a RequestTimeoutError, see timeout.test.ts).
 */
function fetchGaveUpOn421(
  reply: Reply,
  outcome: { error: unknown } | { result: unknown },
): outcome is { error: AmigoError } {
  return reply.status === 421 && 'error' in outcome && isNetworkError(outcome.error)
}

// ---- the key never shows up -------------------------------------------------------------------

/** Every string (values and keys) in `value`, walked without recursion (bodies nest thousands deep). */
function strings(value: unknown): string[] {
  const out: string[] = []
  const stack = [value]
  const seen = new Set<unknown>()
  while (stack.length) {
    const v = stack.pop()
    if (typeof v === 'string') out.push(v)
    else if (typeof v === 'object' && v !== null && !seen.has(v) && !(v instanceof Headers)) {
      seen.add(v)
      for (const [k, item] of Object.entries(v)) {
        out.push(k)
        stack.push(item)
      }
    }
  }
  return out
}

/** `JSON.stringify(error)`, or undefined when the body alone nests deeper than this runtime can stringify. */
function jsonOf(error: AmigoError, reply: Reply): string | undefined {
  try {
    return JSON.stringify(error)
  } catch (e) {
    if (!(e instanceof RangeError) || reply.body.kind !== 'bytes') throw e
    try {
      JSON.stringify(JSON.parse(decoded(reply.body.text)))
    } catch {
      return undefined
    }
    throw e
  }
}

function expectNoKey(error: AmigoError, reply: Reply): void {
  expect(error.message).not.toContain(API_KEY)
  expect(String(error)).not.toContain(API_KEY)
  expect(jsonOf(error, reply) ?? '').not.toContain(API_KEY)
  const fields = [error.body, error.errorBody, error.detail, error.rawBody, error.requestId, error.errorCode]
  expect(strings(fields).filter((s) => s.includes(API_KEY))).toEqual([])
}

// ---- properties -------------------------------------------------------------------------------

const METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const
let runs = 0

describe('a hostile server', () => {
  it('every reply settles the call with its data or the right AmigoError, within the retry budget, never echoing the key', async () => {
    await fc.assert(
      fc.asyncProperty(
        replyArb,
        fc.constantFrom(...METHODS),
        fc.integer({ min: 0, max: 2 }),
        async (reply, method, maxRetries) => {
          server.setHandler((req, res) => send(res, req, reply))
          // Each run's requests carry its number, so a late request of another run is never counted.
          const run = String(++runs)
          const t = makeTransport(server, {
            maxRetries,
            timeout: 3_000,
            retry: { baseDelayMs: 1, maxDelayMs: 5 },
            headers: { 'x-run': run },
          })
          const body = method === 'GET' ? undefined : { name: 'x' }
          const outcome = await t
            .request(method.toLowerCase() as 'get', '/v1/{workspace_id}/things', { body })
            .then(
              (result) => ({ result }),
              (error: unknown) => ({ error }),
            )
          const gaveUp = fetchGaveUpOn421(reply, outcome)
          const want = gaveUp ? ({ error: 'network' } as const) : expected(reply)
          const attempts = server.requests.filter((r) => r.headers['x-run'] === run).length
          // A timeout is never retried.
          const allowed =
            gaveUp && isRequestTimeoutError(outcome.error)
              ? [1]
              : attemptsFor(reply, method, maxRetries, want)
          expect(sentBy(reply, allowed, attempts), `${attempts} requests, allowed ${allowed}`).toBe(true)
          if ('data' in want) {
            if ('error' in outcome) throw outcome.error
            expect(outcome.result.data).toEqual(want.data)
            return
          }
          expect('error' in outcome).toBe(true)
          const error = (outcome as { error: AmigoError }).error
          expect(isAmigoError(error)).toBe(true)
          if (!gaveUp) expect(isRequestTimeoutError(error)).toBe(false)
          if (want.error === 'network') expect(isNetworkError(error)).toBe(true)
          else if (want.error === 'parse') {
            expect(isParseError(error)).toBe(true)
            expect(error.status).toBe(reply.status)
          } else {
            const [name, check] = classOf(reply.status)
            expect({ name: error.name, status: error.status }).toEqual({ name, status: reply.status })
            expect(check(error)).toBe(true)
          }
          expectNoKey(error, reply)
        },
      ),
      { numRuns: 60 },
    )
  })

  // A redirect's status, the method redirected and the path suffix `Location` points at.
  const redirects = [
    fc.constantFrom(301, 302, 303, 307, 308),
    fc.constantFrom(...METHODS),
    fc.string({ unit: fc.constantFrom(...'abc/?=&%.'), maxLength: 10 }),
  ] as const

  it('a redirect is not followed: the call fails naming it, and nothing reaches the other origin', async () => {
    await fc.assert(
      fc.asyncProperty(...redirects, async (status, method, suffix) => {
        server.setHandler((_req, res) => {
          res.writeHead(status, { location: `${other.url}/${suffix}`, 'content-length': '0' })
          res.end()
        })
        const before = other.requests.length
        const sent = server.requests.length
        const t = makeTransport(server, { maxRetries: 2, timeout: 3_000 })
        const body = method === 'GET' ? undefined : { name: 'x' }
        const error = await t
          .request(method.toLowerCase() as 'get', '/v1/{workspace_id}/things', { body })
          .then(
            () => undefined,
            (e: unknown) => e,
          )
        expect(isAmigoError(error)).toBe(true)
        expect(error).toMatchObject({ status, message: `Redirect (status ${status}) not followed` })
        // Final at once: a redirect is not a transient failure worth a retry.
        expect(server.requests.length - sent).toBe(1)
        expect(other.requests.length).toBe(before)
      }),
      { numRuns: 20 },
    )
  })

  it("with redirect: 'follow' a redirect to another origin is followed once, without the key", async () => {
    await fc.assert(
      fc.asyncProperty(...redirects, async (status, method, suffix) => {
        server.setHandler((_req, res) => {
          res.writeHead(status, { location: `${other.url}/${suffix}`, 'content-length': '0' })
          res.end()
        })
        other.setHandler((_req, res) => {
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': '2' })
          res.end('{}')
        })
        const before = other.requests.length
        const t = makeTransport(server, { maxRetries: 0, timeout: 3_000 })
        const body = method === 'GET' ? undefined : { name: 'x' }
        const result = await t.request(method.toLowerCase() as 'get', '/v1/{workspace_id}/things', {
          body,
          redirect: 'follow',
        })
        expect(result.data).toEqual({})
        const seen = other.requests.slice(before)
        expect(seen).toHaveLength(1)
        expect(seen[0]?.headers.authorization).toBeUndefined()
        expect(JSON.stringify([seen[0]?.url, seen[0]?.headers, seen[0]?.body])).not.toContain(API_KEY)
      }),
      { numRuns: 20 },
    )
  })
})
