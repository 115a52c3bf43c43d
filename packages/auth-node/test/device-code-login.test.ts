import { AmigoError, isConfigurationError, isNetworkError, isServerError, ParseError } from '@amigo-ai/core'
import { type IdentityServer, startIdentityServer } from '@amigo-ai/test-server'
import { afterEach, describe, expect, it } from 'vitest'
import {
  DeviceCodeDeniedError,
  DeviceCodeExpiredError,
  type DeviceCodeIssuance,
  type DeviceCodeLoginOptions,
  type DeviceCodePollEvent,
  type DeviceCodeStatus,
  isDeviceCodeDeniedError,
  isDeviceCodeError,
  isDeviceCodeExpiredError,
  isLoginCancelledError,
  isWorkspaceSelectionError,
  LoginCancelledError,
  loginWithDeviceCode,
  type WorkspaceChoice,
} from '../src/index'
import { type FakeClock, fakeClock } from './helpers/fake-clock'

let server: IdentityServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function start(options: Parameters<typeof startIdentityServer>[0], clock: FakeClock) {
  server = await startIdentityServer({ now: clock.now, ...options })
  return server
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - (times[i] as number))
const noop = () => {}
const unexpected = (): Promise<string> => Promise.reject(new Error('no workspace choice expected'))

// onWorkspaceRequired is required by the type, as in the official SDK; at run time a missing one
// still lets a single offered workspace through, which some tests here rely on.
function login(idp: IdentityServer, clock: FakeClock, extra: Partial<DeviceCodeLoginOptions> = {}) {
  return loginWithDeviceCode({
    identityBaseUrl: idp.url,
    onCode: noop,
    clock,
    ...extra,
  } as DeviceCodeLoginOptions)
}

describe('loginWithDeviceCode: polling answers', () => {
  it('shows the code, waits through authorization_pending and returns an AuthResult (expiresAt in seconds)', async () => {
    const clock = fakeClock()
    const idp = await start(
      { polls: ['authorization_pending', 'authorization_pending', { token: { workspace_id: 'ws-1' } }] },
      clock,
    )
    const codes: DeviceCodeIssuance[] = []
    const result = await login(idp, clock, {
      clientDescription: 'test cli',
      scope: 'agents:read',
      onCode: (issuance) => {
        codes.push(issuance)
      },
    })
    expect(codes).toHaveLength(1)
    expect(codes[0]?.user_code).toBe('WDJB-MJHT')
    expect(codes[0]?.verification_uri_complete).toBe(`${idp.url}/activate?user_code=WDJB-MJHT`)

    const first = idp.calls[0]
    expect(first?.path).toBe('/device/code')
    expect(first?.form).toEqual({ client_description: 'test cli', scope: 'agents:read' })
    expect(first?.headers['content-type']).toBe('application/x-www-form-urlencoded')

    const polls = idp.polls()
    expect(polls).toHaveLength(3)
    for (const p of polls) {
      expect(p.form).toEqual({
        grant_type: 'device_code',
        device_code: 'device-code-1',
        scope: 'agents:read',
      })
      expect(p.headers['content-type']).toBe('application/x-www-form-urlencoded')
    }
    // The server's interval (1 s) is waited before every poll.
    expect(clock.sleeps).toEqual([1000, 1000, 1000])
    expect(gaps(polls.map((p) => p.at))).toEqual([1000, 1000])

    expect(result).toMatchObject({
      accessToken: 'at-1',
      refreshToken: 'rt-1',
      workspaceId: 'ws-1',
      tokenType: 'Bearer',
      scope: 'all',
      identityBaseUrl: idp.url,
      expiresAt: Math.floor(clock.now() / 1000) + 3600,
    })
    expect(result.raw.access_token).toBe('at-1')
  })

  it('adds 5 s to the interval on every slow_down, measured on the server', async () => {
    const clock = fakeClock()
    const idp = await start(
      {
        polls: [
          'authorization_pending',
          'slow_down',
          'authorization_pending',
          'slow_down',
          { token: { workspace_id: 'w' } },
        ],
      },
      clock,
    )
    const events: DeviceCodePollEvent[] = []
    await login(idp, clock, { onPoll: (e) => events.push(e) })
    expect(clock.sleeps).toEqual([1000, 1000, 6000, 6000, 11000])
    expect(gaps(idp.polls().map((p) => p.at))).toEqual([1000, 6000, 6000, 11000])
    expect(events.map((e) => e.reason)).toEqual([
      'start',
      'authorization_pending',
      'slow_down',
      'authorization_pending',
      'slow_down',
    ])
    expect(events.map((e) => e.attempt)).toEqual([1, 2, 3, 4, 5])
  })

  it('stops with DeviceCodeExpiredError on expired_token', async () => {
    const clock = fakeClock()
    const idp = await start({ polls: ['authorization_pending', 'expired_token'] }, clock)
    const error = await login(idp, clock).catch((e) => e)
    expect(error).toBeInstanceOf(DeviceCodeExpiredError)
    expect(error).toBeInstanceOf(AmigoError)
    expect(error.errorCode).toBe('device_code_expired')
    expect(error.message).toMatch(/^Device code expired .*\(scripted expired_token\)/)
    expect(isDeviceCodeExpiredError(error)).toBe(true)
    expect(isDeviceCodeError(error)).toBe(true)
    expect(isDeviceCodeDeniedError(error)).toBe(false)
    expect(idp.polls()).toHaveLength(2)
  })

  it('stops with DeviceCodeDeniedError on access_denied', async () => {
    const clock = fakeClock()
    const idp = await start({ polls: ['access_denied'] }, clock)
    const error = await login(idp, clock).catch((e) => e)
    expect(error).toBeInstanceOf(DeviceCodeDeniedError)
    expect(error.errorCode).toBe('device_code_denied')
    expect(error.message).toMatch(/^Authorization request was denied/)
    expect(isDeviceCodeDeniedError(error)).toBe(true)
    expect(isDeviceCodeExpiredError(error)).toBe(false)
  })

  it('reports each step to onStatus as the official SDK does', async () => {
    const run = async (polls: Parameters<typeof startIdentityServer>[0]) => {
      const clock = fakeClock()
      const idp = await start(polls, clock)
      const statuses: DeviceCodeStatus[] = []
      await login(idp, clock, { onStatus: (s) => statuses.push(s) }).catch(() => {})
      await idp.close()
      return statuses
    }
    expect(
      await run({ polls: ['authorization_pending', 'slow_down', { token: { workspace_id: 'w' } }] }),
    ).toEqual(['polling', 'authorization_pending', 'polling', 'slow_down', 'polling', 'approved'])
    expect(await run({ polls: ['expired_token'] })).toEqual(['polling', 'expired'])
    expect(await run({ polls: ['access_denied'] })).toEqual(['polling', 'denied'])
    // The local deadline passing is reported the same way.
    expect(await run({ issuance: { expires_in: 2, interval: 1 }, polls: ['authorization_pending'] })).toEqual(
      ['polling', 'authorization_pending', 'expired'],
    )
  })

  it('gives up by itself once expires_in has passed, even if the server keeps saying pending', async () => {
    const clock = fakeClock()
    const idp = await start(
      { issuance: { expires_in: 3, interval: 1 }, polls: ['authorization_pending'] },
      clock,
    )
    const error = await login(idp, clock).catch((e) => e)
    expect(isDeviceCodeExpiredError(error)).toBe(true)
    expect(idp.polls()).toHaveLength(2)
  })

  it('defaults the interval to 5 s when the server sends none', async () => {
    const clock = fakeClock()
    const idp = await start(
      {
        issuance: { interval: undefined },
        polls: ['authorization_pending', { token: { workspace_id: 'w' } }],
      },
      clock,
    )
    await login(idp, clock)
    expect(clock.sleeps).toEqual([5000, 5000])
  })

  it('rides out a 5xx and a dropped connection during polling', async () => {
    const clock = fakeClock()
    let n = 0
    const idp = await start(
      {
        polls: [
          { status: 503, body: { detail: 'busy' } },
          'authorization_pending',
          { token: { workspace_id: 'w' } },
        ],
      },
      clock,
    )
    const flaky: typeof fetch = (input, init) =>
      ++n === 3 ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)
    const result = await login(idp, clock, { fetch: flaky })
    expect(result.accessToken).toBe('at-1')
  })

  it('times out a hung poll and retries it like a network error', async () => {
    const clock = fakeClock()
    const idp = await start({ polls: [{ token: { workspace_id: 'w' } }] }, clock)
    let hung = 0
    const original = idp.server
    const hangOnce: typeof fetch = (input, init) => {
      if (String(input).endsWith('/token') && hung++ === 0) {
        // Never settles unless aborted, like a server that accepted the connection and went quiet.
        return new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        )
      }
      return fetch(input, init)
    }
    // Long enough for a loaded machine's real requests; the hung poll waits it out in full.
    const result = await login(idp, clock, { fetch: hangOnce, requestTimeoutMs: 1500 })
    expect(result.accessToken).toBe('at-1')
    expect(hung).toBe(2)
    expect(original.requestsTo('/token')).toHaveLength(1)
  })

  // Node 20 and 22's fetch does this when it re-sends a request answered 421 whose body was cut off.
  it('times out a poll whose fetch, or whose answer body, ignores the abort, and retries it', async () => {
    const clock = fakeClock()
    const idp = await start({ polls: [{ token: { workspace_id: 'w' } }] }, clock)
    let polls = 0
    const ignoresAbort: typeof fetch = (input, init) => {
      if (!String(input).endsWith('/token')) return fetch(input, init)
      polls++
      if (polls === 1) return new Promise(() => {}) // never settles, signal or not
      if (polls === 2) {
        // Headers arrive; the body never ends, signal or not.
        const body = new ReadableStream({ pull: () => new Promise<void>(() => {}) })
        return Promise.resolve(new Response(body, { status: 421 }))
      }
      return fetch(input, init)
    }
    const result = await login(idp, clock, { fetch: ignoresAbort, requestTimeoutMs: 300 })
    expect(result.accessToken).toBe('at-1')
    expect(polls).toBe(3)
  })

  it('honours Retry-After on a 429 without an OAuth error body', async () => {
    const clock = fakeClock()
    const idp = await start(
      {
        polls: [
          { status: 429, body: { detail: 'slow' }, headers: { 'retry-after': '4' } },
          { token: { workspace_id: 'w' } },
        ],
      },
      clock,
    )
    await login(idp, clock)
    expect(clock.sleeps).toEqual([1000, 4000])
  })

  it('sends redirect: manual so the HTTP 300 answer reaches the client', async () => {
    const clock = fakeClock()
    const idp = await start({ polls: [{ token: { workspace_id: 'w' } }] }, clock)
    const modes: (string | undefined)[] = []
    const spy: typeof fetch = (input, init) => {
      modes.push(init?.redirect)
      return fetch(input, init)
    }
    await login(idp, clock, { fetch: spy })
    expect(modes).toEqual(['manual', 'manual'])
  })
})

describe('loginWithDeviceCode: workspace selection (HTTP 300)', () => {
  const workspaces = [
    { workspace_id: 'ws-a', name: 'Alpha', role: 'owner' },
    { workspace_id: 'ws-b', name: 'Beta' },
  ]

  it('asks onWorkspaceRequired and polls again with the chosen workspace_id', async () => {
    const clock = fakeClock()
    const idp = await start({ polls: ['authorization_pending', { workspaces }] }, clock)
    const offered: WorkspaceChoice[][] = []
    const result = await login(idp, clock, {
      onWorkspaceRequired: async (list) => {
        offered.push(list)
        return 'ws-b'
      },
    })
    expect(offered).toEqual([workspaces])
    const polls = idp.polls()
    expect(polls).toHaveLength(3)
    expect(polls[2]?.form.workspace_id).toBe('ws-b')
    // The user already approved: the follow-up poll is not delayed by another interval.
    expect(clock.sleeps).toEqual([1000, 1000])
    expect(result.workspaceId).toBe('ws-b')
    expect(result.accessToken).toBe('at-1')
  })

  it('finishes with the refresh token from the 300 answer when one is given', async () => {
    const clock = fakeClock()
    const idp = await start({ polls: [{ workspaces, refresh_token: 'selection-rt' }] }, clock)
    const result = await login(idp, clock, { onWorkspaceRequired: () => 'ws-a', scope: 's1' })
    const refreshes = idp.refreshes()
    expect(refreshes).toHaveLength(1)
    expect(refreshes[0]?.form).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'selection-rt',
      workspace_id: 'ws-a',
      scope: 's1',
    })
    expect(idp.polls()).toHaveLength(1)
    expect(result.workspaceId).toBe('ws-a')
  })

  it('takes the only workspace when there is no callback, and refuses to guess between several', async () => {
    const clock = fakeClock()
    const one = await start({ polls: [{ workspaces: [{ workspace_id: 'solo' }] }] }, clock)
    expect((await login(one, clock)).workspaceId).toBe('solo')
    await one.close()

    const two = await start({ polls: [{ workspaces }] }, clock)
    const error = await login(two, clock).catch((e) => e)
    expect(isWorkspaceSelectionError(error)).toBe(true)
    expect(error.errorCode).toBe('workspace_selection_required')
    expect(error.message).toMatch(/onWorkspaceRequired/)
  })

  it('rejects an answer that is not one of the offered workspaces', async () => {
    const clock = fakeClock()
    const idp = await start({ polls: [{ workspaces }] }, clock)
    const error = await login(idp, clock, { onWorkspaceRequired: () => 'ws-zzz' }).catch((e) => e)
    expect(isWorkspaceSelectionError(error)).toBe(true)
    expect(idp.polls()).toHaveLength(1)
  })

  it('an empty workspace list is a WorkspaceSelectionError saying none was offered, without asking', async () => {
    const clock = fakeClock()
    const idp = await start({ polls: [{ workspaces: [], refresh_token: 'selection-rt' }] }, clock)
    let asked = 0
    const error = await login(idp, clock, {
      onWorkspaceRequired: () => {
        asked++
        return 'anything'
      },
    }).catch((e) => e)
    expect(isWorkspaceSelectionError(error)).toBe(true)
    expect(error.message).toMatch(/offered none/)
    expect(asked).toBe(0)
    expect(idp.refreshes()).toHaveLength(0)
  })

  it('fails clearly when the server answers 300 again after the choice', async () => {
    const clock = fakeClock()
    const idp = await start({ polls: [{ workspaces }], onWorkspacePoll: () => ({ workspaces }) }, clock)
    const error = await login(idp, clock, { onWorkspaceRequired: () => 'ws-a' }).catch((e) => e)
    expect(isWorkspaceSelectionError(error)).toBe(true)
  })

  it('reads the workspace list from /self/profile when the token names no workspace', async () => {
    const clock = fakeClock()
    const idp = await start({ polls: [{ token: {} }], profileWorkspaces: workspaces }, clock)
    const result = await login(idp, clock, {
      onWorkspaceRequired: (list) => (list[1] as WorkspaceChoice).workspace_id,
    })
    expect(result.workspaceId).toBe('ws-b')
    const profileCall = idp.calls.find((c) => c.path === '/self/profile')
    expect(profileCall?.headers.authorization).toBe('Bearer at-1')
  })
})

describe('loginWithDeviceCode: cancellation and bad input', () => {
  it('stops waiting as soon as the signal aborts (real timers, no leftover wait)', async () => {
    const clock = fakeClock()
    const idp = await start({ issuance: { interval: 30 }, polls: ['authorization_pending'] }, clock)
    const controller = new AbortController()
    const started = Date.now()
    const pending = loginWithDeviceCode({
      identityBaseUrl: idp.url,
      onWorkspaceRequired: unexpected,
      signal: controller.signal,
      onCode: () => {
        setTimeout(() => controller.abort(), 20)
      },
    })
    const error = await pending.catch((e) => e)
    expect(error).toBeInstanceOf(LoginCancelledError)
    expect(error.errorCode).toBe('login_cancelled')
    expect((error.cause as DOMException).name).toBe('AbortError')
    // A 30 s interval was pending; abort ended it at once.
    expect(Date.now() - started).toBeLessThan(2000)
    expect(idp.polls()).toHaveLength(0)
  })

  it('aborts mid-polling with the fake clock and sends nothing more', async () => {
    const clock = fakeClock()
    const idp = await start({ polls: ['authorization_pending'] }, clock)
    const controller = new AbortController()
    const error = await login(idp, clock, {
      signal: controller.signal,
      onPoll: (e) => {
        if (e.attempt === 3) controller.abort(new Error('user pressed ctrl-c'))
      },
    }).catch((e) => e)
    expect(isLoginCancelledError(error)).toBe(true)
    expect(error.cause.message).toBe('user pressed ctrl-c')
    expect(idp.polls()).toHaveLength(2)
  })

  for (const step of ['onCode', 'onWorkspaceRequired'] as const) {
    it(`ends a login waiting on an ${step} that never settles once the signal aborts`, async () => {
      const clock = fakeClock()
      const idp = await start(
        { polls: [{ workspaces: [{ workspace_id: 'a' }, { workspace_id: 'b' }] }] },
        clock,
      )
      const controller = new AbortController()
      const never = () => {
        controller.abort(new Error('user pressed ctrl-c'))
        return new Promise<never>(() => {})
      }
      const error = await login(idp, clock, {
        signal: controller.signal,
        [step]: never,
        ...(step === 'onCode' ? { onWorkspaceRequired: unexpected } : {}),
      }).catch((e) => e)
      expect(isLoginCancelledError(error)).toBe(true)
      expect(error.cause.message).toBe('user pressed ctrl-c')
      expect(idp.polls()).toHaveLength(step === 'onCode' ? 0 : 1)
    })
  }

  it('does nothing when the signal is already aborted', async () => {
    const clock = fakeClock()
    const idp = await start({}, clock)
    const controller = new AbortController()
    controller.abort()
    await expect(login(idp, clock, { signal: controller.signal })).rejects.toThrow(LoginCancelledError)
    expect(idp.calls).toHaveLength(0)
  })

  it('needs onCode and an http(s) identityBaseUrl', async () => {
    // @ts-expect-error: onCode is required
    const noCode = await loginWithDeviceCode({}).catch((e) => e)
    expect(isConfigurationError(noCode)).toBe(true)
    expect(noCode.message).toMatch(/onCode/)
    const badUrl = await loginWithDeviceCode({
      onCode: noop,
      onWorkspaceRequired: unexpected,
      identityBaseUrl: 'ftp://x',
    }).catch((e) => e)
    expect(isConfigurationError(badUrl)).toBe(true)
    expect(badUrl.message).toMatch(/identityBaseUrl/)
  })

  it('reports a failing /device/code with core status errors, and a malformed one as ParseError', async () => {
    const clock = fakeClock()
    const idp = await start({}, clock)
    idp.server.setHandler({
      'POST /device/code': (_req, res) => {
        res.writeHead(500).end('{"detail":"down"}')
      },
    })
    const down = await login(idp, clock).catch((e) => e)
    expect(isServerError(down)).toBe(true)
    expect(down.status).toBe(500)

    idp.server.setHandler({
      'POST /device/code': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"user_code":"X"}')
      },
    })
    const odd = await login(idp, clock).catch((e) => e)
    expect(odd).toBeInstanceOf(ParseError)
    expect(odd.message).toMatch(/device_code/)
  })

  it('reports an unreachable identity service as NetworkError', async () => {
    const clock = fakeClock()
    const idp = await start({}, clock)
    const url = idp.url
    await idp.close()
    const error = await loginWithDeviceCode({
      identityBaseUrl: url,
      onCode: noop,
      onWorkspaceRequired: unexpected,
      clock,
    }).catch((e) => e)
    expect(isNetworkError(error)).toBe(true)
  })
})

describe('loginWithDeviceCode: lenient issuance and separate now/sleep', () => {
  it('honours an explicit interval of 0 and defaults a missing expires_in', async () => {
    const clock = fakeClock()
    const idp = await start(
      {
        issuance: { interval: 0, expires_in: undefined },
        polls: ['authorization_pending', { token: { workspace_id: 'w' } }],
      },
      clock,
    )
    const codes: DeviceCodeIssuance[] = []
    await login(idp, clock, { onCode: (c) => void codes.push(c) })
    expect(codes[0]?.expires_in).toBe(900)
    expect(clock.sleeps).toEqual([])
    expect(idp.polls()).toHaveLength(2)
  })

  it('accepts now and sleep instead of a clock', async () => {
    const clock = fakeClock()
    const idp = await start({ polls: ['slow_down', { token: { workspace_id: 'w' } }] }, clock)
    const waits: number[] = []
    await loginWithDeviceCode({
      identityBaseUrl: idp.url,
      onCode: noop,
      onWorkspaceRequired: unexpected,
      now: clock.now,
      sleep: async (ms) => {
        waits.push(ms)
        clock.advance(ms)
      },
    })
    expect(waits).toEqual([1000, 6000])
  })
})
