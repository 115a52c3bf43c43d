// Property-based: whatever a credentials file holds (random bytes, JSON of any shape, fields of wrong
// types, numbers JSON.parse turns into Infinity, JSON after a byte order mark, the official SDK's
// format and this package's first one), FileTokenStorage.load() answers null, credentials of the
// documented shape taken from the file, or a TokenStorageError naming the file, never quoting a token.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inspect } from 'node:util'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FileTokenStorage, isTokenStorageError, type StoredCredentials } from '../src/index'

let root: string
let file: string
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'amigo-fuzz-creds-'))
  file = join(root, 'credentials.json')
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

const REQUIRED = ['access_token', 'refresh_token', 'workspace_id', 'expires_at'] as const
const OPTIONAL = ['scope', 'identity_base_url', 'token_type', 'session_id'] as const
const BOM = '\uFEFF'

const token = (prefix: string) =>
  fc
    .string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 8, maxLength: 16 })
    .map((s) => `${prefix}-${s}`)
const secretsArb = fc.record({ access: token('at'), refresh: token('rt') })

/** JSON literal texts of every type, including what JSON.parse reads as Infinity or -0. */
function literal(secrets: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom('1e999', '-1e999', '-0', '0', '-1', '1e300', '1767225600000', '12345678901234567890123'),
    fc.constantFrom('null', 'true', '[]', '{}', '""', '"NaN"', '"Infinity"', '"1"', '"2026-01-01T00:00:00Z"'),
    fc.integer().map(String),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
    fc.string({ unit: 'binary', maxLength: 20 }).map((s) => JSON.stringify(s)),
    fc.constantFrom(...secrets).map((s) => JSON.stringify(s)),
    fc.date({ noInvalidDate: true }).map((d) => JSON.stringify(d.toISOString())),
  )
}

/** An object text near valid credentials: each field kept, dropped or replaced, plus extra fields. */
function credentialsText(s: { access: string; refresh: string }): fc.Arbitrary<string> {
  const secrets = [s.access, s.refresh]
  const valid: Record<string, fc.Arbitrary<string>> = {
    access_token: fc.constant(JSON.stringify(s.access)),
    refresh_token: fc.constant(JSON.stringify(s.refresh)),
    workspace_id: fc.constant('"ws-1"'),
    expires_at: fc.constantFrom('1767225600', '"2026-01-01T00:00:00.000Z"'),
    scope: fc.constant('"all"'),
    identity_base_url: fc.constant('"https://api.platform.amigo.ai"'),
    token_type: fc.constant('"Bearer"'),
    session_id: fc.constant('"sess-1"'),
  }
  const fields = Object.entries(valid).map(([key, value]) =>
    fc.oneof(
      { weight: 3, arbitrary: value.map((v) => [[key, v]]) },
      { weight: 1, arbitrary: fc.constant([]) },
      { weight: 1, arbitrary: literal(secrets).map((v) => [[key, v]]) },
    ),
  )
  const extras = fc.array(
    fc.tuple(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(...secrets)), literal(secrets)),
    {
      maxLength: 2,
    },
  )
  return fc.tuple(fc.tuple(...fields), extras).map(([kept, extra]) => {
    const entries = [...kept.flat(), ...extra] as [string, string][]
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`
  })
}

/** File contents: near-valid JSON (maybe after a BOM, maybe cut short), other JSON, or random bytes. */
const contentArb = secretsArb.chain((secrets) =>
  fc.record({
    secrets: fc.constant(secrets),
    bytes: fc.oneof(
      { weight: 4, arbitrary: credentialsText(secrets).map((t) => Buffer.from(t)) },
      { weight: 1, arbitrary: credentialsText(secrets).map((t) => Buffer.from(BOM + t)) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(credentialsText(secrets), fc.nat())
          .map(([t, cut]) => Buffer.from(t.slice(0, cut % t.length))),
      },
      {
        weight: 1,
        arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => Buffer.from(JSON.stringify(v) ?? '')),
      },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)) },
    ),
  }),
)

/** An expiry past the year 5000 (milliseconds, or absurd) reads as already expired, so it is refreshed. */
const expiryAsRead = (seconds: number) => (seconds > 100_000_000_000 ? 0 : seconds)

/** The credentials `load` must return for a parsed file, or null when a required field is unusable. */
function expectedFrom(text: string): StoredCredentials | null | undefined {
  let json: unknown
  try {
    // One leading byte order mark is skipped, as Windows editors write it.
    json = JSON.parse(text.startsWith(BOM) ? text.slice(1) : text)
  } catch {
    return undefined
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return null
  const v = json as Record<string, unknown>
  const expiresAt =
    typeof v.expires_at === 'string' ? Math.floor(Date.parse(v.expires_at) / 1000) : v.expires_at
  const nonEmpty = (x: unknown) => typeof x === 'string' && x.length > 0
  if (!nonEmpty(v.access_token) || !nonEmpty(v.workspace_id)) return null
  if (v.refresh_token !== undefined && typeof v.refresh_token !== 'string') return null
  if (typeof expiresAt !== 'number' || !Number.isFinite(expiresAt)) return null
  const creds: Record<string, unknown> = {
    access_token: v.access_token,
    refresh_token: v.refresh_token ?? '',
    workspace_id: v.workspace_id,
    expires_at: expiryAsRead(expiresAt),
  }
  for (const key of OPTIONAL) if (typeof v[key] === 'string') creds[key] = v[key]
  return creds as unknown as StoredCredentials
}

async function load(): Promise<unknown> {
  return new FileTokenStorage(file).load().catch((error: unknown) => error)
}

describe('FileTokenStorage.load on a generated credentials file', () => {
  it('answers the credentials the file holds, null, or a TokenStorageError naming the file', async () => {
    await fc.assert(
      fc.asyncProperty(contentArb, async ({ secrets, bytes }) => {
        writeFileSync(file, bytes)
        const outcome = await load()
        const text = bytes.toString('utf8')
        if (outcome instanceof Error) {
          expect(isTokenStorageError(outcome), inspect(outcome)).toBe(true)
          expect((outcome as { path?: string }).path).toBe(file)
          expect(outcome.message).toContain(file)
          const printed = `${outcome.message}\n${inspect(outcome, { depth: Number.POSITIVE_INFINITY, showHidden: true })}`
          for (const secret of [secrets.access, secrets.refresh]) expect(printed).not.toContain(secret)
          // Only a file that is not JSON is refused this way.
          expect(expectedFrom(text)).toBeUndefined()
          return
        }
        expect(outcome).toEqual(expectedFrom(text))
        if (outcome !== null) expectDocumentedShape(outcome as StoredCredentials)
      }),
      { numRuns: 200 },
    )
  })

  it('reads valid credentials of either format exactly, whatever else the file holds', async () => {
    const credsArb = fc.record(
      {
        access_token: fc.string({ minLength: 1 }),
        refresh_token: fc.string(),
        workspace_id: fc.string({ minLength: 1 }),
        expires_at: fc.oneof(
          fc.integer({ min: 0, max: 99_999_999_999 }),
          // JSON has no -0: written, it reads back as 0.
          fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => n + 0),
        ),
        scope: fc.string(),
        identity_base_url: fc.string(),
        token_type: fc.string(),
        session_id: fc.string(),
      },
      { requiredKeys: ['access_token', 'refresh_token', 'workspace_id', 'expires_at'] },
    )
    await fc.assert(
      fc.asyncProperty(
        credsArb,
        fc.boolean(),
        fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
        async (creds, iso, extra) => {
          // The first format: `expires_at` as an ISO 8601 string, whole seconds.
          const seconds = Math.trunc(creds.expires_at) + 0
          const date = new Date(seconds * 1000)
          const asIso = iso && !Number.isNaN(date.getTime())
          const onDisk = { ...extra, ...creds, ...(asIso ? { expires_at: date.toISOString() } : {}) }
          writeFileSync(file, JSON.stringify(onDisk))
          const expected = { ...creds, expires_at: expiryAsRead(asIso ? seconds : creds.expires_at) }
          expect(await load()).toEqual(expected)
        },
      ),
      { numRuns: 200 },
    )
  })
})

function expectDocumentedShape(creds: StoredCredentials): void {
  for (const key of Object.keys(creds)) expect([...REQUIRED, ...OPTIONAL]).toContain(key)
  expect(typeof creds.access_token).toBe('string')
  expect(creds.access_token.length).toBeGreaterThan(0)
  expect(typeof creds.refresh_token).toBe('string')
  expect(typeof creds.workspace_id).toBe('string')
  expect(creds.workspace_id.length).toBeGreaterThan(0)
  expect(Number.isFinite(creds.expires_at)).toBe(true)
  for (const key of OPTIONAL) if (key in creds) expect(typeof creds[key]).toBe('string')
}
