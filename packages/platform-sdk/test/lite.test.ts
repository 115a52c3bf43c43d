// `@amigo-ai/platform-sdk/lite`: resources built on their own from `createAmigo`, with the same
// transport (auth, workspace, retries, errors) and the same types as on AmigoClient.
import type { AmigoClient } from '@amigo-ai/platform-sdk'
import {
  AgentsResource,
  ConfigurationError,
  CrmResource,
  createAmigo,
  NotFoundError,
} from '@amigo-ai/platform-sdk/lite'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { lastRequest, useMockPlatform } from './helpers/mock-client'

const env = useMockPlatform()
const amigo = () =>
  createAmigo({
    apiKey: env.mock.apiKey,
    workspaceId: env.mock.workspaceId,
    baseUrl: env.mock.url,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
  })

describe('lite', () => {
  it('a resource built from createAmigo calls the API like AmigoClient does', async () => {
    const agents = new AgentsResource(amigo())
    const page = await agents.list({ limit: 2 })
    expect(page.items.length).toBeLessThanOrEqual(2)
    const sent = lastRequest(env)
    expect(sent.path).toBe(`/v1/${env.mock.workspaceId}/agents`)
    expect(sent.headers.authorization).toBe(`Bearer ${env.mock.apiKey}`)
    expect(page._request_id).toBe(sent.requestId)
    await expect(agents.get('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(NotFoundError)
    const crm = new CrmResource(amigo())
    expect(crm.contacts).toBe(crm.contacts)
  })

  it('the typed low-level helpers come with the context, and withOptions works per resource', async () => {
    const ctx = amigo()
    const { data } = await ctx.transport.GET('/v1/{workspace_id}/agents', { params: { query: { limit: 1 } } })
    expect(Array.isArray(data.items)).toBe(true)
    await new AgentsResource(ctx).withOptions({ headers: { 'X-Lite': 'yes' } }).list()
    expect(lastRequest(env).headers['x-lite']).toBe('yes')
  })

  it('refuses a bad config the way AmigoClient does', () => {
    expect(() => createAmigo({ workspaceId: 'ws' } as never)).toThrow(ConfigurationError)
    expect(() => createAmigo(undefined as never)).toThrow(/client config must be an object, got undefined/)
  })

  it('a resource built over something else than createAmigo fails at once, saying what it takes', () => {
    const config = { apiKey: env.mock.apiKey, workspaceId: env.mock.workspaceId }
    for (const wrong of [config, undefined, {}])
      expect(() => new AgentsResource(wrong as never)).toThrow(
        new ConfigurationError('a resource class takes what createAmigo(config) returns'),
      )
  })

  it("a call's options and query that are not objects are refused, with nothing sent", async () => {
    const agents = new AgentsResource(amigo())
    const before = env.mock.requests.length
    await expect(agents.list({}, 'x' as never)).rejects.toThrow(
      new ConfigurationError('options must be an object, got a string'),
    )
    await expect(agents.list('limit=5' as never)).rejects.toThrow('query must be an object, got a string')
    await expect(agents.list({}, { workspaceId: 'other' } as never)).rejects.toThrow(
      "workspaceId is the client's: make another client",
    )
    expect(env.mock.requests.length).toBe(before)
  })

  it('methods have the same types as on AmigoClient', () => {
    expectTypeOf<AgentsResource['list']>().toEqualTypeOf<AmigoClient['agents']['list']>()
    expectTypeOf<ReturnType<typeof createAmigo>['transport']['GET']>().toEqualTypeOf<AmigoClient['GET']>()
  })
})
