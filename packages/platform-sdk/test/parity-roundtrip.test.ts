// Round trips through the parity resources where the mock keeps state (workspaces, API keys, webhook
// destinations, the deprecated skills alias, operators), plus the results that are not JSON: byte
// downloads, the raw turn stream and the session-connect URL.
import { startTestServer, type TestServer } from '@amigo-ai/test-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AmigoClient, isAmigoError, isConfigurationError } from '../src'
import { expectSent } from './helpers/expect-sent'
import { lastRequest, useMockPlatform } from './helpers/mock-client'

const env = useMockPlatform()

describe('workspaces (optional id defaults to the configured workspace)', () => {
  it('get() reads the configured workspace; get(id) addresses the given one', async () => {
    const { client, mock } = env
    const own = await client.workspaces.get()
    expect(own.id).toBe(mock.workspaceId)
    expect(lastRequest(env).path).toBe(`/v1/workspaces/${mock.workspaceId}`)
    expect(own.lastResponse.statusCode).toBe(200)
    // The mock's key is bound to its own workspace, so another id is refused by the server (403),
    // which shows the request addressed that workspace rather than the configured one.
    await expect(client.workspaces.get('00000000-0000-4000-8000-00000000dead')).rejects.toMatchObject({
      status: 403,
    })
    expect(lastRequest(env).path).toBe('/v1/workspaces/00000000-0000-4000-8000-00000000dead')
  })

  it('an explicit id is encoded into the path, and an empty one is refused before sending', async () => {
    const { client } = env
    const before = env.mock.requests.length
    await expect(client.workspaces.provision('')).rejects.toThrow(
      /"workspace_id" \(the id argument\) .* is empty/,
    )
    expect(env.mock.requests.length).toBe(before)
    await client.workspaces.checkEnvironment('production').catch(() => undefined)
    expect(lastRequest(env).query).toMatchObject({ target: 'production' })
  })

  it('lists every visible workspace with listAutoPaging', async () => {
    const ids: string[] = []
    for await (const w of env.client.workspaces.listAutoPaging()) ids.push(w.id)
    expect(ids).toContain(env.mock.workspaceId)
  })
})

describe('apiKeys', () => {
  it('creates a key, finds it in the list, and reports the caller with me()', async () => {
    const { client } = env
    const created = await client.apiKeys.create({ name: 'parity', duration_days: 30 })
    expectSent(env, 'POST', '/api-keys', { body: { name: 'parity', duration_days: 30 } })
    expect(created.api_key).toMatch(/^amg_test_/)
    const listed: string[] = []
    for await (const k of client.apiKeys.listAutoPaging()) listed.push(k.key_id)
    expect(listed).toContain(created.key_id)
    const me = await client.apiKeys.me()
    expect(lastRequest(env).path).toBe('/v1/auth/me')
    expect(me.workspace_id).toBe(env.mock.workspaceId)
  })
})

describe('webhookDestinations', () => {
  it('create → get → update → list → rotateSecret → deliveries → delete', async () => {
    const { client } = env
    const body = env.mock.store.make('CreateWebhookDestinationRequest', { name: 'parity hook' })
    const created = await client.webhookDestinations.create(
      body as Parameters<typeof client.webhookDestinations.create>[0],
    )
    expectSent(env, 'POST', '/webhook-destinations', { body: { name: 'parity hook' } })
    const got = await client.webhookDestinations.get(created.id)
    expect(got.name).toBe('parity hook')
    const updated = await client.webhookDestinations.update(created.id, { name: 'renamed hook' })
    expectSent(env, 'PUT', `/webhook-destinations/${created.id}`, { body: { name: 'renamed hook' } })
    expect(updated.name).toBe('renamed hook')
    const names: string[] = []
    for await (const d of client.webhookDestinations.listAutoPaging()) names.push(d.name)
    expect(names).toContain('renamed hook')
    const rotated = await client.webhookDestinations.rotateSecret(created.id)
    expectSent(env, 'POST', `/webhook-destinations/${created.id}/rotate-secret`)
    expect(typeof rotated).toBe('object')
    const deliveries = await client.webhookDestinations.listDeliveries(created.id, { limit: 5 })
    expect(Array.isArray(deliveries.items)).toBe(true)
    await expect(client.webhookDestinations.delete(created.id)).resolves.toBeUndefined()
    expectSent(env, 'DELETE', `/webhook-destinations/${created.id}`)
    await expect(client.webhookDestinations.get(created.id)).rejects.toMatchObject({ status: 404 })
  })
})

describe('skills (deprecated alias of actions)', () => {
  it('hits the same /skills endpoints as actions and sees the same records', async () => {
    const { client } = env
    const viaSkills = await client.skills.create({
      slug: 'parity-alias',
      name: 'Alias',
      description: 'made through skills',
      input_schema: { type: 'object', properties: {} },
    } as Parameters<typeof client.skills.create>[0])
    expectSent(env, 'POST', '/skills')
    const viaActions = await client.actions.get(viaSkills.id)
    expectSent(env, 'GET', `/skills/${viaSkills.id}`)
    expect(viaActions.slug).toBe('parity-alias')
    const refs = await client.actions.getReferences(viaSkills.id)
    expectSent(env, 'GET', `/skills/${viaSkills.id}/references`)
    expect(typeof refs).toBe('object')
    await client.skills.delete(viaSkills.id)
    await expect(client.actions.get(viaSkills.id)).rejects.toMatchObject({ status: 404 })
  })
})

describe('operators (non-README methods)', () => {
  it('create → get → update (PATCH), and listAutoPaging walks past the first page', async () => {
    const { client } = env
    const made = []
    for (let i = 0; i < 3; i++)
      made.push(
        await client.operators.create({
          name: `Parity Op ${i}`,
          email: `parity${i}@example.com`,
        } as Parameters<typeof client.operators.create>[0]),
      )
    const first = made[0] as (typeof made)[number]
    const got = await client.operators.get(first.id)
    expect(got.id).toBe(first.id)
    const patched = await client.operators.update(first.id, { name: 'Renamed Op' } as Parameters<
      typeof client.operators.update
    >[1])
    expectSent(env, 'PATCH', `/operators/${first.id}`, { body: { name: 'Renamed Op' } })
    expect(patched.name).toBe('Renamed Op')
    const start = env.mark()
    const ids: string[] = []
    for await (const op of client.operators.listAutoPaging({ limit: 1 })) ids.push(op.id)
    for (const m of made) expect(ids).toContain(m.id)
    expect(env.since(start).length).toBeGreaterThanOrEqual(3)
  })
})

describe('withOptions on parity resources and sub-resources', () => {
  it('carries headers through nested groups (fhir.views, channels.sesSetup, simulations.runs)', async () => {
    const { client } = env
    const scoped = client.withOptions({ headers: { 'x-parity': 'client' } })
    await scoped.fhir.views.patients({ limit: 1 })
    expect(lastRequest(env).headers['x-parity']).toBe('client')
    await client.channels.withOptions({ headers: { 'x-parity': 'channels' } }).sesSetup.list()
    expect(lastRequest(env).headers['x-parity']).toBe('channels')
    await client.simulations.runs.withOptions({ headers: { 'x-parity': 'runs' } }).list()
    expect(lastRequest(env).headers['x-parity']).toBe('runs')
  })
})

describe('conversations: raw turn stream and session-connect URL', () => {
  it('createTurnStream returns the text/event-stream body', async () => {
    const { client } = env
    const services = await client.services.list({ limit: 1 })
    const serviceId = services.items[0]?.id as string
    const conversation = await client.conversations.create({ service_id: serviceId } as Parameters<
      typeof client.conversations.create
    >[0])
    const stream = await client.conversations.createTurnStream(conversation.id, {
      message: 'hello',
    } as Parameters<typeof client.conversations.createTurnStream>[1])
    expect(lastRequest(env).headers.accept).toBe('text/event-stream')
    expect(stream).toBeInstanceOf(ReadableStream)
    expect(stream.lastResponse.headers.get('content-type')).toMatch(/text\/event-stream/)
    const text = await new Response(stream).text()
    expect(text).toMatch(/^event: /m)
    expect(text).toMatch(/event: done/)
  })

  it('sessionConnectUrl builds a ws(s) URL on the API origin without a token', () => {
    const client = new AmigoClient({
      apiKey: 'sk-secret',
      workspaceId: 'ws 1',
      baseUrl: 'https://api.example.com/',
    })
    expect(client.conversations.sessionConnectUrl({ serviceId: 's1', entityId: 'e1' })).toBe(
      'wss://api.example.com/v1/ws%201/sessions/connect?service_id=s1&entity_id=e1',
    )
    const local = env.client.conversations.sessionConnectUrl({
      serviceId: 's1',
      entityId: 'e1',
      conversationId: 'c1',
      toolEvents: false,
    })
    expect(local).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\//)
    expect(local).toContain('conversation_id=c1&tool_events=false')
    expect(local).not.toContain('sk-')
    let error: unknown
    try {
      client.conversations.sessionConnectUrl({ serviceId: 's1' } as never)
    } catch (e) {
      error = e
    }
    expect(isConfigurationError(error)).toBe(true)
    expect(String((error as Error).message)).toMatch(/entityId/)
  })

  it('sessionConnectUrl refuses a base with a path (a proxy prefix) rather than drop it, and takes a url', () => {
    const client = new AmigoClient({
      apiKey: 'sk-secret',
      workspaceId: 'ws-1',
      baseUrl: 'https://app.example.com/api/platform',
      fetch: globalThis.fetch,
    })
    expect(() => client.conversations.sessionConnectUrl({ serviceId: 's1', entityId: 'e1' })).toThrow(
      'baseUrl has a path, so the session-connect URL cannot be derived from it; pass url instead',
    )
    expect(
      client.conversations.sessionConnectUrl({
        serviceId: 's1',
        entityId: 'e1',
        url: 'wss://app.example.com/api/platform/v1/ws-1/sessions/connect',
      }),
    ).toBe('wss://app.example.com/api/platform/v1/ws-1/sessions/connect?service_id=s1&entity_id=e1')
  })
})

describe('downloads: bytes, or the JSON document the server sends instead', () => {
  let server: TestServer
  const payload = new Uint8Array([0, 1, 2, 250, 251, 252, 255, 10, 13, 0x7b])
  beforeAll(async () => {
    server = await startTestServer((req, res) => {
      if (req.path.endsWith('/missing/download')) {
        res.writeHead(404, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ detail: 'Upload not found' }))
        return
      }
      if (req.path.includes('/link-json/') || req.path.endsWith('/signed.wav')) {
        res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req-link' })
        res.end(JSON.stringify({ url: 'https://files.example/dl', content_type: 'audio/wav' }))
        return
      }
      if (req.path.includes('/bad-json/')) {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end('{"url": ')
        return
      }
      res.writeHead(200, {
        'content-type': req.path.includes('/recordings/') ? 'audio/wav' : 'application/octet-stream',
        'x-request-id': 'req-bytes',
      })
      res.end(Buffer.from(payload))
    })
  })
  afterAll(() => server.close())
  const clientFor = () =>
    new AmigoClient({ apiKey: 'sk-bytes', workspaceId: 'ws-b', baseUrl: server.url, maxRetries: 0 })

  it('intake.links.downloadUpload resolves to the exact bytes with response metadata', async () => {
    const bytes = await clientFor().intake.links.downloadUpload('link-1', 'up-1')
    expect(bytes).toBeInstanceOf(Uint8Array)
    expect([...(bytes as Uint8Array)]).toEqual([...payload])
    expect(bytes._request_id).toBe('req-bytes')
    expect(bytes.lastResponse.statusCode).toBe(200)
    const sent = server.requests.at(-1)
    expect(sent?.path).toBe('/v1/ws-b/intake/links/link-1/uploads/up-1/download')
    expect(sent?.headers.accept).toMatch(/^application\/octet-stream/)
  })

  it('recordings.download resolves to the file bytes, not parsed JSON', async () => {
    const bytes = await clientFor().recordings.download('CA123', 'call.wav')
    expect([...(bytes as Uint8Array)]).toEqual([...payload])
    expect(server.requests.at(-1)?.path).toBe('/v1/ws-b/recordings/CA123/download/call.wav')
  })

  it('a JSON answer (a signed link) is parsed instead, with metadata, for both downloads', async () => {
    const link = await clientFor().intake.links.downloadUpload('link-json', 'up-1')
    expect(link).toEqual({ url: 'https://files.example/dl', content_type: 'audio/wav' })
    expect(link._request_id).toBe('req-link')
    const rec = await clientFor().recordings.download('CA123', 'signed.wav')
    expect(rec).toMatchObject({ url: 'https://files.example/dl' })
    expect(rec.lastResponse.statusCode).toBe(200)
  })

  it('a body that claims JSON but is cut off is a ParseError, not bytes', async () => {
    const error = await clientFor()
      .intake.links.downloadUpload('bad-json', 'up-1')
      .catch((e: unknown) => e)
    expect(isAmigoError(error)).toBe(true)
    expect((error as Error).name).toBe('ParseError')
  })

  it('a failed download is a typed error, not bytes', async () => {
    const error = await clientFor()
      .intake.links.downloadUpload('link-1', 'missing')
      .catch((e: unknown) => e)
    expect(isAmigoError(error)).toBe(true)
    expect((error as { status?: number }).status).toBe(404)
  })

  it('against the mock, the download route is reached and answers', async () => {
    const [link, upload] = ['00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000b2']
    const result = await env.client.intake.links.downloadUpload(link, upload)
    expect(result.lastResponse.statusCode).toBe(200)
    expect(lastRequest(env).path).toBe(
      `/v1/${env.mock.workspaceId}/intake/links/${link}/uploads/${upload}/download`,
    )
  })
})
