// Property-based: a hostile identity service on loopback answers the device-code login and token
// refreshes with generated statuses, content types and bodies (random bytes, JSON of wrong shapes,
// numbers JSON.parse turns into Infinity, strings with control characters, the caller's secrets
// echoed in values and keys). Whatever it sends, the login and the refresh settle with the
// package's error classes, never quote a secret, and never store what an invalid answer carried.
import type { ServerResponse } from 'node:http'
import { inspect } from 'node:util'
import {
  isAmigoError,
  isConfigurationError,
  isNetworkError,
  isParseError,
  isRateLimitError,
  isServerError,
} from '@amigo-ai/core'
import { startTestServer, type TestServer } from '@amigo-ai/test-server'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  type DeviceCodeIssuance,
  type DeviceCodeLoginResult,
  isDeviceCodeError,
  isLoginCancelledError,
  isRefreshTokenExpiredError,
  isTokenRefreshError,
  loginWithDeviceCode,
  MemoryTokenStorage,
  type StoredCredentials,
  TokenManager,
} from '../src/index'
import { fakeClock } from './helpers/fake-clock'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

const T0 = Date.UTC(2026, 0, 1)
// A run that has not settled by then is hung: its login is aborted and the property fails.
const WATCHDOG_MS = 5_000

/** One generated HTTP answer. */
interface Answer {
  status: number
  contentType?: string
  body: string | Uint8Array
}

const NO_BODY = new Set([204, 205, 304])

function send(res: ServerResponse, answer: Answer): void {
  const body = NO_BODY.has(answer.status) ? Buffer.alloc(0) : Buffer.from(answer.body)
  const headers: Record<string, string | number> = NO_BODY.has(answer.status)
    ? {}
    : { 'content-length': body.length }
  if (answer.contentType) headers['content-type'] = answer.contentType
  res.writeHead(answer.status, headers)
  res.end(body)
}

// ---- generated values -------------------------------------------------------------------------

const token = (prefix: string) =>
  fc
    .string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 8, maxLength: 16 })
    .map((s) => `${prefix}-${s}`)

/** The secrets of one run: what the client holds and a hostile server may echo. */
interface Secrets {
  deviceCode: string
  accessToken: string
  refreshToken: string
}
const secretsArb: fc.Arbitrary<Secrets> = fc.record({
  deviceCode: token('dc'),
  accessToken: token('at'),
  refreshToken: token('rt'),
})
const secretList = (s: Secrets) => [s.deviceCode, s.accessToken, s.refreshToken]

const b64url = (text: string) => Buffer.from(text).toString('base64url')

/** JSON literal texts of every type, including what JSON.parse reads as Infinity or -0. */
function literal(secrets: string[]): fc.Arbitrary<string> {
  const secret = fc.constantFrom(...secrets)
  return fc.oneof(
    fc.constantFrom('1e999', '-1e999', '-0', '1e-400', '0', '-1', '1e12', '1e300', '12345678901234567890123'),
    fc.constantFrom('null', 'true', 'false', '[]', '{}', '""', '"NaN"', '"Infinity"', '"600"', '[1]'),
    fc.integer().map(String),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
    fc.string({ unit: 'binary', maxLength: 20 }).map((s) => JSON.stringify(s)),
    secret.map((s) => JSON.stringify(s)),
    fc.tuple(secret, fc.string({ maxLength: 8 })).map(([s, t]) => JSON.stringify(`${t} ${s}\r\n${t}`)),
    secret.map((s) => JSON.stringify(`Bearer ${s}`)),
  )
}

/** An access token a server might send: plain, with control characters, or a JWT with odd claims. */
function accessTokenLiteral(secrets: Secrets): fc.Arbitrary<string> {
  const claim = literal(secretList(secrets))
  const jwt = fc
    .record({ exp: claim, workspace_id: claim })
    .map(({ exp, workspace_id }) => `{"exp":${exp},"workspace_id":${workspace_id}}`)
    .map((claims) => `${b64url('{"alg":"none"}')}.${b64url(claims)}.sig`)
  return fc.oneof(
    fc.constant(JSON.stringify(secrets.accessToken)),
    jwt.map((t) => JSON.stringify(t)),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }).map((s) => JSON.stringify(`at-${s}`)),
    literal(secretList(secrets)),
  )
}

/** A workspace list as a JSON literal: ids of odd types, names with control characters. */
function workspacesLiteral(secrets: string[]): fc.Arbitrary<string> {
  const entry = fc.record(
    {
      workspace_id: fc.oneof(fc.constantFrom('"ws-1"', '"ws-2"'), literal(secrets)),
      id: literal(secrets),
      name: literal(secrets),
      role: literal(secrets),
    },
    { requiredKeys: [] },
  )
  const text = (e: Record<string, string>) =>
    `{${Object.entries(e)
      .map(([k, v]) => `"${k}":${v}`)
      .join(',')}}`
  return fc.oneof(
    fc.array(entry, { maxLength: 3 }).map((list) => `[${list.map(text).join(',')}]`),
    literal(secrets),
  )
}

/**
 * A JSON object text built from `base` (field → literal arbitrary): each field kept, dropped or
 * replaced by any literal, plus extra fields (secrets as keys among them).
 */
function mutatedObject(base: Record<string, fc.Arbitrary<string>>, secrets: string[]): fc.Arbitrary<string> {
  const any = literal(secrets)
  const fields = Object.entries(base).map(([key, value]) =>
    fc.oneof(
      { weight: 3, arbitrary: value.map((v) => [[key, v]]) },
      { weight: 1, arbitrary: fc.constant([]) },
      { weight: 1, arbitrary: any.map((v) => [[key, v]]) },
    ),
  )
  const extraKey = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(...secrets))
  const extras = fc.array(fc.tuple(extraKey, any), { maxLength: 2 })
  return fc.tuple(fc.tuple(...fields), extras).map(([kept, extra]) => {
    const entries = [...kept.flat(), ...extra] as [string, string][]
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`
  })
}

const contentTypeArb = fc.option(
  fc.oneof(
    fc.constantFrom('application/json', 'text/html', 'text/plain', 'application/octet-stream'),
    fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz/+;= -'), maxLength: 20 }),
  ),
  { nil: undefined },
)
const statusArb = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(200, 201, 204, 300, 301, 400, 401, 403, 404, 418, 429, 500, 502, 503),
  },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 599 }) },
)
/** Mostly `usual`, sometimes any status. */
const mostly = (...usual: number[]) =>
  fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...usual) }, { weight: 1, arbitrary: statusArb })

/** Any body: random bytes, a garbage text, arbitrary JSON, or an object near `base`. */
function bodyArb(
  base: Record<string, fc.Arbitrary<string>>,
  secrets: string[],
): fc.Arbitrary<string | Uint8Array> {
  return fc.oneof(
    { weight: 4, arbitrary: mutatedObject(base, secrets) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
    { weight: 1, arbitrary: fc.constantFrom('', '{', 'null', '[]', '"text"', '1e999', '<html>oops</html>') },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? '') },
  )
}

const answerArb = (body: fc.Arbitrary<string | Uint8Array>, status = statusArb): fc.Arbitrary<Answer> =>
  fc.record({ status, contentType: contentTypeArb, body })

const oauthErrors = fc.constantFrom(
  '"authorization_pending"',
  '"slow_down"',
  '"expired_token"',
  '"access_denied"',
  '"invalid_grant"',
  '"workspace_selection_required"',
  '"server_error"',
)

/**
 * An answer to `POST /token`: near a token answer, an OAuth error or a workspace answer (HTTP 300),
 * each mostly with its usual status, or anything at all.
 */
function tokenAnswerArb(s: Secrets): fc.Arbitrary<Answer> {
  const all = secretList(s)
  const tokenBody = mutatedObject(
    {
      access_token: accessTokenLiteral(s),
      token_type: fc.constant('"Bearer"'),
      expires_in: fc.oneof(fc.constant('3600'), literal(all)),
      refresh_token: fc.constant(JSON.stringify(s.refreshToken)),
      scope: fc.constant('"all"'),
      workspace_id: fc.oneof(fc.constant('"ws-1"'), literal(all)),
    },
    all,
  )
  const errorBody = mutatedObject({ error: oauthErrors, error_description: literal(all) }, all)
  const workspaceBody = mutatedObject(
    {
      error: fc.constant('"workspace_selection_required"'),
      workspaces: workspacesLiteral(all),
      refresh_token: fc.constant(JSON.stringify(s.refreshToken)),
      access_token: accessTokenLiteral(s),
    },
    all,
  )
  return fc.oneof(
    { weight: 3, arbitrary: answerArb(tokenBody, mostly(200)) },
    { weight: 2, arbitrary: answerArb(errorBody, mostly(400, 401, 200, 503)) },
    { weight: 2, arbitrary: answerArb(workspaceBody, mostly(300)) },
    { weight: 1, arbitrary: answerArb(bodyArb({}, all)) },
  )
}

// ---- what must hold ---------------------------------------------------------------------------

const printed = (error: unknown) =>
  `${(error as Error)?.message}\n${inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true })}`

/** The error is one of the package's (or core's) classes, blames the server, and quotes no secret. */
function expectCleanError(error: unknown, secrets: string[]): void {
  expect(isAmigoError(error), `not an AmigoError: ${inspect(error)}`).toBe(true)
  // A hostile answer is the server's doing, never a caller's configuration mistake.
  expect(isConfigurationError(error), (error as Error).message).toBe(false)
  const text = printed(error)
  for (const secret of secrets) expect(text).not.toContain(secret)
}

/** The token goes out as a Bearer header: fetch sends it to the loopback server without failing. */
async function expectSendable(accessToken: string): Promise<void> {
  const res = await fetch(`${server.url}/bearer`, { headers: { authorization: `Bearer ${accessToken}` } })
  await res.arrayBuffer()
}

/** A result this package's own TokenManager accepts, with fields of the documented types. */
async function expectUsableLogin(result: DeviceCodeLoginResult): Promise<void> {
  expect(typeof result.accessToken).toBe('string')
  expect(result.accessToken.length).toBeGreaterThan(0)
  await expectSendable(result.accessToken)
  expect(typeof result.refreshToken).toBe('string')
  expect(typeof result.workspaceId).toBe('string')
  expect(result.workspaceId.length).toBeGreaterThan(0)
  expect(Number.isFinite(result.expiresAt)).toBe(true)
  await new TokenManager({ storage: new MemoryTokenStorage() }).store(result)
}

/** Runs a login against `server` as scripted on `clock`, bounded by the watchdog. */
async function runLogin(
  onCode: (issuance: DeviceCodeIssuance) => void,
  clock = fakeClock(T0),
): Promise<unknown> {
  const watchdog = new AbortController()
  const timer = setTimeout(() => watchdog.abort(new Error('hung')), WATCHDOG_MS)
  try {
    return await loginWithDeviceCode({
      identityBaseUrl: server.url,
      onCode,
      onWorkspaceRequired: (workspaces) => workspaces[0]?.workspace_id ?? 'ws-chosen',
      clock,
      signal: watchdog.signal,
      requestTimeoutMs: WATCHDOG_MS,
    }).catch((error: unknown) => error)
  } finally {
    clearTimeout(timer)
  }
}

const EXPIRED: Answer = { status: 400, contentType: 'application/json', body: '{"error":"expired_token"}' }

function issuanceText(s: Secrets, extra: { interval: string; expires_in: string }): string {
  return JSON.stringify({
    device_code: s.deviceCode,
    user_code: 'WDJB-MJHT',
    verification_uri: `${server.url}/activate`,
  }).replace(/}$/, `,"interval":${extra.interval},"expires_in":${extra.expires_in}}`)
}

describe('a hostile identity service during loginWithDeviceCode', () => {
  it('a generated /device/code answer: a ParseError or an HTTP error, onCode only with a valid issuance', async () => {
    await fc.assert(
      fc.asyncProperty(
        token('dc').chain((deviceCode) => answerArb(issuanceBody(deviceCode), mostly(200, 201, 202))),
        async (answer) => {
          let polls = 0
          server.setHandler({
            'POST /device/code': (_req, res) => send(res, answer),
            'POST /token': (_req, res) => {
              polls++
              send(res, EXPIRED)
            },
          })
          let shown: DeviceCodeIssuance | undefined
          const error = await runLogin((issuance) => {
            shown = issuance
          })
          // A device code in the answer stays out of the error, wherever the answer repeats it,
          // whether the client took the answer (any 2xx) or not.
          const accepted = answer.status >= 200 && answer.status < 300
          expectCleanError(error, heldTokens(answer, ['device_code']))
          if (shown) {
            expectValidIssuance(shown)
            expect(isDeviceCodeError(error)).toBe(true)
          } else {
            expect(polls).toBe(0)
            if (accepted) expect(isParseError(error)).toBe(true)
            // fetch reports a 407 as a network error (Fetch standard: no proxy was asked for).
            else if (answer.status === 407) expect(isNetworkError(error)).toBe(true)
            else expect((error as { status?: number }).status).toBe(answer.status)
          }
        },
      ),
      { numRuns: 60 },
    )
  })

  it('generated polling, workspace and profile answers: a usable result or a clean error', async () => {
    await fc.assert(
      fc.asyncProperty(secretsArb.chain(loginScriptArb), async (script) => {
        const held = serveLoginScript(script)
        const clock = fakeClock(T0)
        let shown: DeviceCodeIssuance | undefined
        const outcome = await runLogin((issuance) => {
          shown = issuance
        }, clock)
        expect(isLoginCancelledError(outcome), 'the login hung').toBe(false)
        if (shown) expectValidIssuance(shown)
        // However long the server asks to wait or says the code lives, the login ends within an hour.
        expect(clock.now() - T0).toBeLessThanOrEqual(3_600_000)
        if (outcome instanceof Error || isAmigoError(outcome)) {
          expectCleanError(outcome, [script.secrets.deviceCode, ...held])
          // fetch reports a 407 as a network error (Fetch standard: no proxy was asked for).
          const proxyAuth = [...script.polls, script.refresh, script.profile].some((a) => a.status === 407)
          expect(
            isParseError(outcome) ||
              isDeviceCodeError(outcome) ||
              isTokenRefreshError(outcome) ||
              typeof (outcome as { status?: unknown }).status === 'number' ||
              (proxyAuth && isNetworkError(outcome)),
            printed(outcome),
          ).toBe(true)
        } else {
          await expectUsableLogin(outcome as DeviceCodeLoginResult)
        }
      }),
      { numRuns: 60 },
    )
  })
})

function issuanceBody(deviceCode: string): fc.Arbitrary<string | Uint8Array> {
  const all = [deviceCode]
  const page = (path: string) => fc.constant(JSON.stringify(`${server.url}${path}`))
  return bodyArb(
    {
      device_code: fc.constant(JSON.stringify(deviceCode)),
      user_code: fc.constant('"WDJB-MJHT"'),
      verification_uri: fc.oneof(page('/activate'), fc.constantFrom('"javascript:alert(1)"', '"/x"')),
      verification_uri_complete: page('/activate?user_code=WDJB-MJHT'),
      expires_in: fc.oneof(fc.constant('600'), literal(all)),
      interval: fc.oneof(fc.constantFrom('0', '1', '2'), literal(all)),
    },
    all,
  )
}

function expectValidIssuance(issuance: DeviceCodeIssuance): void {
  for (const key of ['device_code', 'user_code', 'verification_uri', 'verification_uri_complete'] as const) {
    expect(typeof issuance[key]).toBe('string')
    expect(issuance[key].length).toBeGreaterThan(0)
  }
  expect(['http:', 'https:']).toContain(new URL(issuance.verification_uri).protocol)
  expect(['http:', 'https:']).toContain(new URL(issuance.verification_uri_complete).protocol)
  expect(issuance.expires_in).toBeGreaterThan(0)
  expect(issuance.expires_in).toBeLessThanOrEqual(3600)
  expect(issuance.interval).toBeGreaterThanOrEqual(0)
  expect(issuance.interval).toBeLessThanOrEqual(60)
}

/** Values a server may send for a number that are not a usable one. */
const notANumber = fc.constantFrom('1e999', '-1e999', '-1', '-0', 'null', '"5"', '"NaN"', '[]', '{}', 'true')

interface LoginScript {
  secrets: Secrets
  issuance: string
  polls: Answer[]
  refresh: Answer
  profile: Answer
}

function loginScriptArb(secrets: Secrets): fc.Arbitrary<LoginScript> {
  const all = secretList(secrets)
  return fc.record({
    secrets: fc.constant(secrets),
    // Any numbers, huge ones too: the login bounds the interval and the code's lifetime.
    issuance: fc
      .record({
        interval: fc.oneof(fc.constantFrom('0', '1', '2'), notANumber, literal(all)),
        expires_in: fc.oneof(
          { weight: 2, arbitrary: fc.constantFrom('5', '60', '600', '1e12', '1e300') },
          { weight: 1, arbitrary: notANumber },
          { weight: 1, arbitrary: literal(all) },
        ),
      })
      .map((extra) => issuanceText(secrets, extra)),
    polls: fc.array(tokenAnswerArb(secrets), { minLength: 1, maxLength: 4 }),
    refresh: tokenAnswerArb(secrets),
    profile: answerArb(
      fc.oneof(
        mutatedObject({ workspaces: workspacesLiteral(all) }, all),
        workspacesLiteral(all),
        bodyArb({}, all),
      ),
    ),
  })
}

/**
 * Serves the device code, then the scripted polls (ending with expired_token for good), refresh and
 * profile. Returns the tokens handed out so far (by a 200 or 300 answer): secrets from then on.
 */
function serveLoginScript(script: LoginScript): string[] {
  const held: string[] = []
  let workspaceAnswers = 0
  // The client keeps the tokens of a token answer (200 with one) and of the first workspace answer
  // (300) of a poll; a second one ends the login unused.
  const answer = (res: ServerResponse, a: Answer, poll: boolean) => {
    const kept =
      (a.status === 200 && heldTokens(a, ['access_token']).length > 0) ||
      (poll && a.status === 300 && workspaceAnswers++ === 0)
    if (kept) held.push(...heldTokens(a, ['access_token', 'refresh_token']))
    send(res, a)
  }
  let poll = 0
  server.setHandler({
    'POST /device/code': (_req, res) => send(res, { status: 200, body: script.issuance }),
    'POST /token': (req, res) => {
      if (new URLSearchParams(req.body).get('grant_type') === 'refresh_token')
        return answer(res, script.refresh, false)
      answer(res, script.polls[poll++] ?? EXPIRED, true)
    },
    'GET /self/profile': (_req, res) => send(res, script.profile),
    'GET /self': (_req, res) => send(res, script.profile),
  })
  return held
}

/**
 * The string values of `fields` in an answer's JSON object: the secrets it hands out. Short ones are
 * left out, as core's redaction leaves them (they would match ordinary words), and "Infinity", which
 * the printed error shows for a number.
 */
function heldTokens(answer: Answer, fields: string[]): string[] {
  let body: unknown
  try {
    body = JSON.parse(Buffer.from(answer.body).toString('utf8'))
  } catch {
    return []
  }
  if (!body || typeof body !== 'object') return []
  const values = fields.map((f) => (body as Record<string, unknown>)[f])
  return values.filter((v): v is string => typeof v === 'string' && v.length >= 8 && v !== 'Infinity')
}

describe('a hostile identity service answering a token refresh', () => {
  it('stores a usable token from a valid answer, nothing from any other, and keeps a valid token through an outage', async () => {
    await fc.assert(
      fc.asyncProperty(
        secretsArb.chain((s) => fc.tuple(fc.constant(s), tokenAnswerArb(s))),
        async ([s, answer]) => {
          server.setHandler({ 'POST /token': (_req, res) => send(res, answer) })
          await checkRefresh(s, answer)
        },
      ),
      { numRuns: 60 },
    )
  })
})

async function checkRefresh(s: Secrets, answer: Answer): Promise<void> {
  // Expired a second ago, so the first call refreshes and has no token to fall back on.
  const expired = await refreshOnce(s, T0 / 1000 - 1)
  const { outcome, stored, after, saves } = expired
  if (isAmigoError(outcome)) {
    expectCleanError(outcome, [s.accessToken, s.refreshToken])
    expect(
      isParseError(outcome) ||
        isTokenRefreshError(outcome) ||
        typeof (outcome as { status?: unknown }).status === 'number' ||
        // fetch reports a 407 as a network error (Fetch standard: no proxy was asked for).
        (answer.status === 407 && isNetworkError(outcome)),
    ).toBe(true)
    expect(saves).toBe(0)
    // A refused refresh signs out; any other failure leaves the credentials as they were.
    expect(after).toEqual(isRefreshTokenExpiredError(outcome) ? null : stored)
    if (answer.status === 401) expect(isRefreshTokenExpiredError(outcome)).toBe(true)
    // A 5xx or a 429 is the server failing or busy, whatever its body says: it never signs out.
    if (answer.status >= 500 || answer.status === 429) expect(isTokenRefreshError(outcome)).toBe(false)
  } else {
    const auth = outcome as { token: string; workspaceId: string }
    expect(answer.status).toBe(200)
    expect(saves).toBe(1)
    expect(auth).toEqual({ token: after?.access_token, workspaceId: after?.workspace_id })
    expect(auth.token.length).toBeGreaterThan(0)
    await expectSendable(auth.token)
    // Before the year 5000: a lifetime taken at its word past that would never be refreshed again.
    expect(after?.expires_at).toBeLessThan(100_000_000_000)
  }
  await checkStillValid(s, expired)
}

/**
 * The same answer to the refresh of a token still valid for 30 s (inside the 60-s margin): the
 * outcome of the expired token's refresh, except that a passing failure (the service unreachable,
 * failing or busy) hands out the token held and leaves the storage alone.
 */
async function checkStillValid(s: Secrets, expired: RefreshRun): Promise<void> {
  const valid = await refreshOnce(s, T0 / 1000 + 30)
  const passing =
    isNetworkError(expired.outcome) || isServerError(expired.outcome) || isRateLimitError(expired.outcome)
  if (passing) {
    expect(valid.outcome).toEqual({ token: s.accessToken, workspaceId: 'ws-1' })
    expect(valid.after).toEqual(valid.stored)
    expect(valid.saves).toBe(0)
  } else if (isAmigoError(expired.outcome)) {
    expect(valid.outcome).toBeInstanceOf((expired.outcome as object).constructor)
    expect(valid.after).toEqual(expired.after && valid.stored)
  } else {
    expect(valid.outcome).toEqual(expired.outcome)
  }
}

interface RefreshRun {
  outcome: unknown
  stored: StoredCredentials
  after: StoredCredentials | null
  saves: number
}

/** One getAccessToken on a fresh manager whose stored token expires at `expiresAt` (seconds). */
async function refreshOnce(s: Secrets, expiresAt: number): Promise<RefreshRun> {
  const stored: StoredCredentials = {
    access_token: s.accessToken,
    refresh_token: s.refreshToken,
    workspace_id: 'ws-1',
    expires_at: expiresAt,
  }
  const storage = new MemoryTokenStorage()
  await storage.save(stored)
  const saves = vi.spyOn(storage, 'save')
  const tokens = new TokenManager({ storage, identityBaseUrl: server.url, now: () => T0 })
  const outcome = await tokens.getAccessToken().catch((error: unknown) => error)
  return { outcome, stored, after: await storage.load(), saves: saves.mock.calls.length }
}
