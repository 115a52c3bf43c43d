// An identity service answering with numbers or texts a client must not take at face value: a wait
// longer than the code lives, the device code echoed back in an error description, an OAuth error
// sent with HTTP 200 (as some device-flow services do).
import { inspect } from 'node:util'
import { isBadRequestError, isNetworkError, isParseError, isServerError } from '@amigo-ai/core'
import {
  type Handler,
  type IdentityServer,
  json,
  sendJson,
  startIdentityServer,
  startTestServer,
  text,
} from '@amigo-ai/test-server'
import { afterEach, describe, expect, it } from 'vitest'
import {
  isDeviceCodeDeniedError,
  isDeviceCodeExpiredError,
  isRefreshTokenExpiredError,
  isWorkspaceSelectionError,
  loginWithDeviceCode,
  MemoryTokenStorage,
  TokenManager,
} from '../src/index'
import { type FakeClock, fakeClock } from './helpers/fake-clock'

let idp: IdentityServer | undefined
afterEach(async () => {
  await idp?.close()
  idp = undefined
})

const DEVICE_CODE = 'dc-SECRET-0123456789'

/** A login against `identityBaseUrl` answering `ws-1` when asked, on a fake clock: its result or error. */
const loginAt = (identityBaseUrl: string) =>
  loginWithDeviceCode({
    identityBaseUrl,
    onCode: () => {},
    onWorkspaceRequired: async () => 'ws-1',
    clock: fakeClock(),
  }).catch((e) => e)

/**
 * A `TokenManager` refresh of an expired stored login against an identity service answering with
 * `handler`: the error it ends in and what the storage holds afterwards.
 */
async function refreshWith(handler: Handler, tokens: { access?: string; refresh?: string } = {}) {
  const served = await startTestServer(handler)
  try {
    const storage = new MemoryTokenStorage()
    await storage.save({
      access_token: tokens.access ?? 'a',
      refresh_token: tokens.refresh ?? 'rt-0123456789',
      expires_at: 0,
      workspace_id: 'w',
    })
    const error = await new TokenManager({ storage, identityBaseUrl: served.url })
      .getAccessToken()
      .catch((e) => e)
    return { error, stored: await storage.load() }
  } finally {
    await served.close()
  }
}

async function login(options: Parameters<typeof startIdentityServer>[0], clock: FakeClock) {
  await idp?.close()
  idp = await startIdentityServer({ now: clock.now, ...options })
  return loginWithDeviceCode({
    identityBaseUrl: idp.url,
    onCode: () => {},
    onWorkspaceRequired: async () => 'ws-1',
    clock,
  }).catch((e) => e)
}

describe('waits never outlast the device code', () => {
  it('a day-long interval ends at expires_in', async () => {
    const clock = fakeClock()
    const error = await login(
      { issuance: { interval: 86_400, expires_in: 5 }, polls: ['authorization_pending'] },
      clock,
    )
    expect(isDeviceCodeExpiredError(error)).toBe(true)
    expect(clock.sleeps).toEqual([5000])
  })

  it('a huge Retry-After on a 429 ends at expires_in', async () => {
    const clock = fakeClock()
    const error = await login(
      {
        issuance: { interval: 1, expires_in: 10 },
        polls: [{ status: 429, body: { detail: 'slow' }, headers: { 'retry-after': '999999999' } }],
      },
      clock,
    )
    expect(isDeviceCodeExpiredError(error)).toBe(true)
    expect(clock.sleeps).toEqual([1000, 9000])
  })
})

describe('waits and lifetimes past their bounds', () => {
  it('an interval over 60 s is polled at 60 s', async () => {
    const clock = fakeClock()
    const result = await login(
      { issuance: { interval: 1e9 }, polls: ['authorization_pending', { token: { workspace_id: 'ws-1' } }] },
      clock,
    )
    expect(result).toMatchObject({ workspaceId: 'ws-1' })
    expect(clock.sleeps).toEqual([60_000, 60_000])
  })

  it('a lifetime over an hour counts as an hour: the login then ends with the expiry error', async () => {
    const clock = fakeClock()
    const start = clock.now()
    const shown: { interval: number; expires_in: number }[] = []
    await idp?.close()
    idp = await startIdentityServer({
      now: clock.now,
      issuance: { interval: 1e9, expires_in: 1e12 },
      polls: [{ status: 429, body: { detail: 'slow' }, headers: { 'retry-after': '999999999' } }],
    })
    const error = await loginWithDeviceCode({
      identityBaseUrl: idp.url,
      onCode: ({ interval, expires_in }) => void shown.push({ interval, expires_in }),
      onWorkspaceRequired: async () => 'ws-1',
      clock,
    }).catch((e) => e)
    expect(shown).toEqual([{ interval: 60, expires_in: 3600 }])
    expect(isDeviceCodeExpiredError(error)).toBe(true)
    expect(clock.sleeps).toEqual([60_000, 3_540_000])
    expect(clock.now() - start).toBe(3_600_000)
  })
})

describe('a 5xx during polling whose body names a final OAuth error', () => {
  for (const error of ['expired_token', 'access_denied']) {
    it(`${error} in a 503 is ridden out like any 5xx, not taken as the end of the login`, async () => {
      const clock = fakeClock()
      const statuses: string[] = []
      await idp?.close()
      idp = await startIdentityServer({
        now: clock.now,
        polls: [{ status: 503, body: { error } }, { token: { workspace_id: 'ws-1' } }],
      })
      const result = await loginWithDeviceCode({
        identityBaseUrl: idp.url,
        onCode: () => {},
        onStatus: (status) => void statuses.push(status),
        onWorkspaceRequired: async () => 'ws-1',
        clock,
      }).catch((e) => e)
      expect(result).toMatchObject({ workspaceId: 'ws-1' })
      expect(statuses).toEqual(['polling', 'polling', 'approved'])
    })
  }

  it('a 5xx that persists ends the login with the server error', async () => {
    const error = await login({ polls: [{ status: 500, body: { error: 'access_denied' } }] }, fakeClock())
    expect(isServerError(error)).toBe(true)
    expect(isDeviceCodeDeniedError(error)).toBe(false)
  })
})

describe('a device code echoed in an error description', () => {
  for (const [answer, guard] of [
    ['expired_token', isDeviceCodeExpiredError],
    ['access_denied', isDeviceCodeDeniedError],
  ] as const) {
    it(`is redacted from the ${answer} error`, async () => {
      const clock = fakeClock()
      const error = await login(
        {
          issuance: { device_code: DEVICE_CODE },
          polls: [{ status: 400, body: { error: answer, error_description: `code ${DEVICE_CODE} is done` } }],
        },
        clock,
      )
      expect(guard(error)).toBe(true)
      expect((error as Error).message).toContain('code [REDACTED] is done')
      expect(inspect(error, { showHidden: true, depth: 8 })).not.toContain(DEVICE_CODE)
    })
  }
})

describe('secrets echoed after a workspace answer (HTTP 300)', () => {
  const UNBOUND = 'at-SECRET-unbound-0123456789'

  it('stay out of the error of a failed refresh-token exchange', async () => {
    const served = await startTestServer({
      'POST /device/code': json(200, {
        device_code: DEVICE_CODE,
        user_code: 'U',
        verification_uri: 'https://id.example/a',
        interval: 0,
      }),
      'POST /token': (req, res) =>
        new URLSearchParams(req.body).get('grant_type') === 'refresh_token'
          ? sendJson(res, 502, { detail: `${DEVICE_CODE} ${UNBOUND}`, [UNBOUND]: DEVICE_CODE })
          : sendJson(res, 300, {
              workspaces: [{ workspace_id: 'ws-1' }],
              refresh_token: 'rt-0123456789',
              access_token: UNBOUND,
            }),
    })
    try {
      const error = await loginAt(served.url)
      expect(isServerError(error)).toBe(true)
      expect((error as { body: unknown }).body).toEqual({
        detail: '[REDACTED] [REDACTED]',
        '[REDACTED]': '[REDACTED]',
      })
      expect(inspect(error, { showHidden: true, depth: 8 })).not.toMatch(/SECRET/)
    } finally {
      await served.close()
    }
  })

  it('stay out of the error of the poll that sends the chosen workspace', async () => {
    const clock = fakeClock()
    const error = await login(
      {
        issuance: { device_code: DEVICE_CODE },
        polls: [{ workspaces: [{ workspace_id: 'ws-1' }], access_token: UNBOUND }],
        onWorkspacePoll: () => ({
          status: 400,
          body: { error: 'invalid_request', error_description: `${DEVICE_CODE} ${UNBOUND}` },
        }),
      },
      clock,
    )
    expect(isBadRequestError(error)).toBe(true)
    expect((error as Error).message).toBe(
      'Device code polling failed with HTTP 400 (invalid_request): [REDACTED] [REDACTED]',
    )
    expect(inspect(error, { showHidden: true, depth: 8 })).not.toMatch(/SECRET/)
  })

  it('stay out of the message naming a workspace the service did not accept', async () => {
    const offered = [{ workspace_id: `ws-${UNBOUND}` }]
    idp = await startIdentityServer({
      polls: [{ workspaces: offered, access_token: UNBOUND }],
      onWorkspacePoll: () => ({ workspaces: offered }),
    })
    const error = await loginWithDeviceCode({
      identityBaseUrl: idp.url,
      onCode: () => {},
      onWorkspaceRequired: (workspaces) => workspaces[0]?.workspace_id ?? '',
      clock: fakeClock(),
    }).catch((e) => e)
    expect(isWorkspaceSelectionError(error)).toBe(true)
    expect((error as Error).message).toBe('The identity service did not accept workspace "ws-[REDACTED]"')
  })
})

describe('a malformed device code answer', () => {
  it('is a ParseError naming the field, whose body keeps the device code out', async () => {
    const error = await login({ issuance: { device_code: DEVICE_CODE, expires_in: '600' } }, fakeClock())
    expect(isParseError(error)).toBe(true)
    expect((error as Error).message).toBe('The device code response is missing or has invalid: expires_in')
    expect((error as { body: { expires_in: unknown } }).body.expires_in).toBe('600')
    expect(inspect(error, { showHidden: true, depth: 8 })).not.toContain(DEVICE_CODE)
    expect(JSON.stringify(error)).not.toContain(DEVICE_CODE)
  })

  it('an expires_in JSON reads as Infinity is a ParseError naming it, before onCode', async () => {
    const served = await startTestServer({
      'POST /device/code': text(
        200,
        `{"device_code":"${DEVICE_CODE}","user_code":"U","verification_uri":"https://id.example/a","expires_in":1e999}`,
        'application/json',
      ),
    })
    try {
      let shown = false
      const error = await loginWithDeviceCode({
        identityBaseUrl: served.url,
        onCode: () => {
          shown = true
        },
        onWorkspaceRequired: async () => 'ws-1',
        clock: fakeClock(),
      }).catch((e) => e)
      expect(isParseError(error)).toBe(true)
      expect((error as Error).message).toBe('The device code response is missing or has invalid: expires_in')
      expect(shown).toBe(false)
    } finally {
      await served.close()
    }
  })

  it('a web page instead of JSON is a ParseError saying so', async () => {
    const served = await startTestServer({
      'POST /device/code': text(200, '<html><body>Sign in</body></html>', 'text/html'),
    })
    try {
      const error = await loginWithDeviceCode({
        identityBaseUrl: served.url,
        onCode: () => {},
        onWorkspaceRequired: async () => 'ws-1',
        clock: fakeClock(),
      }).catch((e) => e)
      expect(isParseError(error)).toBe(true)
      expect((error as Error).message).toBe(
        'The device code response is not JSON (a web page?): it lacks device_code, user_code, verification_uri',
      )
    } finally {
      await served.close()
    }
  })

  it('keeps the device code out of the body wherever the answer repeats it', async () => {
    const error = await login(
      {
        issuance: {
          device_code: DEVICE_CODE,
          verification_uri_complete: `javascript:void("${DEVICE_CODE}")`,
          [DEVICE_CODE]: 1,
        },
      },
      fakeClock(),
    )
    expect(isParseError(error)).toBe(true)
    expect((error as { body: Record<string, unknown> }).body).toMatchObject({
      device_code: '[REDACTED]',
      verification_uri_complete: 'javascript:void("[REDACTED]")',
      '[REDACTED]': 1,
    })
    expect(inspect(error, { showHidden: true, depth: 8 })).not.toContain(DEVICE_CODE)
  })
})

describe('a device code answer with a status other than 200 or 201', () => {
  const ISSUANCE = {
    device_code: DEVICE_CODE,
    user_code: 'WDJB-MJHT',
    verification_uri: 'https://id.example/activate',
    expires_in: 600,
    interval: 1,
  }
  const TOKEN = { access_token: 'at-1', token_type: 'Bearer', expires_in: 3600, workspace_id: 'ws-1' }

  async function loginAgainst(deviceCodeStatus: number) {
    const served = await startTestServer({
      'POST /device/code': json(deviceCodeStatus, ISSUANCE),
      'POST /token': json(200, TOKEN),
    })
    const shown: string[] = []
    try {
      const outcome = await loginWithDeviceCode({
        identityBaseUrl: served.url,
        onCode: (issuance) => void shown.push(issuance.user_code),
        onWorkspaceRequired: async () => 'ws-1',
        clock: fakeClock(),
      }).catch((e) => e)
      return { outcome, shown }
    } finally {
      await served.close()
    }
  }

  for (const status of [202, 203, 206]) {
    it(`${status}: a valid issuance is taken as one (any 2xx is a success)`, async () => {
      const { outcome, shown } = await loginAgainst(status)
      expect(shown).toEqual(['WDJB-MJHT'])
      expect(outcome).toMatchObject({ accessToken: 'at-1', workspaceId: 'ws-1' })
    })
  }

  for (const status of [300, 400, 503]) {
    it(`${status}: the error keeps the device code the body carries out`, async () => {
      const { outcome, shown } = await loginAgainst(status)
      expect(shown).toEqual([])
      expect((outcome as { status?: number }).status).toBe(status)
      expect((outcome as { body: { device_code: unknown } }).body.device_code).toBe('[REDACTED]')
      expect(inspect(outcome, { showHidden: true, depth: 8 })).not.toContain(DEVICE_CODE)
      expect(JSON.stringify(outcome)).not.toContain(DEVICE_CODE)
    })
  }
})

describe('a verification page that is not an http(s) URL', () => {
  for (const [field, page] of [
    ['verification_uri', 'javascript:alert(document.cookie)'],
    ['verification_uri', 'file:///etc/passwd'],
    ['verification_uri', '/activate'],
    ['verification_uri_complete', 'data:text/html,<script>alert(1)</script>'],
  ] as const) {
    it(`${field} "${page}" is a ParseError naming the field, before onCode and any poll`, async () => {
      await idp?.close()
      idp = await startIdentityServer({ issuance: { [field]: page } })
      let shown = false
      const error = await loginWithDeviceCode({
        identityBaseUrl: idp.url,
        onCode: () => {
          shown = true
        },
        onWorkspaceRequired: async () => 'ws-1',
        clock: fakeClock(),
      }).catch((e) => e)
      expect(isParseError(error)).toBe(true)
      expect((error as Error).message).toBe(`The device code response is missing or has invalid: ${field}`)
      expect(shown).toBe(false)
      expect(idp.polls()).toHaveLength(0)
    })
  }
})

describe('an OAuth error sent with HTTP 200', () => {
  it('is read as that error while polling (authorization_pending keeps waiting)', async () => {
    const clock = fakeClock()
    const pending = { status: 200, body: { error: 'authorization_pending' } }
    const result = await login({ polls: [pending, pending, { token: { workspace_id: 'ws-1' } }] }, clock)
    expect(result.accessToken).toBe('at-1')
    expect(idp?.polls()).toHaveLength(3)
    const denied = await login({ polls: [{ status: 200, body: { error: 'access_denied' } }] }, clock)
    expect(isDeviceCodeDeniedError(denied)).toBe(true)
  })

  it('is a refused refresh when it says invalid_grant', async () => {
    const { error, stored } = await refreshWith((_req, res) => sendJson(res, 200, { error: 'invalid_grant' }))
    expect(isRefreshTokenExpiredError(error)).toBe(true)
    expect(stored).toBeNull()
  })
})

// A lifetime or `exp` in milliseconds where seconds belong puts the expiry past the year 5000.
describe('an expiry past the year 5000', () => {
  const T0 = Date.UTC(2026, 0, 1)
  const exp = (claims: object) =>
    `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`

  for (const [name, token] of [
    ['expires_in in milliseconds', { workspace_id: 'ws-1', expires_in: 3_600_000_000_000 }],
    [
      'a JWT exp in milliseconds',
      { workspace_id: 'ws-1', expires_in: undefined, access_token: exp({ exp: T0 + 3600_000 }) },
    ],
  ] as const) {
    it(`${name}: the login's expiresAt is the short default, which TokenManager.store takes`, async () => {
      const clock = fakeClock(T0)
      const result = await login({ polls: [{ token }] }, clock)
      expect(result.expiresAt).toBe(clock.now() / 1000 + 900)
      await new TokenManager({ storage: new MemoryTokenStorage() }).store(result)
    })
  }

  it('from a refresh: the token is refreshed again after the short default, not never', async () => {
    let now = T0
    const served = await startTestServer(json(200, { access_token: 'at-new', expires_in: 3_600_000_000_000 }))
    try {
      const storage = new MemoryTokenStorage()
      await storage.save({
        access_token: 'a',
        refresh_token: 'rt-0123456789',
        expires_at: 0,
        workspace_id: 'w',
      })
      const tokens = new TokenManager({ storage, identityBaseUrl: served.url, now: () => now })
      expect((await tokens.getAccessToken())?.token).toBe('at-new')
      expect((await storage.load())?.expires_at).toBe(T0 / 1000 + 900)
      now += 900_000
      await tokens.getAccessToken()
      expect(served.requests).toHaveLength(2)
    } finally {
      await served.close()
    }
  })
})

// A server quoting the form body it received shows a secret holding `/`, `+`, `=`, a space or `~`
// encoded: `rt/Abc+Def==` as `rt%2FAbc%2BDef%3D%3D`, which is not the text it was given.
describe('secrets echoed URL-encoded, as a server quoting the form body it received', () => {
  const REFRESH = 'rt/SECRET+Abc=='
  const ACCESS = 'at/SECRET+Xyz= ~!*'
  const ENCODED_DEVICE_CODE = 'dc/SECRET+Code=='
  const echoBody =
    (status: number, error: string): Handler =>
    (req, res) =>
      sendJson(res, status, { error, error_description: `could not parse body: ${req.body}`, echo: req.body })

  const refreshAgainst = async (status: number, error: string, refresh = REFRESH) =>
    (await refreshWith(echoBody(status, error), { access: ACCESS, refresh })).error

  it('a refused refresh (invalid_grant) keeps the encoded refresh token out of its message and body', async () => {
    const error = await refreshAgainst(400, 'invalid_grant')
    expect(isRefreshTokenExpiredError(error)).toBe(true)
    expect((error as Error).message).toContain('refresh_token=[REDACTED]')
    expect(inspect(error, { showHidden: true, depth: 8 })).not.toMatch(/SECRET/)
    expect(JSON.stringify((error as { body: unknown }).body)).not.toMatch(/SECRET/)
  })

  it('any other failed refresh keeps it out too, with the lower-case hex of a re-encoding server', async () => {
    const { error } = await refreshWith(
      (req, res) =>
        sendJson(res, 503, { detail: req.body.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()) }),
      { access: ACCESS, refresh: REFRESH },
    )
    expect(isServerError(error)).toBe(true)
    expect((error as { body: { detail: string } }).body.detail).toContain('refresh_token=[REDACTED]')
    expect(inspect(error, { showHidden: true, depth: 8 })).not.toMatch(/SECRET/)
  })

  it('a refresh token holding a lone surrogate (which encodeURIComponent refuses) is still redacted', async () => {
    const error = await refreshAgainst(400, 'invalid_grant', 'rt-SECRET-\uD800-0123')
    expect(isRefreshTokenExpiredError(error)).toBe(true)
    expect((error as Error).message).toContain('refresh_token=[REDACTED]')
    expect(inspect(error, { showHidden: true, depth: 8 })).not.toMatch(/SECRET/)
  })

  it('a failed device-code poll keeps the encoded device code out of its message and body', async () => {
    const served = await startTestServer({
      'POST /device/code': json(200, {
        device_code: ENCODED_DEVICE_CODE,
        user_code: 'U',
        verification_uri: 'https://id.example/a',
        interval: 0,
      }),
      'POST /token': echoBody(400, 'invalid_request'),
    })
    try {
      const failed = await loginAt(served.url)
      expect(isBadRequestError(failed)).toBe(true)
      expect((failed as Error).message).toContain('device_code=[REDACTED]')
      expect(inspect(failed, { showHidden: true, depth: 8 })).not.toMatch(/SECRET/)
    } finally {
      await served.close()
    }
  })
})

describe('a device code answer that is not JSON', () => {
  for (const [name, reply] of [
    ['JSON cut off', `{"device_code": "${DEVICE_CODE}", "user_code": "U`],
    ['JSON cut off inside the code', `{"device_code":"${DEVICE_CODE}`],
    ['a form body', `device_code=${DEVICE_CODE}&user_code=U`],
    ['an HTML page', `<p>device_code: ${DEVICE_CODE}</p>`],
  ] as const) {
    it(`${name}: a ParseError whose body keeps the device code out`, async () => {
      const served = await startTestServer({ 'POST /device/code': text(200, reply, 'application/json') })
      try {
        const error = await loginAt(served.url)
        expect(isParseError(error)).toBe(true)
        expect((error as { body: string }).body).toContain('[REDACTED]')
        expect(inspect(error, { showHidden: true, depth: 8 })).not.toContain(DEVICE_CODE)
      } finally {
        await served.close()
      }
    })
  }
})

describe('a refresh answer the client cannot use', () => {
  it('a 200 that is not JSON is said to be so (not "has no access_token"), and the login is kept', async () => {
    const { error, stored } = await refreshWith(text(200, '<html>maintenance</html>', 'text/html'))
    expect(isParseError(error)).toBe(true)
    expect((error as Error).message).toBe('The token response is not JSON')
    expect(stored?.refresh_token).toBe('rt-0123456789')
  })

  it('an answer whose body cannot be decoded says the service answered, not that it was unreachable', async () => {
    const { error } = await refreshWith((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' })
      res.end('this is not gzip at all')
    })
    expect(isNetworkError(error)).toBe(true)
    expect((error as Error).message).toMatch(
      /^The identity service at http:\/\/127\.0\.0\.1:\d+ answered, but its answer could not be read$/,
    )
  })
})
