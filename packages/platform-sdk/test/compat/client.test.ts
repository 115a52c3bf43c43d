// Core and client exports of the single-package SDK 0.46, called the way its users call them:
// against the local platform (and, for a resource built from an openapi-fetch client, through
// openapi-fetch itself). The other official names are exercised in auth.test.ts and realtime.test.ts.
import { json, startTestServer } from '@amigo-ai/test-server'
import createClient from 'openapi-fetch'
import { describe, expect, it, vi } from 'vitest'
import type { paths } from '../../src/generated/openapi'
import {
  AgentsResource,
  AmigoClient,
  type AmigoConfig,
  actionId,
  agentId,
  apiKeyId,
  buildLastResponse,
  callId,
  contextGraphId,
  dataSourceId,
  entityId,
  eventId,
  extractRequestId,
  functionId,
  InvalidRequestError,
  integrationId,
  isAuthenticationError,
  isConflictError,
  isHttpException,
  isHttpValidationError,
  isNetworkError,
  isNotFoundError,
  isPermissionError,
  isRateLimitError,
  isRequestTimeoutError,
  isServerError,
  isUnparseableErrorBody,
  isValidationError,
  NotFoundError,
  paginate,
  parseRateLimitHeaders,
  personaId,
  phoneNumberId,
  SesSetupResource,
  serviceId,
  simulationRunId,
  simulationSessionId,
  skillId,
  TokensResource,
  workspaceId,
} from '../../src/index'
import { useMockPlatform } from '../helpers/mock-client'

const env = useMockPlatform()

describe('branded id constructors', () => {
  it('return the string they are given and refuse anything else', () => {
    const makers = [
      workspaceId,
      apiKeyId,
      agentId,
      personaId,
      skillId,
      actionId,
      serviceId,
      contextGraphId,
      callId,
      phoneNumberId,
      integrationId,
      entityId,
      eventId,
      simulationRunId,
      simulationSessionId,
      functionId,
      dataSourceId,
    ]
    for (const make of makers) {
      expect(make('id-1')).toBe('id-1')
      expect(() => make(42 as never)).toThrow(InvalidRequestError)
    }
  })

  it('a branded agent id works where a plain id is taken', async () => {
    const created = await env.client.agents.create({ name: 'Branded' } as never)
    const fetched = await env.client.agents.get(agentId(created.id))
    expect(fetched.id).toBe(created.id)
  })
})

describe('guards, in the official form, on errors the platform returns', () => {
  it('each recognises its own class only', async () => {
    const missing = await env.client.agents
      .get(agentId('00000000-0000-4000-8000-000000000000'))
      .catch((e) => e)
    expect(missing).toBeInstanceOf(NotFoundError)
    expect(isNotFoundError(missing)).toBe(true)
    expect(isHttpException(missing)).toBe(true)
    const guards = [
      isAuthenticationError,
      isConflictError,
      isHttpValidationError,
      isNetworkError,
      isPermissionError,
      isRateLimitError,
      isRequestTimeoutError,
      isServerError,
      isUnparseableErrorBody,
      isValidationError,
    ]
    for (const guard of guards) expect(guard(missing), guard.name).toBe(false)
    const invalid = await env.client.agents.create({} as never).catch((e) => e)
    expect(isValidationError(invalid)).toBe(true)
    expect(isHttpValidationError(invalid)).toBe(true)
  })
})

describe('response helpers and metadata', () => {
  it('parseRateLimitHeaders, extractRequestId and buildLastResponse read a response', async () => {
    const result = await env.client.GET('/v1/{workspace_id}/agents')
    const { response } = result
    expect(extractRequestId(response)).toBe(result.requestId)
    expect(result.data._request_id).toBe(result.requestId)
    const last = buildLastResponse(response)
    expect(last).toMatchObject({ requestId: result.requestId, statusCode: 200 })
    expect(parseRateLimitHeaders(response.headers)).toEqual(last.rateLimit)
    expect(Object.keys(parseRateLimitHeaders(new Headers())).sort()).toEqual([
      'limit',
      'remaining',
      'reset',
      'retryAfter',
    ])
  })

  it('paginate walks a list with the continuation token', async () => {
    for (const name of ['P1', 'P2', 'P3']) await env.client.agents.create({ name } as never)
    const seen: string[] = []
    for await (const agent of paginate((token) =>
      env.client.agents.list({ limit: 1, ...(token === undefined ? {} : { continuation_token: token }) }),
    ))
      seen.push(agent.id)
    const all = await env.client.agents.list({ limit: 20 })
    expect(seen).toEqual(all.items.map((a) => a.id))
    expect(new Set(seen).size).toBe(seen.length)
  })
})

describe('the client the official way', () => {
  it('AmigoConfig builds a client; defineRoute binds a typed route', async () => {
    const config: AmigoConfig = {
      apiKey: env.mock.apiKey,
      workspaceId: env.mock.workspaceId,
      baseUrl: env.mock.url,
      maxRetries: 0,
      headers: { 'x-trace': 1 },
    }
    const client = new AmigoClient(config)
    const listAgents = client.defineRoute('GET', '/v1/{workspace_id}/agents')
    const page = await listAgents({ params: { query: { limit: 1 } } })
    expect(page.data.items.length).toBeLessThanOrEqual(1)
    const bad = client.defineRoute('TRACE' as never, '/v1/{workspace_id}/agents')
    await expect((bad as () => Promise<unknown>)()).rejects.toThrow(/defineRoute: method must be one of GET/)
    await expect((bad as () => Promise<unknown>)()).rejects.toBeInstanceOf(InvalidRequestError)
    const pathless = client.defineRoute('GET', 'agents' as never) as () => Promise<unknown>
    await expect(pathless()).rejects.toThrow(/path must be a string starting with "\/"/)
    await expect(pathless()).rejects.toBeInstanceOf(InvalidRequestError)
  })

  it('resources built from an openapi-fetch client and a workspace id (SesSetupResource, AgentsResource)', async () => {
    const api = createClient<paths>({
      baseUrl: env.mock.url,
      headers: { authorization: `Bearer ${env.mock.apiKey}` },
    })
    const sesSetup = new SesSetupResource(api, env.mock.workspaceId)
    const page = await sesSetup.list({ limit: 5 })
    expect(Array.isArray(page.items)).toBe(true)
    expect(page._request_id).toBe(page.lastResponse.requestId)
    await expect(sesSetup.get('..')).rejects.toBeInstanceOf(InvalidRequestError)
    const agents = new AgentsResource(api, env.mock.workspaceId)
    const created = await agents.create({ name: 'From openapi-fetch' } as never)
    expect((await agents.get(created.id)).name).toBe('From openapi-fetch')
    const missing = await agents.get('00000000-0000-4000-8000-000000000000').catch((e) => e)
    expect(missing).toBeInstanceOf(NotFoundError)
    expect(() => new AgentsResource(api, '..')).toThrow(/workspaceId/)
    const bare = new AgentsResource({}, env.mock.workspaceId)
    await expect(bare.list()).rejects.toThrow(/openapi-fetch client/)
  })

  it('resources built from an openapi-fetch client send a form body as a form, and take withOptions()', async () => {
    const server = await startTestServer(
      json(200, { access_token: 't', token_type: 'Bearer', expires_in: 60 }),
    )
    try {
      const api = createClient<paths>({ baseUrl: server.url, headers: { authorization: 'Bearer parent' } })
      await new TokensResource(api, env.mock.workspaceId).exchangeApiKey({ apiKey: 'sk-exchanged' })
      const [exchange] = server.requests
      expect(exchange?.headers['content-type']).toBe('application/x-www-form-urlencoded')
      expect(exchange?.body).toBe('grant_type=api_key&api_key=sk-exchanged')
      expect(exchange?.headers.authorization).toBeUndefined()
      await new AgentsResource(api, env.mock.workspaceId).withOptions(undefined as never).list()
      expect(server.requests[1]?.headers.authorization).toBe('Bearer parent')
    } finally {
      await server.close()
    }
  })

  it('resources built from an openapi-fetch client keep echoed credentials out of errors and request ids', async () => {
    const parent = 'parent-jwt-from-middleware-0123'
    const exchanged = 'sk-exchanged/key+0123=='
    // Echoes back every credential it got: Authorization, and the form body (decoded and as sent).
    const server = await startTestServer((req, res) => {
      const auth = String(req.headers.authorization ?? '')
      res.writeHead(401, { 'content-type': 'application/json', 'x-request-id': `req ${auth}` })
      res.end(JSON.stringify({ detail: `refused ${auth} ${req.body} ${decodeURIComponent(req.body ?? '')}` }))
    })
    try {
      const api = createClient<paths>({ baseUrl: server.url })
      // The credential comes from the client's own middleware, as the single-package SDK set it.
      api.use({ onRequest: ({ request }) => void request.headers.set('authorization', `Bearer ${parent}`) })
      const errors = [
        await new AgentsResource(api, env.mock.workspaceId).list().catch((e: unknown) => e),
        await new TokensResource(api, env.mock.workspaceId)
          .exchangeApiKey({ apiKey: exchanged })
          .catch((e: unknown) => e),
      ]
      expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${parent}`)
      expect(server.requests[1]?.body).toContain(encodeURIComponent(exchanged))
      for (const error of errors) {
        const shown = `${JSON.stringify(error)} ${(error as Error).message} ${(error as { requestId?: string }).requestId}`
        expect(shown).toContain('[REDACTED]')
        for (const secret of [parent, exchanged, encodeURIComponent(exchanged)])
          expect(shown).not.toContain(secret)
      }
    } finally {
      await server.close()
    }
  })

  it('resources built from an openapi-fetch client do not follow a redirect unless asked to', async () => {
    const elsewhere = await startTestServer(
      json(200, { access_token: 't', token_type: 'Bearer', expires_in: 60 }),
    )
    const server = await startTestServer((_req, res) => {
      res.writeHead(307, { location: `${elsewhere.url}/steal` })
      res.end()
    })
    try {
      const api = createClient<paths>({ baseUrl: server.url })
      const tokens = new TokensResource(api, env.mock.workspaceId)
      const refused = await tokens.exchangeApiKey({ apiKey: 'sk-exchanged-0123' }).catch((e: unknown) => e)
      expect((refused as { status?: number }).status).toBe(307)
      expect(elsewhere.requests).toHaveLength(0)
      // Asked for, it follows, as the SDK's own transport does with `redirect: 'follow'`.
      await tokens.withOptions({ redirect: 'follow' }).exchangeApiKey({ apiKey: 'sk-exchanged-0123' })
      expect(elsewhere.requests).toHaveLength(1)
    } finally {
      await Promise.all([server.close(), elsewhere.close()])
    }
  })

  it('the lite entry refuses an openapi-fetch client, naming where the form is available', async () => {
    vi.resetModules()
    const lite = await import('../../src/lite')
    const api = createClient<paths>({ baseUrl: env.mock.url })
    expect(() => new lite.AgentsResource(api as never, env.mock.workspaceId)).toThrow(
      /needs a resource class imported from @amigo-ai\/platform-sdk/,
    )
  })

  it('an app loading both entries builds resources from an openapi-fetch client, whichever loads first', async () => {
    const api = createClient<paths>({
      baseUrl: env.mock.url,
      headers: { authorization: `Bearer ${env.mock.apiKey}` },
    })
    for (const order of [
      ['../../src/lite', '../../src/index'],
      ['../../src/index', '../../src/lite'],
    ]) {
      vi.resetModules()
      for (const entry of order) await import(entry)
      const lite = await import('../../src/lite')
      const page = await new lite.AgentsResource(api as never, env.mock.workspaceId).list({ limit: 1 })
      expect(Array.isArray(page.items), order.join(' then ')).toBe(true)
    }
  })
})
