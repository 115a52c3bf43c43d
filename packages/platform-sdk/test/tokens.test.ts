import {
  AmigoClient,
  EXTERNAL_USER_SESSION_CREATE_SCOPE,
  InvalidRequestError,
  isRefreshTokenExpiredError,
  isRefreshTokenReusedError,
  RefreshTokenReusedError,
} from '@amigo-ai/platform-sdk'
import { describe, expect, it } from 'vitest'
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
    expect(sent.body).toEqual({ api_key: mock.apiKey, scope: 'entities:read agents:read' })

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

  it('never sends the configured key, even when it differs from the exchanged one', async () => {
    const { mock } = env
    const other = env.makeClient({ apiKey: 'configured-key-that-must-not-travel' })
    await other.tokens.exchangeApiKey({ apiKey: mock.apiKey })
    const sent = lastRequest(env)
    expect(sent.headers.authorization).toBeUndefined()
    expect(JSON.stringify(sent)).not.toContain('configured-key-that-must-not-travel')
    expect(sent.body).toEqual({ api_key: mock.apiKey })
  })

  it('also drops an Authorization header set through withOptions', async () => {
    const { client, mock } = env
    await client.withOptions({ headers: { 'X-Trace': 't' } }).tokens.exchangeApiKey({ apiKey: mock.apiKey })
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

describe('external-user sessions', () => {
  it('runs the whole flow: credential, parent token, child session, conversation, refresh, reuse', async () => {
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
    expect(mint.headers.authorization).toBeUndefined()
    expect(mint.body).toMatchObject({
      grant_type: 'urn:amigo:params:oauth:grant-type:external-user-session',
      subject_token: parent.access_token,
      external_subject_key: 'customer-user-123',
      subject_type: 'user',
      service_id: service.id,
      ttl_seconds: '1800',
    })
    expect(session.refresh_token).toBeTruthy()

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
    expect(lastRequest(env).body).toMatchObject({
      grant_type: 'refresh_token',
      refresh_token: session.refresh_token,
    })

    // Spending the same refresh token twice is reuse: terminal, and not an expiry.
    const reuse = await admin.tokens
      .refresh({ refreshToken: session.refresh_token!, workspaceId: mock.workspaceId })
      .catch((e: unknown) => e)
    expect(reuse).toBeInstanceOf(RefreshTokenReusedError)
    expect(isRefreshTokenReusedError(reuse)).toBe(true)
    expect(isRefreshTokenExpiredError(reuse)).toBe(false)
    expect((reuse as RefreshTokenReusedError).status).toBe(400)
    expect(String((reuse as Error).message)).not.toContain(session.refresh_token!)
  })

  it('a wrong client secret is refused with a 401', async () => {
    await expect(
      env.client.tokens.exchangeClientCredentials({ clientId: 'nope', clientSecret: 'wrong' }),
    ).rejects.toMatchObject({ status: 401 })
  })

  it('validates required session fields before sending', async () => {
    await expect(
      env.client.tokens.createExternalUserSession({
        parentAccessToken: 'p',
        externalSubjectKey: '',
        subjectType: 'user',
        serviceId: 's',
      }),
    ).rejects.toThrow(/externalSubjectKey/)
  })
})
