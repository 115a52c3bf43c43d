// The identity routes (/device/code, /token, /self/profile) are fixed strings appended to the identity
// base URL, so the base is what could send a request elsewhere: a query or fragment in it would
// swallow the route. It is refused wherever it comes from (options or the credentials file), and an
// access token no HTTP header can carry is refused when it arrives, before it is ever sent.
import { inspect } from 'node:util'
import { isConfigurationError, isParseError } from '@amigo-ai/core'
import { type IdentityServer, json, startIdentityServer, startTestServer } from '@amigo-ai/test-server'
import { afterEach, describe, expect, it } from 'vitest'
import { loginWithDeviceCode, MemoryTokenStorage, TokenManager } from '../src/index'
import { fakeClock } from './helpers/fake-clock'

let idp: IdentityServer | undefined
afterEach(async () => {
  await idp?.close()
  idp = undefined
})

const noop = () => {}
const suffixes: [string, RegExp][] = [
  ['/?next=', /must not contain a query string or fragment/],
  ['/#frag', /must not contain a query string or fragment/],
  ['?', /must not contain a query string or fragment/],
]

describe('identityBaseUrl', () => {
  for (const [suffix, message] of suffixes) {
    it(`"<origin>${suffix}" is refused by loginWithDeviceCode and TokenManager, with nothing sent`, async () => {
      idp = await startIdentityServer({})
      const bad = `${idp.url}${suffix}`
      const login = await loginWithDeviceCode({
        identityBaseUrl: bad,
        onCode: noop,
        onWorkspaceRequired: async () => 'ws-1',
      }).catch((e) => e)
      expect(isConfigurationError(login)).toBe(true)
      expect((login as Error).message).toMatch(message)
      expect(() => new TokenManager({ storage: new MemoryTokenStorage(), identityBaseUrl: bad })).toThrow(
        message,
      )
      expect(idp.server.requests).toHaveLength(0)
    })
  }

  it('credentials in it are refused without being echoed', async () => {
    const error = await loginWithDeviceCode({
      identityBaseUrl: 'https://user:pw-SECRET-1234@id.example.test',
      onCode: noop,
      onWorkspaceRequired: async () => 'ws-1',
    }).catch((e) => e)
    expect(isConfigurationError(error)).toBe(true)
    expect((error as Error).message).toBe('identityBaseUrl must not contain credentials (user:password@)')
    expect(inspect(error, { showHidden: true, depth: 8 })).not.toContain('pw-SECRET-1234')
  })

  it('a base stored with the credentials is checked before a refresh token is sent there', async () => {
    idp = await startIdentityServer({})
    const storage = new MemoryTokenStorage()
    const tokens = new TokenManager({ storage, now: () => 10_000_000 })
    await storage.save({
      access_token: 'at-old',
      refresh_token: 'rt-SECRET-0123456789',
      expires_at: 1,
      workspace_id: 'ws-1',
      identity_base_url: `${idp.url}/?x=`,
    })
    const error = await tokens.getAccessToken().catch((e) => e)
    expect(isConfigurationError(error)).toBe(true)
    expect((error as Error).message).toBe(
      'the identityBaseUrl stored with the credentials must not contain a query string or fragment',
    )
    expect(idp.server.requests).toHaveLength(0)
  })
})

describe('an option the function does not take is refused, never ignored', () => {
  // Ignored, `baseUrl` would send the sign-in (or a refresh token) to the default identity service.
  const cases: [Record<string, unknown>, string][] = [
    [{ baseUrl: 'x' }, 'unknown option baseUrl (did you mean identityBaseUrl?)'],
    [{ IdentityBaseURL: 'x' }, 'unknown option IdentityBaseURL (did you mean identityBaseUrl?)'],
    [{ timeout: 5 }, 'unknown option timeout (did you mean requestTimeoutMs?)'],
    [{ apiKey: 'x', zz: 1 }, 'unknown options apiKey, zz'],
  ]

  it.each(cases)('loginWithDeviceCode with %j: nothing is sent', async (extra, problem) => {
    idp = await startIdentityServer({})
    const error = await loginWithDeviceCode({
      identityBaseUrl: idp.url,
      onCode: noop,
      onWorkspaceRequired: async () => 'ws-1',
      ...extra,
    }).catch((e) => e)
    expect(isConfigurationError(error)).toBe(true)
    expect((error as Error).message).toBe(`loginWithDeviceCode: ${problem}`)
    expect(idp.server.requests).toHaveLength(0)
  })

  it.each(cases)('new TokenManager with %j', (extra, problem) => {
    expect(() => new TokenManager({ storage: new MemoryTokenStorage(), ...extra })).toThrow(
      `TokenManager: ${problem}`,
    )
  })

  it('every documented option is still taken', () => {
    const storage = new MemoryTokenStorage()
    const all = {
      storage,
      identityBaseUrl: 'https://id.example.test',
      fetch: globalThis.fetch,
      refreshMarginMs: 1,
      requestTimeoutMs: 1,
      profile: 'p',
      now: Date.now,
    }
    expect(() => new TokenManager(all)).not.toThrow()
  })
})

describe('an access token that cannot go into a header', () => {
  it('is a ParseError when it arrives, never sent to /self/profile, never quoted', async () => {
    const clock = fakeClock()
    const hostile = 'at-SECRET-0123\r\nX-Injected: 1'
    idp = await startIdentityServer({
      now: clock.now,
      polls: [{ token: { access_token: hostile } }],
      profileWorkspaces: [{ id: 'ws-1', name: 'One' }],
    })
    const error = await loginWithDeviceCode({
      identityBaseUrl: idp.url,
      onCode: noop,
      onWorkspaceRequired: async () => 'ws-1',
      clock,
    }).catch((e) => e)
    expect(isParseError(error)).toBe(true)
    expect((error as Error).message).toBe(
      'The token response has an access_token that cannot be sent in an HTTP header',
    )
    expect(inspect(error, { showHidden: true, depth: 8 })).not.toContain('at-SECRET-0123')
    expect(idp.server.requests.filter((r) => r.path.startsWith('/self'))).toHaveLength(0)
  })

  // fetch's Headers takes other control characters, but Node's fetch refuses them when it sends the
  // request: a login would hand out a token no request can carry, a refresh would store one.
  it('a control character other than CR, LF or NUL is refused the same way, by login and refresh', async () => {
    const hostile = 'at-SECRET-0123\u0001x'
    idp = await startIdentityServer({
      polls: [{ token: { access_token: hostile, workspace_id: 'ws-1' } }],
    })
    const login = await loginWithDeviceCode({
      identityBaseUrl: idp.url,
      onCode: noop,
      onWorkspaceRequired: async () => 'ws-1',
      clock: fakeClock(),
    }).catch((e) => e)
    expect(isParseError(login)).toBe(true)
    const storage = new MemoryTokenStorage()
    const stored = { access_token: 'a', refresh_token: 'rt-0123456789', expires_at: 0, workspace_id: 'w' }
    await storage.save(stored)
    await idp.close()
    idp = undefined
    const served = await startTestServer(json(200, { access_token: hostile, expires_in: 3600 }))
    try {
      const refresh = await new TokenManager({ storage, identityBaseUrl: served.url })
        .getAccessToken()
        .catch((e) => e)
      expect(isParseError(refresh)).toBe(true)
      expect((refresh as Error).message).toBe(
        'The token response has an access_token that cannot be sent in an HTTP header',
      )
      expect(await storage.load()).toEqual(stored)
    } finally {
      await served.close()
    }
  })

  it('in a workspace answer (HTTP 300) is a ParseError too, not a TypeError quoting it', async () => {
    const hostile = 'at-SECRET-0123\nX-Injected: 1'
    idp = await startIdentityServer({
      polls: [{ workspaces: [], access_token: hostile }],
      profileWorkspaces: [{ id: 'ws-1', name: 'One' }],
    })
    const error = await loginWithDeviceCode({
      identityBaseUrl: idp.url,
      onCode: noop,
      onWorkspaceRequired: async () => 'ws-1',
      clock: fakeClock(),
    }).catch((e) => e)
    expect(isParseError(error)).toBe(true)
    expect((error as Error).message).toBe(
      'The workspace selection answer has an access_token that cannot be sent in an HTTP header',
    )
    expect(inspect(error, { showHidden: true, depth: 8 })).not.toContain('at-SECRET-0123')
    expect(idp.server.requests.filter((r) => r.path.startsWith('/self'))).toHaveLength(0)
  })
})

// Every later request puts the workspace id into its path (`/v1/{workspace_id}/...`): one that cannot
// be a single path segment would point them at another route, or fail each of them with a puzzle.
describe('a workspace id that cannot be one URL path segment', () => {
  const hostile: [string, string][] = [
    ['ws/../../admin', 'contains "/"'],
    ['..', 'is the dot segment ".."'],
    ['%2e%2e', 'is the dot segment "%2e%2e"'],
  ]

  for (const [workspaceId, problem] of hostile) {
    it(`"${workspaceId}" in a login's token answer is a ParseError naming the field`, async () => {
      idp = await startIdentityServer({ polls: [{ token: { workspace_id: workspaceId } }] })
      const error = await loginWithDeviceCode({
        identityBaseUrl: idp.url,
        onCode: noop,
        onWorkspaceRequired: async () => 'ws-1',
        clock: fakeClock(),
      }).catch((e) => e)
      expect(isParseError(error)).toBe(true)
      expect((error as Error).message).toBe(`The token response's workspace_id ${problem}`)
      expect(inspect(error, { showHidden: true, depth: 8 })).not.toMatch(/at-1|rt-1/)
    })
  }

  // A JWT whose payload names the workspace (no signature check is needed to read a claim).
  const jwt = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`

  it('"ws/../admin" chosen from the profile\'s list, or ".." in the token\'s claim: a ParseError, the login not returned', async () => {
    const cases = [
      {
        options: { polls: [{ token: {} }], profileWorkspaces: [{ workspace_id: 'ws/../admin' }] },
        problem: 'contains "/"',
      },
      {
        options: { polls: [{ token: { access_token: jwt({ workspace_id: '..' }) } }] },
        problem: 'is the dot segment ".."',
      },
    ]
    for (const { options, problem } of cases) {
      idp = await startIdentityServer(options)
      const error = await loginWithDeviceCode({
        identityBaseUrl: idp.url,
        onCode: noop,
        onWorkspaceRequired: async (list) => list[0]!.workspace_id,
        clock: fakeClock(),
      }).catch((e) => e)
      expect(isParseError(error)).toBe(true)
      expect((error as Error).message).toBe(`The workspace id the sign-in ended with ${problem}`)
      await idp.close()
      idp = undefined
    }
  })

  it("as the caller's workspaceId: a ConfigurationError naming the option, with nothing sent", async () => {
    idp = await startIdentityServer({})
    const error = await loginWithDeviceCode({
      identityBaseUrl: idp.url,
      workspaceId: 'a/b',
      onCode: noop,
      onWorkspaceRequired: async () => 'ws-1',
    }).catch((e) => e)
    expect(isConfigurationError(error)).toBe(true)
    expect((error as Error).message).toBe('loginWithDeviceCode: workspaceId contains "/"')
    expect(idp.server.requests).toHaveLength(0)
  })

  it('in a refresh answer too: refused, and the stored login is kept as it was', async () => {
    const storage = new MemoryTokenStorage()
    const stored = { access_token: 'a', refresh_token: 'rt-0123456789', expires_at: 0, workspace_id: 'w' }
    await storage.save(stored)
    const served = await startTestServer(
      json(200, {
        access_token: 'at-new',
        refresh_token: 'rt-new',
        workspace_id: '../other',
        expires_in: 3600,
      }),
    )
    try {
      const error = await new TokenManager({ storage, identityBaseUrl: served.url })
        .getAccessToken()
        .catch((e) => e)
      expect(isParseError(error)).toBe(true)
      expect((error as Error).message).toBe(`The token response's workspace_id contains "/"`)
      expect(await storage.load()).toEqual(stored)
    } finally {
      await served.close()
    }
  })
})
