import {
  AmigoClient,
  ConfigurationError,
  isBadRequestError,
  isParseError,
  type TextStreamUrlParams,
  type TurnStreamEvent,
  textStreamAuthProtocols,
} from '@amigo-ai/platform-sdk'
import type { AgentOriginOptions, TextStreamUrlOptions } from '@amigo-ai/realtime/urls'
import { json, startTestServer, text } from '@amigo-ai/test-server'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { lastRequest, useMockPlatform } from './helpers/mock-client'

const env = useMockPlatform()

async function firstServiceId(): Promise<string> {
  return (await env.client.services.list()).items[0]!.id
}

describe('conversations', () => {
  it('creates, reads, lists and closes a conversation', async () => {
    const { client, mock } = env
    const serviceId = await firstServiceId()
    const conversation = await client.conversations.create({ service_id: serviceId })
    expect(lastRequest(env).body).toEqual({ service_id: serviceId })
    expect(conversation.lastResponse.statusCode).toBe(201)

    const fetched = await client.conversations.get(conversation.id)
    expect(fetched.id).toBe(conversation.id)

    const page = await client.conversations.list({ limit: 100 })
    expect(page.items.some((c) => c.id === conversation.id)).toBe(true)

    await client.conversations.close(conversation.id)
    const closing = lastRequest(env)
    expect([closing.method, closing.path]).toEqual([
      'DELETE',
      `/v1/${mock.workspaceId}/conversations/${conversation.id}`,
    ])
  })

  it('createTurn always asks for JSON and forwards includeToolCalls as a query flag', async () => {
    const { client } = env
    const conversation = await client.conversations.create({ service_id: await firstServiceId() })
    const turn = await client.conversations.createTurn(
      conversation.id,
      { message: 'Hello, I need help scheduling' },
      { includeToolCalls: true, headers: { Accept: 'text/event-stream' } },
    )
    const sent = lastRequest(env)
    expect(sent.headers.accept).toBe('application/json')
    expect(sent.query).toEqual({ include_tool_calls: 'true' })
    expect(sent.body).toEqual({ message: 'Hello, I need help scheduling' })
    expect(turn.input.text).toBe('Hello, I need help scheduling')
    expect(turn.output.length).toBeGreaterThan(0)
    expect(turn.tool_calls?.length).toBe(1)
    expect(turn.lastResponse.statusCode).toBe(200)
  })

  it('streamTurn yields typed events in order, ending with done', async () => {
    const { client } = env
    const conversation = await client.conversations.create({ service_id: await firstServiceId() })
    const events: TurnStreamEvent[] = []
    for await (const event of client.conversations.streamTurn(
      conversation.id,
      { message: 'When can I come in?' },
      { includeToolCalls: true },
    )) {
      events.push(event)
    }
    const sent = lastRequest(env)
    expect(sent.path).toMatch(/\/turns\/stream$/)
    expect(sent.headers.accept).toBe('text/event-stream')
    const kinds = events.map((e) => e.event)
    expect(kinds[0]).toBe('thinking')
    expect(kinds).toContain('tool_call_started')
    expect(kinds).toContain('token')
    expect(kinds.at(-1)).toBe('done')
    const text = events.flatMap((e) => (e.event === 'token' ? [e.text] : [])).join('')
    const message = events.find((e) => e.event === 'message')
    expect(message && message.event === 'message' ? message.text : undefined).toBe(text)
  })

  it('breaking out of a streamed turn stops reading', async () => {
    const { client } = env
    const conversation = await client.conversations.create({ service_id: await firstServiceId() })
    let seen = 0
    for await (const _event of client.conversations.streamTurn(conversation.id, { message: 'Hi' })) {
      seen++
      break
    }
    expect(seen).toBe(1)
  })

  it('null turn options mean none, as they do for every other method', async () => {
    const { client } = env
    const conversation = await client.conversations.create({ service_id: await firstServiceId() })
    const turn = await client.conversations.createTurn(conversation.id, { message: 'Hi' }, null as never)
    expect(turn.output.length).toBeGreaterThan(0)
    expect(lastRequest(env).query).toEqual({})
    const stream = await client.conversations.createTurnStream(
      conversation.id,
      { message: 'Hi' },
      null as never,
    )
    await stream.cancel()
    const types: string[] = []
    for await (const event of client.conversations.streamTurn(
      conversation.id,
      { message: 'Hi' },
      null as never,
    ))
      types.push(event.event)
    expect(types.at(-1)).toBe('done')
  })

  it('streamTurn surfaces HTTP errors as typed errors on iteration', async () => {
    const iterate = async () => {
      for await (const _ of env.client.conversations.streamTurn('00000000-0000-4000-8000-000000000000', {
        message: 'Hi',
      })) {
        // nothing
      }
    }
    await expect(iterate()).rejects.toMatchObject({ status: 404 })
  })

  it('streamTurn on a success that is no event stream (a proxy page) is a ParseError, not an empty turn', async () => {
    const server = await startTestServer(text(200, '<html>sign in to the proxy</html>', 'text/html'))
    try {
      const client = new AmigoClient({ apiKey: 'k_test', workspaceId: 'ws-1', baseUrl: server.url })
      const events: unknown[] = []
      const error = await (async () => {
        for await (const event of client.conversations.streamTurn('c-1', { message: 'Hi' }))
          events.push(event)
      })().catch((e: unknown) => e)
      expect(events).toEqual([])
      expect(isParseError(error)).toBe(true)
      expect((error as Error).message).toMatch(/not an event stream \(content-type text\/html\)/)
    } finally {
      await server.close()
    }
  })

  it('sendMessage starts a conversation, then continues it', async () => {
    const { client } = env
    const serviceId = await firstServiceId()
    const first = await client.conversations.sendMessage({ service_id: serviceId, message: 'Hello' })
    expect(first.conversation_id).toBeTruthy()
    expect(lastRequest(env).path).toMatch(/\/conversations\/messages$/)
    const next = await client.conversations.sendMessage({
      service_id: serviceId,
      conversation_id: first.conversation_id,
      message: 'Tuesday morning works',
    })
    expect(next.conversation_id).toBe(first.conversation_id)
    expect(next.messages.map((m) => m.text).join(' ').length).toBeGreaterThan(0)
  })

  it('a rejected sendMessage is a BadRequestError carrying the FastAPI detail as sent', async () => {
    const server = await startTestServer(json(400, { detail: 'Invalid message' }))
    try {
      const client = new AmigoClient({ apiKey: 'k_test', workspaceId: 'ws-1', baseUrl: server.url })
      const error = await client.conversations
        .sendMessage({ service_id: 'svc-1', message: 'Hello' })
        .catch((e: unknown) => e)
      expect(isBadRequestError(error)).toBe(true)
      expect(error).toMatchObject({ statusCode: 400, detail: 'Invalid message' })
      expect(server.requests.at(-1)?.url).toBe('/v1/ws-1/conversations/messages')
    } finally {
      await server.close()
    }
  })

  it('textStreamAuthProtocols: a blank apiKey is required; rejected characters are named', () => {
    expect(() => textStreamAuthProtocols('   ')).toThrow(/apiKey is required/)
    expect(() => textStreamAuthProtocols('base64/with=padding')).toThrow(/"\/", "="/)
  })

  it('textStreamUrl builds the socket URL from the client origin without making a request', () => {
    const before = env.mock.requests.length
    const url = new URL(env.client.conversations.textStreamUrl({ serviceId: 'svc-1', conversationId: 'c-1' }))
    expect(url.protocol).toBe('ws:')
    expect(url.host).toBe(new URL(env.mock.url).host)
    expect(url.pathname).toBe('/agent/text-stream')
    expect(url.searchParams.get('workspace_id')).toBe(env.mock.workspaceId)
    expect(url.searchParams.get('service_id')).toBe('svc-1')
    expect(url.searchParams.get('conversation_id')).toBe('c-1')
    expect(url.searchParams.has('token')).toBe(false)
    expect(env.mock.requests.length).toBe(before)

    const withToken = new URL(
      env.client.conversations.textStreamUrl({ serviceId: 'svc-1', token: 'abc.def' }),
    )
    expect(withToken.searchParams.get('token')).toBe('abc.def')
    expect(textStreamAuthProtocols('abc.def')).toEqual(['auth', 'abc.def'])
  })

  it("textStreamUrl's parameters are realtime's textStreamUrl options less what the client supplies", () => {
    type FromClient = 'workspaceId' | 'url' | keyof AgentOriginOptions
    expectTypeOf<Omit<TextStreamUrlParams, 'textStreamUrl'>>().toEqualTypeOf<
      Omit<TextStreamUrlOptions, FromClient>
    >()
    expectTypeOf<TextStreamUrlParams['textStreamUrl']>().toEqualTypeOf<TextStreamUrlOptions['url']>()
  })

  it('textStreamUrl takes a full socket URL override and refuses unusable ones', () => {
    const client = env.makeClient({ baseUrl: '/api/platform', fetch: globalThis.fetch })
    const url = new URL(
      client.conversations.textStreamUrl({
        serviceId: 'svc-1',
        textStreamUrl: 'wss://preview-123.example.test/agent/text-stream',
      }),
    )
    expect(url.host).toBe('preview-123.example.test')
    expect([...url.searchParams.keys()]).toEqual(['workspace_id', 'service_id'])
    // Deriving from a relative base, overriding with http(s) or with a query string: clear errors.
    expect(() => client.conversations.textStreamUrl({ serviceId: 'svc-1' })).toThrow(ConfigurationError)
    expect(() =>
      client.conversations.textStreamUrl({
        serviceId: 's',
        textStreamUrl: 'https://x.test/agent/text-stream',
      }),
    ).toThrow(ConfigurationError)
    expect(() =>
      client.conversations.textStreamUrl({
        serviceId: 's',
        textStreamUrl: 'wss://x.test/agent/text-stream?a=b',
      }),
    ).toThrow(ConfigurationError)
    expect(() =>
      env.client.conversations.textStreamUrl({ serviceId: 's', token: 'abc\r\nx-evil: y' }),
    ).toThrow(ConfigurationError)
  })

  it('textStreamUrl uses agentBaseUrl when configured', () => {
    const client = env.makeClient({ agentBaseUrl: 'https://agent.example.test' })
    expect(client.conversations.textStreamUrl({ serviceId: 's' })).toMatch(
      /^wss:\/\/agent\.example\.test\/agent\/text-stream\?/,
    )
  })
})
