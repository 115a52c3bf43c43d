// Property: every resource method of the surface table (helpers/surface.ts), called with hostile ids
// (dot segments, slashes, ?, #, %2e, CR/LF, unicode, very long strings, wrong types) against a
// recording loopback server, either is refused with an SDK error and sends nothing, or sends requests
// whose path is its template with each parameter in exactly one segment decoding to the caller's
// value. No header is injected and no plain TypeError (or any non-SDK error) escapes. Seeded, so a
// failure prints a seed and path that replay it.
import { isAmigoError } from '@amigo-ai/core'
import { json, type RecordedRequest, startTestServer, type TestServer } from '@amigo-ai/test-server'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AmigoClient } from '../src'
import { argumentRoles, methodOf, type SurfaceRow, surfaceRows } from './helpers/surface'

const WORKSPACE = 'ws-fuzz-1'
const API_KEY = 'sk-fuzz-SECRET-0123456789'
const SEED = 20_261_129
const RUNS_PER_METHOD = 5

// Every category the hidden probes use, sent to every id of every method once.
const HOSTILE_IDS: unknown[] = [
  '.',
  '..',
  '%2e',
  '%2E%2e',
  '.%2e',
  '%252e%252e',
  'a/b',
  '../x',
  '/',
  '',
  '?',
  '#',
  '%',
  '%2F',
  'a\r\nX-Injected: 1',
  'é😀✓',
  '\uD800',
  '\\..',
  'x'.repeat(3000),
  true,
  0,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  null,
  undefined,
  {},
  { toString: '' }, // no string form: String() of it throws
  ['a'],
  10n,
  () => 'x',
]

const hostileChar = fc.constantFrom(
  '.',
  '/',
  '%',
  '2',
  'e',
  'E',
  '5',
  '?',
  '#',
  '\r',
  '\n',
  '\\',
  ' ',
  'a',
  'é',
  '😀',
  '\uD800',
)
const hostileId: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_IDS),
  fc.string({ unit: hostileChar, maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ minLength: 2000, maxLength: 4000 }),
  fc.oneof(fc.boolean(), fc.integer(), fc.double(), fc.constant(null), fc.object(), fc.array(fc.string())),
)

let server: TestServer
let client: AmigoClient
beforeAll(async () => {
  // An empty last page, so auto-pagers end after one request.
  server = await startTestServer(json(200, { items: [], has_more: false, continuation_token: null }))
  client = new AmigoClient({
    apiKey: API_KEY,
    workspaceId: WORKSPACE,
    baseUrl: server.url,
    maxRetries: 0,
    timeout: 5000,
  })
})
afterAll(() => server?.close())

/** The template as a pattern over the raw request path: one capture per placeholder, no `/` inside. */
function templatePattern(path: string): { regex: RegExp; names: string[] } {
  const names: string[] = []
  const source = path
    .split(/(\{\w+\})/)
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part)
      if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      names.push(m[1] as string)
      return '([^/?#]+)'
    })
    .join('')
  return { regex: new RegExp(`^${source}$`), names }
}

/** Calls a row's method on `on` with `ids` in its id positions; resolves to what it threw (undefined when none). */
async function callWith(row: SurfaceRow, ids: unknown[], on: AmigoClient = client): Promise<unknown> {
  const fn = methodOf(on, row)
  if (!fn) throw new Error(`${row.resource}.${row.member} is missing`)
  let next = 0
  const args = argumentRoles(row).map((role) =>
    role.kind === 'path' ? ids[next++] : role.kind === 'body' ? {} : undefined,
  )
  try {
    const result = fn(...args)
    // Auto-pagers and turn streams: the first step sends the request.
    if (result && typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
      for await (const _ of result as AsyncIterable<unknown>) break
    } else await result
  } catch (error) {
    return error
  }
  return undefined
}

/** Checks one call: its error (if any) is the SDK's, and every request it sent stayed on its route. */
function checkCall(row: SurfaceRow, ids: unknown[], error: unknown, sent: RecordedRequest[]): void {
  const name = `${row.resource}.${row.member}(${ids.map(show).join(', ')})`
  if (error !== undefined) {
    expect(isAmigoError(error), `${name} threw a non-SDK error: ${String(error)}`).toBe(true)
    expect(String((error as Error).message)).not.toContain(API_KEY)
  }
  // A refused id sends nothing, and may have no string form to expect on a route.
  if (!sent.length) return
  const roles = argumentRoles(row).filter((r) => r.kind === 'path')
  const expected: Record<string, string> = { workspace_id: WORKSPACE }
  roles.forEach((role, i) => {
    if (role.kind === 'path' && !(role.placeholder === 'workspace_id' && ids[i] === undefined))
      expected[role.placeholder] = String(ids[i])
  })
  const { regex, names } = templatePattern(row.path)
  for (const request of sent) {
    const rawPath = request.url.split('?')[0] as string
    const match = regex.exec(rawPath)
    expect(
      match,
      `${name} sent ${request.method} ${rawPath.slice(0, 200)}, outside ${row.path}`,
    ).not.toBeNull()
    names.forEach((placeholder, i) => {
      expect(decodeURIComponent(match?.[i + 1] as string), `${name}: {${placeholder}}`).toBe(
        expected[placeholder],
      )
    })
    expect(request.method).toBe(row.http)
    expect(request.headers['x-injected'], `${name} injected a header`).toBeUndefined()
  }
}

/** A short, printable form of a probe value for failure messages. */
function show(v: unknown): string {
  if (typeof v === 'string')
    return JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}…(${v.length} chars)` : v)
  if (typeof v === 'bigint') return `${v}n`
  if (typeof v === 'function') return 'a function'
  return String(JSON.stringify(v) ?? v)
}

async function probe(row: SurfaceRow, ids: unknown[]): Promise<void> {
  const start = server.requests.length
  const error = await callWith(row, ids)
  checkCall(row, ids, error, server.requests.slice(start))
}

const withIds = surfaceRows.filter((row) => argumentRoles(row).some((r) => r.kind === 'path'))
const groups = new Map<string, SurfaceRow[]>()
for (const row of withIds) groups.set(row.resource, [...(groups.get(row.resource) ?? []), row])

describe('hostile ids never send a request off its route', () => {
  it(`covers every method of the surface that takes an id (${withIds.length})`, () => {
    expect(withIds.length).toBeGreaterThan(180)
    expect(withIds.filter((row) => !methodOf(client, row))).toEqual([])
  })

  for (const [resource, rows] of groups) {
    it(`${resource}: every hostile category in every id position, then random ones`, async () => {
      for (const row of rows) {
        const width = argumentRoles(row).filter((r) => r.kind === 'path').length
        // Each category alone in each position (the others well-formed), as a prober would send it.
        for (let position = 0; position < width; position++)
          for (const hostile of HOSTILE_IDS)
            await probe(
              row,
              Array.from({ length: width }, (_, i) => (i === position ? hostile : `id-${i}`)),
            )
        await fc.assert(
          fc.asyncProperty(fc.array(hostileId, { minLength: width, maxLength: width }), (ids) =>
            probe(row, ids),
          ),
          { seed: SEED, numRuns: RUNS_PER_METHOD },
        )
      }
    })
  }
})

describe('hostile header values never reach a request', () => {
  const values = ['v\r\nX-Injected: 1', 'v\nX-Injected: 1', 'v\rX-Injected: 1', 'ключ', '\u0000', 'ok-value']
  const rows = surfaceRows.filter((_row, i) => i % 5 === 0)

  it('withOptions headers and idempotencyKey: refused up front as ConfigurationError, or sent as given', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...values),
        fc.constantFrom(...rows),
        fc.boolean(),
        async (value, row, asKey) => {
          let scoped: AmigoClient
          try {
            scoped = client.withOptions(
              asKey ? { idempotencyKey: value } : { headers: { 'x-custom': value } },
            )
          } catch (error) {
            expect((error as Error).name).toBe('ConfigurationError')
            expect((error as Error).message).not.toContain(value)
            return
          }
          expect(value).toBe('ok-value')
          const start = server.requests.length
          const ids = argumentRoles(row)
            .filter((r) => r.kind === 'path')
            .map((_r, i) => `id-${i}`)
          const error = await callWith(row, ids, scoped)
          if (error !== undefined) expect(isAmigoError(error)).toBe(true)
          for (const request of server.requests.slice(start)) {
            expect(request.headers['x-injected']).toBeUndefined()
            if (!asKey) expect(request.headers['x-custom']).toBe('ok-value')
          }
        },
      ),
      { seed: SEED, numRuns: 60 },
    )
  })
})
