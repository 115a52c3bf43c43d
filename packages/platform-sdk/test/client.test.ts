import { inspect } from 'node:util'
import {
  AmigoClient,
  ConfigurationError,
  isConfigurationError,
  NotFoundError,
  VERSION,
} from '@amigo-ai/platform-sdk'
import { describe, expect, it } from 'vitest'
import { lastRequest, useMockPlatform } from './helpers/mock-client'

const env = useMockPlatform()

describe('AmigoClient configuration', () => {
  it('refuses a missing config, apiKey or workspaceId with a ConfigurationError naming the field', () => {
    expect(() => new AmigoClient(undefined as never)).toThrow(ConfigurationError)
    expect(() => new AmigoClient({ workspaceId: 'ws' } as never)).toThrow(/apiKey/)
    expect(() => new AmigoClient({ apiKey: 'k' } as never)).toThrow(/workspaceId/)
    expect(() => new AmigoClient({ apiKey: 'k', workspaceId: 'ws', baseUrl: 42 as never })).toThrow(/baseUrl/)
    try {
      new AmigoClient({ apiKey: 'secret-key-value', workspaceId: 42 as never })
    } catch (error) {
      expect(isConfigurationError(error)).toBe(true)
      expect(String(error)).not.toContain('secret-key-value')
    }
  })

  it("refuses other SDKs' spellings of baseUrl and agentBaseUrl, which would send the key to the default origin", async () => {
    const { createAmigo } = await import('@amigo-ai/platform-sdk/lite')
    const origin = 'http://127.0.0.1:9'
    for (const [key, meant] of [
      ['baseURL', 'baseUrl'],
      ['base_url', 'baseUrl'],
      ['agentBaseURL', 'agentBaseUrl'],
    ] as const) {
      const config = { apiKey: 'k', workspaceId: 'ws', [key]: origin }
      const message = `unknown option ${key} (did you mean ${meant}?)`
      expect(() => new AmigoClient(config as never)).toThrow(message)
      expect(() => createAmigo(config as never)).toThrow(message)
      expect(() => new AmigoClient(Object.create(config))).toThrow(ConfigurationError)
    }
  })

  it('never prints or serialises the API key (client, resources, nested groups, scoped views), hidden fields included', () => {
    const key = 'amg_live_never_print_me_123'
    const client = new AmigoClient({ apiKey: key, workspaceId: 'ws' })
    const views: unknown[] = [
      client,
      client.agents,
      client.settings.voice,
      client.withOptions({ timeout: 1000 }),
      client.agents.withOptions({ maxRetries: 0 }),
    ]
    for (const view of views) {
      expect(inspect(view, { depth: 10, showHidden: false })).not.toContain(key)
      expect(inspect(view, { depth: 10, showHidden: true, getters: true })).not.toContain(key)
      expect(JSON.stringify(view) ?? '').not.toContain(key)
    }
    expect(String(client)).not.toContain(key)
  })

  it('defaults to the public API origin and drops a trailing slash', () => {
    expect(new AmigoClient({ apiKey: 'k', workspaceId: 'ws' }).baseUrl).toBe('https://api.platform.amigo.ai')
    expect(new AmigoClient({ apiKey: 'k', workspaceId: 'ws', baseUrl: 'http://x.test/' }).baseUrl).toBe(
      'http://x.test',
    )
  })

  it('reads inherited options (a class with getters, an object made with Object.create) like own ones', async () => {
    const urls: string[] = []
    // Own on every config below, so that a lost baseUrl is recorded here rather than fetched.
    const fetch = ((input: Request) => {
      urls.push(input.url)
      return input.url.startsWith(env.mock.url)
        ? globalThis.fetch(input)
        : Promise.reject(new Error('off the mock'))
    }) as typeof globalThis.fetch
    class Config {
      apiKey = env.mock.apiKey
      workspaceId = env.mock.workspaceId
      maxRetries = 0
      fetch = fetch
      get baseUrl() {
        return env.mock.url
      }
    }
    const shared = { baseUrl: env.mock.url, maxRetries: 0 }
    const own = { apiKey: env.mock.apiKey, workspaceId: env.mock.workspaceId, fetch }
    for (const config of [new Config(), Object.assign(Object.create(shared), own)]) {
      const client = new AmigoClient(config)
      expect(client.baseUrl).toBe(env.mock.url)
      const page = await client.agents.list().catch((e: unknown) => e)
      expect(Array.isArray((page as { items?: unknown }).items)).toBe(true)
    }
    expect(urls).toHaveLength(2)
    for (const url of urls) expect(url.startsWith(`${env.mock.url}/v1/`)).toBe(true)
  })

  it('names the SDK and its version to the API', async () => {
    await env.client.agents.list()
    const headers = lastRequest(env).headers
    const identification = `${headers['user-agent'] ?? ''} ${headers['x-amigo-client'] ?? ''}`
    expect(identification).toContain(`@amigo-ai/platform-sdk/${VERSION}`)
  })
})

describe('low-level helpers', () => {
  it('fill {workspace_id} from the config, even over a caller value', async () => {
    const { client, mock } = env
    const result = await client.GET('/v1/{workspace_id}/agents', {
      params: { path: { workspace_id: 'someone-else' }, query: { limit: 2 } },
      headers: { 'X-Debug-Trace': 'true' },
    })
    expect(result.data?.items.length).toBeLessThanOrEqual(2)
    expect(result.response.status).toBe(200)
    expect(result.requestId).toBe(lastRequest(env).requestId)
    const sent = lastRequest(env)
    expect(sent.path).toBe(`/v1/${mock.workspaceId}/agents`)
    expect(sent.headers['x-debug-trace']).toBe('true')
  })

  it('POST sends a typed JSON body', async () => {
    const { client } = env
    const { data } = await client.POST('/v1/{workspace_id}/agents', { body: { name: 'Low level' } })
    expect(data?.name).toBe('Low level')
    expect(lastRequest(env).body).toEqual({ name: 'Low level' })
  })

  it('map error statuses to typed errors', async () => {
    await expect(
      env.client.GET('/v1/{workspace_id}/agents/{agent_id}', {
        params: { path: { agent_id: '00000000-0000-4000-8000-000000000000' } },
      }),
    ).rejects.toBeInstanceOf(NotFoundError)
  })
})

describe('withOptions', () => {
  it('a scoped client carries headers on resource calls and low-level calls, the original does not', async () => {
    const { client } = env
    const scoped = client.withOptions({ headers: { 'X-Scope': 'one' } })
    expect(scoped).toBeInstanceOf(AmigoClient)
    expect(scoped.workspaceId).toBe(client.workspaceId)
    await scoped.agents.list()
    expect(lastRequest(env).headers['x-scope']).toBe('one')
    await scoped.GET('/v1/{workspace_id}/services')
    expect(lastRequest(env).headers['x-scope']).toBe('one')
    await scoped.settings.voice.get()
    expect(lastRequest(env).headers['x-scope']).toBe('one')
    await client.agents.list()
    expect(lastRequest(env).headers['x-scope']).toBeUndefined()
  })

  it('layers: resource.withOptions over client.withOptions, per-call options on top', async () => {
    const { client } = env
    const agents = client.withOptions({ headers: { 'X-A': '1', 'X-B': '1' } }).agents.withOptions({
      headers: { 'X-B': '2' },
    })
    await agents.list(undefined, { headers: { 'X-C': '3' } })
    const { headers } = lastRequest(env)
    expect([headers['x-a'], headers['x-b'], headers['x-c']]).toEqual(['1', '2', '3'])
  })

  it('every resource (and every settings group) offers withOptions returning the same class', () => {
    const { client } = env
    const resources: Array<[string, { withOptions?: unknown }]> = []
    for (const name in client) resources.push([name, client[name as keyof AmigoClient] as object])
    expect(resources.length).toBeGreaterThanOrEqual(24)
    for (const [name, resource] of resources) {
      expect(typeof resource.withOptions, name).toBe('function')
      const scoped = (resource as { withOptions(o: object): object }).withOptions({ timeout: 1000 })
      expect(scoped.constructor, name).toBe(resource.constructor)
    }
    const scopedSettings = client.settings.withOptions({ timeout: 1000 })
    expect(scopedSettings.retention.constructor).toBe(client.settings.retention.constructor)
  })

  it('a per-call timeout applies to a resource call', async () => {
    const { client } = env
    await expect(
      client.agents.list(undefined, { timeout: 20, headers: { 'x-mock-fault': 'latency=500' } }),
    ).rejects.toMatchObject({ name: 'RequestTimeoutError' })
  })

  it('a per-call signal aborts the request', async () => {
    const controller = new AbortController()
    const pending = env.client.agents.list(undefined, {
      signal: controller.signal,
      headers: { 'x-mock-fault': 'latency=500' },
    })
    controller.abort(new Error('stop'))
    await expect(pending).rejects.toThrow('stop')
  })
})

describe('response metadata', () => {
  it('is attached to object results without showing up in their JSON', async () => {
    const page = await env.client.agents.list({ limit: 1 })
    expect(page._request_id).toBe(lastRequest(env).requestId)
    expect(page.lastResponse.statusCode).toBe(200)
    expect(page.lastResponse.headers.get('content-type')).toContain('application/json')
    expect(Object.keys(page)).not.toContain('lastResponse')
    expect(JSON.stringify(page)).not.toContain('lastResponse')
  })

  it('hooks see each request and response', async () => {
    const seen: string[] = []
    const client = env.makeClient({
      hooks: {
        onRequest: ({ request, schemaPath }) => {
          seen.push(`req ${request.method} ${schemaPath} auth=${request.headers.get('authorization')}`)
        },
        onResponse: ({ response, requestId }) => {
          seen.push(`res ${response.status} ${requestId === undefined ? 'no-id' : 'id'}`)
        },
      },
    })
    await client.agents.list()
    expect(seen[0]).toMatch(/^req GET \/v1\/\{workspace_id\}\/agents/)
    expect(seen[0]).not.toContain(env.mock.apiKey)
    expect(seen[1]).toBe('res 200 id')
  })
})
