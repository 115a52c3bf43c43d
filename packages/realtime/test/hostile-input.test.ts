// Ids and header values from elsewhere never make a realtime URL or request go where the caller did
// not mean: the workspace id is one path segment (checked as core checks every path parameter), the
// query ids stay query values, and a header value that fetch would refuse ends the stream with a
// ConfigurationError before anything is sent, never quoting the token.
import { inspect } from 'node:util'
import { isConfigurationError } from '@amigo-ai/core'
import { startTestServer } from '@amigo-ai/test-server'
import { describe, expect, it } from 'vitest'
import {
  observerUrl,
  type SubscribeToWorkspaceEventsOptions,
  sessionConnectUrl,
  subscribeToWorkspaceEvents,
  textStreamUrl,
  workspaceEvents,
} from '../src/index'
import { caught, fast, track } from './helpers'

const SID = `CA${'a'.repeat(32)}`
const TOKEN = 'tok-SECRET-0123456789'
const HOSTILE_WORKSPACES = ['..', '.', '%2e', '%2E%2e', 'a/b', '', '\uD800', null as unknown as string]

describe('observerUrl', () => {
  it('refuses a workspace id that would leave its one segment, naming it', () => {
    for (const workspaceId of HOSTILE_WORKSPACES) {
      const error = caught(() => observerUrl({ workspaceId, callSid: SID, baseUrl: 'https://x.test' }))
      expect(isConfigurationError(error), String(workspaceId)).toBe(true)
      expect((error as Error).message).toMatch(/^workspaceId /)
    }
  })

  it('keeps ?, #, % and unicode inside the segment', () => {
    const url = observerUrl({ workspaceId: 'a?b#c%d é', callSid: SID, baseUrl: 'https://x.test' })
    const { pathname, search, hash } = new URL(url)
    expect([search, hash]).toEqual(['', ''])
    const segments = pathname.split('/')
    expect(segments).toHaveLength(6)
    expect(decodeURIComponent(segments[2] as string)).toBe('a?b#c%d é')
  })
})

describe('textStreamUrl', () => {
  it('puts the ids in the query, where no value can change the path', () => {
    const hostile = '../../x?y=1#z&token=evil'
    const url = new URL(
      textStreamUrl({ workspaceId: hostile, serviceId: hostile, conversationId: hostile, entityId: hostile }),
    )
    expect(url.pathname).toBe('/agent/text-stream')
    expect(url.hash).toBe('')
    expect(url.searchParams.get('workspace_id')).toBe(hostile)
    expect(url.searchParams.getAll('token')).toEqual([])
  })
})

describe('sessionConnectUrl', () => {
  const ids = { serviceId: '../x?y#z', entityId: '/e', conversationId: '..' }

  it('keeps the workspace in one segment and the ids in the query, on the API origin', () => {
    const url = new URL(sessionConnectUrl({ ...ids, workspaceId: 'ws 1', baseUrl: 'http://127.0.0.1:9' }))
    expect(url.origin).toBe('ws://127.0.0.1:9')
    expect(url.pathname).toBe('/v1/ws%201/sessions/connect')
    expect(url.searchParams.get('service_id')).toBe('../x?y#z')
    expect(url.searchParams.get('conversation_id')).toBe('..')
    expect(url.searchParams.getAll('token')).toEqual([])
    for (const workspaceId of HOSTILE_WORKSPACES) {
      const error = caught(() => sessionConnectUrl({ ...ids, workspaceId }))
      expect(isConfigurationError(error), String(workspaceId)).toBe(true)
    }
  })

  it('refuses a base with a path (the socket is not there) and takes a url instead', () => {
    const error = caught(() =>
      sessionConnectUrl({ ...ids, workspaceId: 'ws', baseUrl: 'https://app.test/api/platform' }),
    )
    expect((error as Error).message).toBe(
      'baseUrl has a path, so the session-connect URL cannot be derived from it; pass url instead',
    )
    const url = sessionConnectUrl({ ...ids, workspaceId: 'ws', url: 'wss://app.test/api/platform/connect' })
    expect(url).toBe(
      'wss://app.test/api/platform/connect?service_id=..%2Fx%3Fy%23z&entity_id=%2Fe&conversation_id=..',
    )
  })
})

describe('a socket URL given as the url option', () => {
  it('is refused with a user or password in it, without quoting it', () => {
    for (const url of ['wss://user:pw-secret-123@agent.test/x', 'wss://tok-secret-123@agent.test/x']) {
      for (const build of [
        () => textStreamUrl({ workspaceId: 'ws', serviceId: 's', url }),
        () => observerUrl({ workspaceId: 'ws', callSid: SID, url }),
      ]) {
        const error = caught(build)
        expect(isConfigurationError(error)).toBe(true)
        expect((error as Error).message).toBe('url must not contain a user or password (user:password@)')
      }
    }
  })
})

describe('workspace events', () => {
  const base = { token: TOKEN, onEvent: () => {} }

  it('refuse a workspace id that would leave its one segment, synchronously', () => {
    for (const workspaceId of HOSTILE_WORKSPACES) {
      const error = caught(() => subscribeToWorkspaceEvents({ ...base, workspaceId }))
      expect(isConfigurationError(error), String(workspaceId)).toBe(true)
      expect((error as Error).message).toMatch(/^workspaceId /)
    }
  })

  const badHeaders: [string, Partial<SubscribeToWorkspaceEventsOptions>][] = [
    ['a token with a line break', { token: `${TOKEN}\r\nX-Injected: 1` }],
    ['a token getter returning one', { token: undefined, getToken: async () => `${TOKEN}\nX-Injected: 1` }],
    ['headers with one', { headers: { 'x-proxy': `${TOKEN}\r\nX-Injected: 1` } }],
    ['a header name with one', { headers: { 'x-a\r\nx-b': 'v' } }],
    ['a lastEventId with one', { lastEventId: '1\r\nX-Injected: 1' }],
    ['a non-Latin-1 token', { token: `${TOKEN}ключ` }],
    // Control characters other than line breaks pass fetch's Headers, and fail only once sent.
    ['a token with another control character (SOH)', { token: `${TOKEN}\x01` }],
    [
      'a token getter returning a control character',
      { token: undefined, getToken: async () => `${TOKEN}\x1f` },
    ],
    ['headers with a vertical tab', { headers: { 'x-proxy': `${TOKEN}\x0bX` } }],
    ['a lastEventId with a DEL', { lastEventId: '12\x7f' }],
  ]
  for (const [name, options] of badHeaders) {
    it(`${name} ends the stream before anything is sent, with a ConfigurationError that does not quote it`, async () => {
      const server = track(await startTestServer())
      const errors: unknown[] = []
      const reconnects: unknown[] = []
      const sub = subscribeToWorkspaceEvents({
        workspaceId: 'ws-1',
        baseUrl: server.url,
        ...fast,
        ...base,
        onError: (e) => errors.push(e),
        onReconnect: (attempt) => reconnects.push(attempt),
        ...options,
      })
      await sub.done
      expect(errors).toHaveLength(1)
      expect(isConfigurationError(errors[0])).toBe(true)
      expect((errors[0] as Error).message).toBe('headers, lastEventId or token: invalid header value')
      expect(inspect(errors[0], { depth: 8, showHidden: true })).not.toContain(TOKEN)
      expect(reconnects).toEqual([])
      expect(server.requests).toHaveLength(0)
    })
  }

  it('white space at either end of a value is trimmed as fetch trims it, and the value sent', async () => {
    const server = track(await startTestServer())
    const sub = subscribeToWorkspaceEvents({
      workspaceId: 'ws-1',
      baseUrl: server.url,
      ...fast,
      ...base,
      maxReconnects: 0,
      token: `${TOKEN} \n`,
      headers: { 'x-proxy': '\tp ' },
      lastEventId: '7\r\n',
    })
    await sub.done
    expect(server.requests).toHaveLength(1)
    const { headers } = server.requests[0]!
    expect([headers.authorization, headers['x-proxy'], headers['last-event-id']]).toEqual([
      `Bearer ${TOKEN}`,
      'p',
      '7',
    ])
  })

  it('the pull form ends the same way', async () => {
    const server = track(await startTestServer())
    const stream = workspaceEvents({
      workspaceId: 'ws-1',
      baseUrl: server.url,
      token: `${TOKEN}\nX-Injected: 1`,
      ...fast,
    })
    const error = await (async () => {
      for await (const _ of stream) {
        // nothing arrives
      }
    })().catch((e: unknown) => e)
    expect(isConfigurationError(error)).toBe(true)
    expect(server.requests).toHaveLength(0)
  })
})
