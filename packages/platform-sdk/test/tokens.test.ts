import {
  AmigoClient,
  EXTERNAL_USER_SESSION_CREATE_SCOPE,
  InvalidRequestError,
  isRefreshTokenExpiredError,
  isRefreshTokenReusedError,
  isTokenRefreshError,
  RefreshTokenReusedError,
} from '@amigo-ai/platform-sdk'
import { sendJson, startTestServer, type TestServer } from '@amigo-ai/test-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lastRequest, useMockPlatform } from './helpers/mock-client'

const env = useMockPlatform()

describe('tokens.exchangeApiKey', () => {
  it('posts a form to /token with no Authorization header and returns the token payload', async () => {
    const { client, mock } = env
    const token = await client.tokens.exchangeApiKey({
      apiKey: mock.apiKey,
      scope: 'entities:read agents:read',
    })
    expect(token.token_type).toBe('Bearer')
    expect(token.scope).toBe('entities:read agents:read')
    expect(token.expires_in).toBeGreaterThan(0)
    expect(token.lastResponse.statusCode).toBe(200)

    const sent = lastRequest(env)
    expect(sent.method).toBe('POST')
    expect(sent.path).toBe('/token')
    expect(sent.headers.authorization).toBeUndefined()
    expect(String(sent.headers['content-type'])).toContain('application/x-www-form-urlencoded')
    expect(sent.body).toEqual({
      grant_type: 'api_key',
      api_key: mock.apiKey,
      scope: 'entities:read agents:read',
    })

    // The issued JWT works as a Bearer key on a second client.
    const scoped = new AmigoClient({
      apiKey: token.access_token,
      workspaceId: mock.workspaceId,
      baseUrl: mock.url,
    })
    const { items } = await scoped.agents.list({ limit: 5 })
    expect(items.length).toBeGreaterThan(0)
    expect(lastRequest(env).headers.authorization).toBe(`Bearer ${token.access_token}`)
  })

  it('hooks see the token request without its form body, which holds the key being exchanged', async () => {
    const { mock } = env
    const seen: string[] = []
    const hooked = env.makeClient({
      hooks: {
        onRequest: async ({ request }) => {
          seen.push(`${request.method} ${request.url} ${await request.text()}`)
        },
      },
    })
    await hooked.tokens.exchangeApiKey({ apiKey: mock.apiKey })
    expect(seen).toHaveLength(1)
    expect(seen[0]).toMatch(/^POST .*\/token $/)
    expect(seen[0]).not.toContain(mock.apiKey)
    expect(lastRequest(env).body).toMatchObject({ api_key: mock.apiKey })
  })

  it("a call's options cannot turn that off, nor send an unset field as the text null", async () => {
    const { mock } = env
    const seen: string[] = []
    const hooked = env.makeClient({
      hooks: { onRequest: async ({ request }) => void seen.push(await request.text()) },
    })
    // JavaScript callers can pass anything as options; the method's own switches win.
    const sneaky = { sensitiveBody: false, secret: undefined, bodySerializer: JSON.stringify } as never
    await hooked.tokens.exchangeApiKey({ apiKey: mock.apiKey, scope: null as never }, sneaky)
    expect(seen).toEqual([''])
    expect(lastRequest(env).headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(lastRequest(env).body).toEqual({ grant_type: 'api_key', api_key: mock.apiKey })
  })

  it('never sends the configured key, even when it differs from the exchanged one', async () => {
    const { mock } = env
    const other = env.makeClient({ apiKey: 'configured-key-that-must-not-travel' })
    await other.tokens.exchangeApiKey({ apiKey: mock.apiKey })
    const sent = lastRequest(env)
    expect(sent.headers.authorization).toBeUndefined()
    expect(JSON.stringify(sent)).not.toContain('configured-key-that-must-not-travel')
    expect(sent.body).toEqual({ grant_type: 'api_key', api_key: mock.apiKey })
  })

  it('drops even an Authorization header set in config or options, keeping other scoped headers', async () => {
    const { mock } = env
    const client = env.makeClient({ headers: { Authorization: 'Bearer configured-header' } })
    await client
      .withOptions({ headers: { 'X-Trace': 't' } })
      .tokens.exchangeApiKey({ apiKey: mock.apiKey }, { headers: { Authorization: 'Bearer per-call' } })
    const sent = lastRequest(env)
    expect(sent.headers.authorization).toBeUndefined()
    expect(sent.headers['x-trace']).toBe('t')
  })

  it('rejects a missing key before sending anything', async () => {
    const before = env.mock.requests.length
    await expect(env.client.tokens.exchangeApiKey({ apiKey: '' })).rejects.toBeInstanceOf(InvalidRequestError)
    await expect(env.client.tokens.exchangeApiKey(undefined as never)).rejects.toThrow(/apiKey/)
    expect(env.mock.requests.length).toBe(before)
  })

  it('maps an unknown key to a typed 401 error', async () => {
    await expect(env.client.tokens.exchangeApiKey({ apiKey: 'amg_not_a_key' })).rejects.toMatchObject({
      status: 401,
      name: 'AuthenticationError',
    })
  })
})

describe('external-user sessions against the mock', () => {
  it('credential, parent token, child session, conversation, refresh, reuse', async () => {
    const { client: admin, mock } = env
    const service = (await admin.services.list()).items[0]!
    const integration = await admin.externalIntegrations.create({
      name: 'customer-portal',
      display_name: 'Customer Portal',
      description: 'Backend that mints sessions',
    })
    const { client_secret, credential } = await admin.externalIntegrations.createCredential(integration.id, {
      name: 'production backend',
      service_ids: [service.id],
    })
    expect(client_secret.length).toBeGreaterThan(8)

    const parent = await admin.tokens.exchangeClientCredentials({
      clientId: credential.client_id,
      clientSecret: client_secret,
      scope: EXTERNAL_USER_SESSION_CREATE_SCOPE,
    })
    expect(lastRequest(env).body).toEqual({
      grant_type: 'client_credentials',
      client_id: credential.client_id,
      client_secret,
      scope: EXTERNAL_USER_SESSION_CREATE_SCOPE,
    })
    expect(lastRequest(env).headers.authorization).toBeUndefined()
    expect(parent.scope).toBe(EXTERNAL_USER_SESSION_CREATE_SCOPE)

    const session = await admin.tokens.createExternalUserSession({
      parentAccessToken: parent.access_token,
      externalSubjectKey: 'customer-user-123',
      subjectType: 'user',
      serviceId: service.id,
      ttlSeconds: 1800,
    })
    const mint = lastRequest(env)
    expect(mint.headers.authorization).toBe(`Bearer ${parent.access_token}`)
    expect(mint.body).toEqual({
      grant_type: 'external_user_session',
      workspace_id: mock.workspaceId,
      external_subject_key: 'customer-user-123',
      subject_type: 'user',
      service_id: service.id,
      ttl_seconds: '1800',
    })
    expect(session.refresh_token).toBeTruthy()
    expect(session.expires_in).toBe(1800)
    expect(session).toMatchObject({ subject_type: 'user', consumer_entity_id: null })
    expect(session.consumer_subject_id).toEqual(expect.any(String))
    expect(session.session_id).toEqual(expect.any(String))

    const externalUser = new AmigoClient({
      apiKey: session.access_token,
      workspaceId: mock.workspaceId,
      baseUrl: mock.url,
    })
    const conversation = await externalUser.conversations.create({ service_id: service.id })
    const turn = await externalUser.conversations.createTurn(conversation.id, {
      message: 'Hello, I need help',
    })
    expect(turn.output.length).toBeGreaterThan(0)

    const refreshed = await admin.tokens.refresh({
      refreshToken: session.refresh_token!,
      workspaceId: mock.workspaceId,
    })
    expect(refreshed.access_token).not.toBe(session.access_token)
    const reuse = await admin.tokens
      .refresh({ refreshToken: session.refresh_token!, workspaceId: mock.workspaceId })
      .catch((e: unknown) => e)
    expect(reuse).toBeInstanceOf(RefreshTokenReusedError)
  })

  it('a wrong client secret is refused with a 401', async () => {
    await expect(
      env.client.tokens.exchangeClientCredentials({ clientId: 'nope', clientSecret: 'wrong' }),
    ).rejects.toMatchObject({ status: 401 })
  })
})

describe('token wire format (loopback server)', () => {
  let server: TestServer
  let reply: { status: number; body: unknown } = { status: 200, body: {} }
  beforeAll(async () => {
    server = await startTestServer((_req, res) => sendJson(res, reply.status, reply.body))
  })
  afterAll(() => server.close())
  const client = (apiKey = 'configured-parent-jwt') =>
    new AmigoClient({ apiKey, workspaceId: 'ws-1', baseUrl: server.url, maxRetries: 0 })
  const lastForm = () => {
    const req = server.requests.at(-1)!
    return { req, form: new URLSearchParams(req.body) }
  }

  it('mints an external-user session with the parent token as Bearer and the workspace in the form', async () => {
    reply = {
      status: 200,
      body: {
        access_token: 'child',
        token_type: 'Bearer',
        expires_in: 1800,
        scope: 'conversations:create',
        refresh_token: 'rt_1',
        consumer_subject_id: 'sub-1',
      },
    }
    const session = await client().tokens.createExternalUserSession({
      parentAccessToken: 'parent-jwt',
      externalSubjectKey: 'customer-user-123',
      subjectType: 'user',
      serviceId: 'svc-1',
      consumerEntityId: 'ent-1',
      ttlSeconds: 1800,
      scope: 'conversations:create',
    })
    const { req, form } = lastForm()
    expect(`${req.method} ${req.path}`).toBe('POST /token')
    expect(req.headers.authorization).toBe('Bearer parent-jwt')
    expect(String(req.headers['content-type'])).toContain('application/x-www-form-urlencoded')
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'external_user_session',
      workspace_id: 'ws-1',
      external_subject_key: 'customer-user-123',
      subject_type: 'user',
      service_id: 'svc-1',
      consumer_entity_id: 'ent-1',
      ttl_seconds: '1800',
      scope: 'conversations:create',
    })
    expect(session.consumer_subject_id).toBe('sub-1')
    expect(session.refresh_token).toBe('rt_1')
  })

  it('uses the configured key as the parent token when none is given', async () => {
    await client('configured-parent-jwt').tokens.createExternalUserSession({
      externalSubjectKey: 'anonymous-browser',
      subjectType: 'anonymous',
      serviceId: 'svc-1',
    })
    expect(lastForm().req.headers.authorization).toBe('Bearer configured-parent-jwt')
    expect(lastForm().form.has('consumer_entity_id')).toBe(false)
  })

  it('refresh posts the refresh grant without any Authorization', async () => {
    reply = { status: 200, body: { access_token: 'a2', token_type: 'Bearer', expires_in: 900, scope: 's' } }
    await client().tokens.refresh({
      refreshToken: 'rt_old',
      workspaceId: 'ws-1',
      scope: 'conversations:create',
    })
    const { req, form } = lastForm()
    expect(req.headers.authorization).toBeUndefined()
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'rt_old',
      workspace_id: 'ws-1',
      scope: 'conversations:create',
    })
  })

  it('sorts refresh failures: reuse and expiry are terminal and distinct, others keep their class', async () => {
    const refresh = () =>
      client()
        .tokens.refresh({ refreshToken: 'rt_secret_value' })
        .catch((e: unknown) => e)
    reply = {
      status: 400,
      body: { error: 'invalid_grant', error_description: 'refresh token reuse detected' },
    }
    const reused = await refresh()
    expect(isRefreshTokenReusedError(reused)).toBe(true)
    // A reused token is also a RefreshTokenExpiredError, the class official code catches for "sign in again".
    expect(isRefreshTokenExpiredError(reused)).toBe(true)
    expect((reused as Error).message).not.toContain('rt_secret_value')

    reply = { status: 400, body: { error: 'refresh_token_reused' } }
    expect(isRefreshTokenReusedError(await refresh())).toBe(true)

    reply = { status: 400, body: { error: 'invalid_grant', error_description: 'refresh token expired' } }
    const expired = await refresh()
    expect(isRefreshTokenExpiredError(expired)).toBe(true)
    expect(isRefreshTokenReusedError(expired)).toBe(false)

    reply = { status: 400, body: { error: 'invalid_grant', error_description: 'unknown refresh token' } }
    expect(isTokenRefreshError(await refresh())).toBe(true)

    reply = { status: 503, body: { detail: 'down' } }
    const outage = await refresh()
    expect(isTokenRefreshError(outage)).toBe(false)
    expect(outage).toMatchObject({ status: 503 })
  })

  it('a credential the token endpoint echoes back is in no error, message or request id', async () => {
    const exchanges: [string, (c: AmigoClient) => Promise<unknown>][] = [
      ['sk-exchanged-KEY-11111111', (c) => c.tokens.exchangeApiKey({ apiKey: 'sk-exchanged-KEY-11111111' })],
      [
        'cs-CLIENT-SECRET-22222222',
        (c) =>
          c.tokens.exchangeClientCredentials({ clientId: 'ci', clientSecret: 'cs-CLIENT-SECRET-22222222' }),
      ],
      ['rt-REFRESH-TOKEN-33333333', (c) => c.tokens.refresh({ refreshToken: 'rt-REFRESH-TOKEN-33333333' })],
      [
        'parent-JWT-44444444',
        (c) =>
          c.tokens.createExternalUserSession({
            parentAccessToken: 'parent-JWT-44444444',
            externalSubjectKey: 'user-1',
            subjectType: 'user',
            serviceId: 'svc-1',
          }),
      ],
    ]
    for (const [secret, call] of exchanges) {
      // A server that quotes what it received: the credential in its detail, body and request id.
      reply = { status: 400, body: { detail: `credential ${secret} rejected`, request_id: `req-${secret}` } }
      const error = await call(client()).catch((e: unknown) => e)
      expect(JSON.stringify(server.requests.at(-1))).toContain(secret)
      const shown = JSON.stringify(error) + String((error as Error).message)
      expect(shown).not.toContain(secret)
      expect(shown).toContain('[REDACTED]')
    }
  })

  it('a credential quoted back as the form carried it (percent-encoded) is in no error either', async () => {
    const exchanges: [string, (c: AmigoClient) => Promise<unknown>][] = [
      ['sk/exchanged+KEY=1111', (c) => c.tokens.exchangeApiKey({ apiKey: 'sk/exchanged+KEY=1111' })],
      ['rt/REFRESH+TOKEN=3333', (c) => c.tokens.refresh({ refreshToken: 'rt/REFRESH+TOKEN=3333' })],
    ]
    for (const [secret, call] of exchanges) {
      const encoded = encodeURIComponent(secret)
      reply = { status: 400, body: { detail: `could not read the form field ${encoded}` } }
      const error = await call(client()).catch((e: unknown) => e)
      expect(String(server.requests.at(-1)?.body)).toContain(encoded)
      const shown = JSON.stringify(error) + String((error as Error).message)
      expect(shown).not.toContain(encoded)
      expect(shown).toContain('[REDACTED]')
    }
    // A token with a lone surrogate (which encodeURIComponent refuses) still fails as the server said.
    reply = { status: 400, body: { detail: 'bad token' } }
    const odd = await client()
      .tokens.refresh({ refreshToken: 'rt-\ud800-TOKEN-5555' })
      .catch((e: unknown) => e)
    expect(odd).toMatchObject({ status: 400, message: 'bad token' })
  })

  it('validates required session fields before sending', async () => {
    const before = server.requests.length
    await expect(
      client().tokens.createExternalUserSession({
        externalSubjectKey: '',
        subjectType: 'user',
        serviceId: 's',
      }),
    ).rejects.toThrow(/externalSubjectKey/)
    expect(server.requests.length).toBe(before)
  })

  it('a missing params object is an InvalidRequestError naming the first required field, nothing sent', async () => {
    const before = server.requests.length
    for (const params of [undefined, null]) {
      const error = await client()
        .tokens.createExternalUserSession(params as never)
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(InvalidRequestError)
      expect((error as Error).message).toMatch(/externalSubjectKey/)
    }
    expect(server.requests.length).toBe(before)
  })
})
