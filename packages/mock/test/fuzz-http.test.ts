// Generated garbage thrown at the mock's HTTP surface: path parameters, query strings, headers and
// bodies on spec routes, and form bodies on the identity endpoints. Every request must get an HTTP
// answer in time (never a dropped connection or a hang), with the status the README documents and
// never a 5xx (no fault is injected here); 4xx answers are JSON in FastAPI's `{"detail": ...}` shape
// (OAuth's `{error, error_description}` on /token and /device/code, never a 422; the HTML page on
// /device/approve), no secret sent in an identity request comes back in an error, and the mock
// serves a valid request afterwards.
// Requests go out through node:http, which sends the path and body bytes as given.
import { request } from 'node:http'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MockPlatform } from '../src/index'
import { specContext } from '../src/spec/context'
import { startTestMock, ws } from './helpers'

let mock: MockPlatform
beforeAll(async () => {
  mock = await startTestMock()
})
afterAll(() => mock?.close())

interface Answer {
  status: number
  text: string
  headers: Record<string, string | string[] | undefined>
}

/** Longest a request may take before the property calls it a hang. */
const TIMEOUT_MS = 3000

/** Sends `method target` with exactly these headers and body bytes; rejects on a drop or a hang. */
function send(
  method: string,
  target: string,
  headers: Record<string, string> = {},
  body?: string | Uint8Array,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(mock.url)
    const req = request({ host: url.hostname, port: url.port, method, path: target, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          text: Buffer.concat(chunks).toString('utf8'),
          headers: res.headers,
        }),
      )
      res.on('error', reject)
    })
    req.setTimeout(TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)))
    req.on('error', reject)
    req.end(body)
  })
}

const bearer = () => ({ authorization: `Bearer ${mock.apiKey}` })

/** The answer's body as JSON (fails the property when it is not JSON). */
function jsonOf(answer: Answer): any {
  expect(answer.headers['content-type'], answer.text.slice(0, 200)).toMatch(/application\/json/)
  return JSON.parse(answer.text)
}

/** A 4xx answer in FastAPI's shape: `detail` is a message or a list of `{loc, msg, type}` issues. */
function expectDetail(answer: Answer): any {
  const body = jsonOf(answer)
  expect(Object.keys(body)).toContain('detail')
  if (Array.isArray(body.detail)) {
    for (const issue of body.detail) {
      expect(Array.isArray(issue.loc)).toBe(true)
      expect(typeof issue.msg).toBe('string')
      expect(typeof issue.type).toBe('string')
    }
  } else expect(typeof body.detail).toBe('string')
  return body
}

/** The mock still answers a plain, valid request. */
async function expectServing(): Promise<void> {
  const answer = await send('GET', `${ws(mock)}/agents?limit=1`, bearer())
  expect(answer.status).toBe(200)
  expect(Array.isArray(jsonOf(answer).items)).toBe(true)
}

// Path segment texts: any text percent-encoded, raw printable ASCII a client may send unencoded,
// dot segments (raw and encoded), broken escapes, uuids and long texts.
const rawSegment = fc.string({ unit: fc.constantFrom(..."abcXYZ019-._~!$&'()*+,;=:@%"), maxLength: 40 })
const segmentArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }).map(encodeURIComponent),
  rawSegment.filter((s) => s.length > 0),
  fc.constantFrom('.', '..', '%2e', '%2E%2e', '.%2e', '%', '%zz', '%E0%A4%A', '%00', '%2F', 'a%2Fb'),
  fc.uuid(),
  fc.integer({ min: 1000, max: 6000 }).map((n) => 'x'.repeat(n)),
)

const PARAM_ROUTES = [
  ['GET', '/agents/{id}'],
  ['DELETE', '/agents/{id}'],
  ['GET', '/calls/{id}'],
  ['GET', '/world/entities/{id}'],
  ['GET', '/services/{id}'],
  ['PATCH', '/triggers/{id}'],
] as const

describe('path parameters', () => {
  it('answer 404, 405 or 422 in the detail shape (or the resource), never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PARAM_ROUTES),
        segmentArb,
        fc.boolean(),
        async ([method, template], segment, inWorkspace) => {
          // The generated text goes in the resource id or in the workspace id.
          const target = inWorkspace
            ? `/v1/${segment}${template.replace('{id}', mock.store.agents.list()[0]!.id)}`
            : `${ws(mock)}${template.replace('{id}', segment)}`
          const answer = await send(method, target, bearer())
          expect([200, 204, 403, 404, 405, 422], `${method} ${target.slice(0, 120)}`).toContain(answer.status)
          if (answer.status >= 400) expectDetail(answer)
          else if (answer.status === 200) jsonOf(answer)
        },
      ),
      { numRuns: 60 },
    )
    await expectServing()
  })
})

// Query values: numbers in and out of range, wrong types, unicode, empty values, repeated keys.
const queryValue = fc.oneof(
  fc.integer({ min: -5, max: 300 }).map(String),
  fc.constantFrom('', 'true', 'null', '1e3', '0x10', ' 5', '5.5', '-0', '9'.repeat(30)),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
)
const queryKey = fc.oneof(
  fc.constantFrom('limit', 'continuation_token', 'offset', 'sort_by', 'search', 'is_active', 'tag'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 10 }),
)
const queryPairs = fc.array(fc.tuple(queryKey, queryValue), { maxLength: 8 })

describe('query strings', () => {
  it('answer 200 or 422 naming a query field, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/agents', '/calls', '/services', '/world/entities', '/triggers'),
        queryPairs,
        async (list, pairs) => {
          const qs = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')
          const answer = await send('GET', `${ws(mock)}${list}?${qs}`, bearer())
          expect([200, 422], `${list}?${qs}`).toContain(answer.status)
          const body = answer.status === 200 ? jsonOf(answer) : expectDetail(answer)
          if (answer.status === 422) for (const issue of body.detail) expect(issue.loc[0]).toBe('query')
        },
      ),
      { numRuns: 60 },
    )
    await expectServing()
  })
})

// Header values node:http will send (visible ASCII and spaces), up to past the 16 KB header limit.
const headerText = (max: number) =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: max })
// Long values are generated as their length (a counterexample stays readable) and built when sent.
type HeaderValue = string | { repeat: number }
const hugeHeader = fc.integer({ min: 4_000, max: 40_000 }).map((n): HeaderValue => ({ repeat: n }))
const textOf = (v: HeaderValue) => (typeof v === 'string' ? v : 'k'.repeat(v.repeat))
const authArb = fc.oneof(
  fc.constant(undefined),
  headerText(60),
  headerText(60).map((t) => `Bearer ${t}`),
  fc.constantFrom('Bearer', 'Bearer ', 'bearer', 'Basic dXNlcjpwYXNz', 'Token abc'),
  hugeHeader,
)

describe('headers', () => {
  it('without a valid key answer 401 (431 past the header limit) in the detail shape', async () => {
    await fc.assert(
      fc.asyncProperty(
        authArb,
        fc.option(fc.oneof(headerText(40), hugeHeader), { nil: undefined }),
        async (authValue, junkValue) => {
          const authorization = authValue === undefined ? undefined : textOf(authValue)
          const junk = junkValue === undefined ? undefined : textOf(junkValue)
          const headers: Record<string, string> = {}
          if (authorization !== undefined) headers.authorization = authorization
          if (junk !== undefined) headers['x-junk'] = junk
          const answer = await send('GET', `${ws(mock)}/agents`, headers)
          const size = (authorization?.length ?? 0) + (junk?.length ?? 0)
          // node:http refuses more than 16 KB of headers before any route sees them.
          if (size > 16 * 1024) expect(answer.status).toBe(431)
          else if (size < 15 * 1024) expect(answer.status).toBe(401)
          else expect([401, 431]).toContain(answer.status)
          const body = expectDetail(answer)
          if (answer.status === 401) expect(answer.headers['www-authenticate']).toMatch(/^Bearer/)
          if (authorization && authorization.length > 8) expect(answer.text).not.toContain(authorization)
          expect(body).not.toHaveProperty('access_token')
        },
      ),
      { numRuns: 40 },
    )
    await expectServing()
  })
})

/** A valid sampled body of the operation's JSON request (the spec's own example of it). */
function sampleBody(method: string, path: string): Record<string, unknown> {
  const spec = specContext()
  const op = spec.operation(method, path)!
  return spec.sampler.sample(op.op.requestBody!.content!['application/json']!.schema) as Record<
    string,
    unknown
  >
}

/** Routes that store a JSON body, the free-form field of it, and the route that reads it back. */
const BODY_ROUTES = [
  { method: 'POST', path: '/agents', open: undefined, list: '/agents' },
  { method: 'POST', path: '/data-sources', open: 'connection_config', list: '/data-sources' },
  { method: 'POST', path: '/services', open: 'version_sets', list: '/services' },
  { method: 'PUT', path: '/settings/voice', open: 'tts_config', list: '/settings/voice' },
  { method: 'PUT', path: '/settings/environments', open: 'environments', list: '/settings/environments' },
] as const

/** `{"a":{"a":…1…}}`, `depth` levels (built as text: JSON.stringify itself overflows on it). */
const nested = (depth: number, array: boolean) =>
  array ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`

type BodyCase = { kind: string; text: (valid: string, open: string | undefined) => string | Uint8Array }
const bodyArb: fc.Arbitrary<BodyCase> = fc.oneof(
  fc.uint8Array({ maxLength: 300 }).map((b) => ({ kind: 'bytes', text: () => b })),
  fc.nat().map((cut) => ({ kind: 'truncated', text: (valid: string) => valid.slice(0, cut % valid.length) })),
  fc.jsonValue({ maxDepth: 4 }).map((v) => ({ kind: 'wrong shape', text: () => JSON.stringify(v) })),
  fc.tuple(fc.integer({ min: 10_000, max: 300_000 }), fc.boolean()).map(([depth, array]) => ({
    kind: `nested ${depth}`,
    text: (valid: string, open: string | undefined) =>
      open ? valid.replace(`"${open}":`, `"${open}":${nested(depth, array)},"_was":`) : nested(depth, array),
  })),
  fc.integer({ min: 100_000, max: 3_000_000 }).map((n) => ({
    kind: `huge string ${n}`,
    text: (valid: string) => valid.replace(/^\{/, `{"name":"${'n'.repeat(n)}",`),
  })),
)
const contentTypeArb = fc.oneof(
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/vnd.api+json',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    '',
    // Media types are case-insensitive and parameters do not change them.
    'Application/JSON; Charset=UTF-8',
    'APPLICATION/X-WWW-FORM-URLENCODED',
    'application/x-www-form-urlencoded; x=json',
    'text/json-ish',
    'application/x-www-form-urlencoded-ish',
  ),
  headerText(30),
)

describe('bodies', () => {
  it('answer 2xx or a 4xx in the detail shape, never 5xx, and the stored resource reads back', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...BODY_ROUTES),
        bodyArb,
        contentTypeArb,
        async (route, body, type) => {
          const valid = JSON.stringify(sampleBody(route.method, `/v1/{workspace_id}${route.path}`))
          const headers: Record<string, string> = { ...bearer() }
          if (type) headers['content-type'] = type
          const answer = await send(
            route.method,
            `${ws(mock)}${route.path}`,
            headers,
            body.text(valid, route.open),
          )
          expect(answer.status, `${body.kind} as ${type}: ${answer.text.slice(0, 200)}`).toBeLessThan(500)
          if (answer.status >= 400) expectDetail(answer)
          else jsonOf(answer)
          const after = await send('GET', `${ws(mock)}${route.list}`, bearer())
          expect(after.status, `${route.list} after ${body.kind}: ${after.text.slice(0, 200)}`).toBe(200)
          jsonOf(after)
        },
      ),
      { numRuns: 40 },
    )
    await expectServing()
  }, 30_000)
})

// Identity requests: the form fields the endpoints read (and some they do not), with values that
// are garbage, plausible or secrets; sent as a form, as JSON or as raw bytes under any content type.
const SECRET_FIELDS = ['refresh_token', 'device_code', 'client_secret', 'api_key'] as const
const secretArb = fc.string({
  unit: fc.constantFrom(...'ABCDEFGHJKMNPQRSTVWXYZ0123456789'),
  minLength: 12,
  maxLength: 24,
})
const fieldArb = fc.oneof(
  fc.constantFrom(
    'grant_type',
    'workspace_id',
    'scope',
    'client_id',
    'ttl_seconds',
    'subject_type',
    'service_id',
    'external_subject_key',
    'user_code',
    'decision',
    'client_description',
  ),
  fc.string({ minLength: 1, maxLength: 12 }),
)
const fieldValue = fc.oneof(
  fc.constantFrom(
    'api_key',
    'client_credentials',
    'refresh_token',
    'device_code',
    'urn:ietf:params:oauth:grant-type:device_code',
    'external_user_session',
    'deny',
    'approve',
    'user',
    '900',
    '',
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
)
const identityArb = fc.record({
  endpoint: fc.constantFrom('/token', '/device/code', '/device/approve'),
  fields: fc.array(fc.tuple(fieldArb, fieldValue), { maxLength: 6 }),
  secrets: fc.uniqueArray(fc.tuple(fc.constantFrom(...SECRET_FIELDS), secretArb), {
    maxLength: 3,
    selector: ([name]) => name,
  }),
  encoding: fc.constantFrom('form', 'json', 'json-wrong', 'bytes'),
  type: contentTypeArb,
  withBearer: fc.boolean(),
})

/**
 * What `/device/approve` answers: 400 unless the body is a form with a user_code and a decision of
 * approve or deny, else 404 (no generated code is one the mock issued).
 */
function approveStatus(type: string, body: string | Uint8Array): number {
  const mediaType = type.split(';')[0]!.trim().toLowerCase()
  if (mediaType !== 'application/x-www-form-urlencoded') return 400
  const form = new URLSearchParams(typeof body === 'string' ? body : Buffer.from(body).toString('utf8'))
  const last = (name: string) => form.getAll(name).at(-1)
  if (!last('user_code') || !['approve', 'deny'].includes(last('decision') ?? '')) return 400
  return 404
}

describe('identity endpoints', () => {
  it('answer with their documented shapes, never 5xx, and never echo a secret they were sent', async () => {
    await fc.assert(
      fc.asyncProperty(identityArb, fc.uint8Array({ maxLength: 200 }), async (req, bytes) => {
        const all = [...req.fields, ...req.secrets.map(([k, v]) => [k, `amg_${v}`] as [string, string])]
        const body =
          req.encoding === 'form'
            ? new URLSearchParams(all).toString()
            : req.encoding === 'json'
              ? JSON.stringify(Object.fromEntries(all))
              : req.encoding === 'json-wrong'
                ? JSON.stringify(all)
                : bytes
        const headers: Record<string, string> = req.withBearer ? bearer() : {}
        if (req.type) headers['content-type'] = req.type
        const answer = await send('POST', req.endpoint, headers, body)
        const what = `${req.endpoint} ${req.encoding} as ${req.type}: ${answer.status} ${answer.text.slice(0, 200)}`
        expect([200, 300, 400, 401, 403, 404], what).toContain(answer.status)
        if (answer.status >= 300) {
          for (const [, secret] of req.secrets) expect(answer.text, what).not.toContain(secret)
        }
        if (req.endpoint === '/device/approve') {
          expect(answer.status, what).toBe(approveStatus(req.type, body))
          expect(answer.headers['content-type']).toMatch(/text\/html/)
        } else if (answer.status >= 400) {
          const oauth = jsonOf(answer)
          expect(typeof oauth.error, what).toBe('string')
          expect(typeof oauth.error_description, what).toBe('string')
        } else jsonOf(answer)
      }),
      { numRuns: 60 },
    )
    await expectServing()
  })
})
