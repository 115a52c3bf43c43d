// Per-call options and the client's own URL helpers with hostile values: refused with the SDK's own
// error before anything is sent (never a TypeError quoting the value), or sent exactly as given.
import { inspect } from 'node:util'
import { ConfigurationError, InvalidRequestError, isAmigoError } from '@amigo-ai/core'
import { json, startTestServer, type TestServer } from '@amigo-ai/test-server'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AmigoClient } from '../src'
import { argumentRoles, methodOf, surfaceRows } from './helpers/surface'

const SECRET = 'sk-live-SECRET-0123456789'
let server: TestServer
let client: AmigoClient
beforeEach(async () => {
  server = await startTestServer(json(200, { id: 'x' }))
  client = new AmigoClient({ apiKey: 'k-test-1234', workspaceId: 'ws-1', baseUrl: server.url, maxRetries: 2 })
})
afterEach(() => server.close())

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  )

describe('per-call headers through resource methods', () => {
  const injected = `${SECRET}\r\nX-Injected: 1`
  const cases: [string, () => Promise<unknown>][] = [
    ['a record', () => client.agents.get('a-1', { headers: { 'x-a': injected } })],
    ['an array of pairs', () => client.agents.get('a-1', { headers: [['x-a', injected]] })],
    ['a malformed array', () => client.agents.get('a-1', { headers: [['x-a']] as never })],
    ['a string', () => client.agents.get('a-1', { headers: 'x-a: 1' as never })],
    [
      'a method that forces its Accept header',
      () =>
        client.conversations.createTurn('c-1', { message: 'hi' } as never, { headers: [['x-a', injected]] }),
    ],
    ['an idempotencyKey', () => client.agents.delete('a-1', { idempotencyKey: injected })],
    [
      'a parent token for createExternalUserSession',
      () =>
        client.tokens.createExternalUserSession({
          parentAccessToken: injected,
          externalSubjectKey: 'k',
          subjectType: 'patient',
          serviceId: 's',
        } as never),
    ],
  ]
  for (const [name, call] of cases) {
    it(`${name} with a bad value is a ConfigurationError, nothing sent, the value not quoted`, async () => {
      const error = await rejection(call())
      expect(error).toBeInstanceOf(ConfigurationError)
      expect(inspect(error, { showHidden: true, depth: 8 })).not.toContain(SECRET)
      expect(server.requests).toHaveLength(0)
    })
  }

  it('good per-call headers arrive unchanged, merged over a forced Accept', async () => {
    await client.conversations.createTurn('c-1', { message: 'hi' } as never, {
      headers: [['x-trace', 't-1']],
      idempotencyKey: 'key-1',
    })
    const [req] = server.requests
    expect(req?.headers['x-trace']).toBe('t-1')
    expect(req?.headers['idempotency-key']).toBe('key-1')
    expect(req?.headers.accept).toBe('application/json')
  })
})

describe('odd options and params of every method', () => {
  it('null options mean none, and nothing odd in options, params or body escapes as a non-SDK error', async () => {
    const odd = [null, 'x', 5, [], { headers: 5 }, { signal: 'x' }, { timeout: -1 }]
    const escaped: string[] = []
    for (const row of surfaceRows.filter((_row, i) => i % 3 === 0)) {
      const roles = argumentRoles(row)
      for (const value of odd)
        for (const where of ['options', 'params', 'body'] as const) {
          let n = 0
          const args: unknown[] = roles.map((r) =>
            r.kind === 'path' ? `id-${n++}` : r.kind === 'body' ? {} : undefined,
          )
          const at = where === 'options' ? args.length : roles.findIndex((r) => r.kind === where)
          if (at < 0) continue
          args[at] = value
          const error = await rejection(
            (async () => {
              const result = methodOf(client, row)?.(...args)
              if (result && typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
                for await (const _ of result as AsyncIterable<unknown>) break
              } else await result
            })(),
          )
          if (error !== undefined && !isAmigoError(error))
            escaped.push(`${row.resource}.${row.member} ${where}=${JSON.stringify(value)}: ${String(error)}`)
        }
    }
    expect(escaped).toEqual([])
  })
})

describe('ids in URLs the umbrella builds itself', () => {
  it('workspaces.* refuse an id that would leave its segment, naming parameter and operation', async () => {
    const error = await rejection(client.workspaces.update({} as never, '..'))
    expect(error).toBeInstanceOf(InvalidRequestError)
    expect((error as Error).message).toBe(
      'path parameter "workspace_id" (the id argument) of PATCH /v1/workspaces/{workspace_id} is the dot segment ".."',
    )
    for (const id of ['.', '%2e', 'a/b', '', 5n, null, {}] as unknown[])
      expect(await rejection(client.workspaces.get(id as string))).toBeInstanceOf(InvalidRequestError)
    expect(server.requests).toHaveLength(0)
    await client.workspaces.get('other ws?#')
    expect(server.requests[0]?.url).toBe('/v1/workspaces/other%20ws%3F%23')
  })

  it('conversations.sessionConnectUrl keeps the workspace in one segment and the ids in the query', () => {
    const url = new URL(
      client.conversations.sessionConnectUrl({ serviceId: '../x?y#z', entityId: '/e', conversationId: '..' }),
    )
    expect(url.pathname).toBe('/v1/ws-1/sessions/connect')
    expect(url.searchParams.get('service_id')).toBe('../x?y#z')
    expect(url.searchParams.get('conversation_id')).toBe('..')
  })

  it('the low-level helpers get the same check as resource methods', async () => {
    for (const agent_id of ['..', '.', '%2E%2e', 'a/b', true] as unknown[]) {
      const error = await rejection(
        client.DELETE('/v1/{workspace_id}/agents/{agent_id}', {
          params: { path: { agent_id: agent_id as string } },
        }),
      )
      expect(error).toBeInstanceOf(InvalidRequestError)
      expect((error as Error).message).toMatch(
        /^path parameter "agent_id" of DELETE \/v1\/\{workspace_id\}\/agents\/\{agent_id\} /,
      )
    }
    expect(server.requests).toHaveLength(0)
  })

  it('a dot-segment workspaceId is refused when the client is built', () => {
    for (const workspaceId of ['..', '.', '%2E', 'a/b'])
      expect(() => new AmigoClient({ apiKey: 'k-test-1234', workspaceId })).toThrow(ConfigurationError)
  })
})

describe('redirects', () => {
  it('are not followed: a create answered 307 elsewhere fails naming it, and the body goes nowhere else', async () => {
    const other = await startTestServer(json(201, { id: 'elsewhere' }))
    try {
      server.setHandler((_req, res) => {
        res.writeHead(307, { location: `${other.url}/collect`, 'content-length': '0' })
        res.end()
      })
      const error = await rejection(client.agents.create({ name: 'Front desk' } as never))
      expect(isAmigoError(error)).toBe(true)
      expect(error).toMatchObject({ status: 307, message: 'Redirect (status 307) not followed' })
      expect(server.requests).toHaveLength(1)
      expect(other.requests).toHaveLength(0)
      // Opting in follows it (fetch drops Authorization on the way to another origin).
      const followed = await client.withOptions({ redirect: 'follow' }).agents.create({ name: 'x' } as never)
      expect(followed).toMatchObject({ id: 'elsewhere' })
      expect(other.requests[0]?.headers.authorization).toBeUndefined()
    } finally {
      await other.close()
    }
  })
})
