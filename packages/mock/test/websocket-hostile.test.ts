import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { EXTERNAL_USER_SESSION_CREATE_SCOPE, type MockPlatform } from '../src/index'
import { call, startTestMock, ws } from './helpers'

let mock: MockPlatform
beforeAll(async () => {
  mock = await startTestMock({ turnTokenDelayMs: 0 })
})
afterAll(() => mock?.close())

const wsUrl = (path: string) => `${mock.url.replace('http', 'ws')}${path}`

/** The close code and reason of a socket opened with `protocols`. */
function closeOf(url: string, protocols: string[]): Promise<{ code: number; reason: string }> {
  const sock = new WebSocket(url, protocols)
  sock.on('error', () => undefined)
  return new Promise((resolve) =>
    sock.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  )
}

/** An external-user session token bound to `serviceId` for subject `subject`. */
async function externalUserToken(serviceId: string, subject: string): Promise<string> {
  const base = ws(mock)
  const integ = await call(mock, 'POST', `${base}/external-integrations`, {
    body: { name: `portal-${subject}` },
  })
  const cred = await call(mock, 'POST', `${base}/external-integrations/${integ.body.id}/credentials`, {
    body: { name: 'backend', service_ids: [serviceId] },
  })
  const form = (fields: Record<string, string>, bearer?: string) =>
    call(mock, 'POST', '/token', {
      form: fields,
      headers: { authorization: bearer ? `Bearer ${bearer}` : '' },
    })
  const parent = await form({
    grant_type: 'client_credentials',
    client_id: cred.body.credential.client_id,
    client_secret: cred.body.client_secret,
    scope: EXTERNAL_USER_SESSION_CREATE_SCOPE,
  })
  const session = await form(
    {
      grant_type: 'external_user_session',
      workspace_id: mock.workspaceId,
      external_subject_key: subject,
      subject_type: 'user',
      service_id: serviceId,
    },
    parent.body.access_token,
  )
  return session.body.access_token
}

describe('hostile WebSocket requests', () => {
  it('an observer path with a broken percent-escape closes 4004 and the mock keeps serving', async () => {
    const closed = await closeOf(wsUrl(`/v1/${mock.workspaceId}/observers/%E0%A4%A/ws`), [
      'auth',
      mock.apiKey,
    ])
    expect(closed.code).toBe(4004)
    expect((await call(mock, 'GET', `${ws(mock)}/agents`)).status).toBe(200)
  })

  it("an external user cannot continue another user's conversation over the text stream", async () => {
    const serviceId = mock.store.services.list()[1]!.id
    const alice = await externalUserToken(serviceId, 'alice')
    const bob = await externalUserToken(serviceId, 'bob')
    const conv = await call(mock, 'POST', `${ws(mock)}/conversations`, {
      headers: { authorization: `Bearer ${alice}` },
      body: { service_id: serviceId },
    })
    expect(conv.status).toBe(201)
    const turns = mock.store.conversations.get(conv.body.id)!.turn_count
    const query = `workspace_id=${mock.workspaceId}&service_id=${serviceId}&conversation_id=${conv.body.id}`
    const sock = new WebSocket(wsUrl(`/agent/text-stream?${query}`), ['auth', bob])
    const closed = new Promise<number>((resolve) => sock.on('close', (code) => resolve(code)))
    sock.on('open', () => sock.send(JSON.stringify({ type: 'message', text: 'what did alice say?' })))
    expect(await closed).toBe(4004)
    expect(mock.store.conversations.get(conv.body.id)!.turn_count).toBe(turns)
  })
})

describe('text-stream turns the platform refuses', () => {
  it('a message to a closed conversation gets an error frame and the mock keeps serving', async () => {
    const serviceId = mock.store.services.list()[1]!.id
    const conv = await call(mock, 'POST', `${ws(mock)}/conversations`, { body: { service_id: serviceId } })
    expect((await call(mock, 'DELETE', `${ws(mock)}/conversations/${conv.body.id}`)).status).toBeLessThan(300)
    const query = `workspace_id=${mock.workspaceId}&service_id=${serviceId}&conversation_id=${conv.body.id}`
    const sock = new WebSocket(wsUrl(`/agent/text-stream?${query}`), ['auth', mock.apiKey])
    const error = new Promise<Record<string, unknown>>((resolve) =>
      sock.on('message', (m) => {
        const frame = JSON.parse(String(m))
        if (frame.type === 'error') resolve(frame)
      }),
    )
    sock.on('open', () => sock.send(JSON.stringify({ type: 'message', text: 'hello?' })))
    expect(await error).toEqual({ type: 'error', code: 'client_error', message: 'Conversation is closed' })
    sock.close()
    expect((await call(mock, 'GET', `${ws(mock)}/agents`)).status).toBe(200)
  })
})

describe('text-stream frames nested too deep', () => {
  it('a frame nested past 1000 levels gets an error frame, no turn, and the socket keeps working', async () => {
    const serviceId = mock.store.services.list()[1]!.id
    const query = `workspace_id=${mock.workspaceId}&service_id=${serviceId}`
    const sock = new WebSocket(wsUrl(`/agent/text-stream?${query}`), ['auth', mock.apiKey])
    // Resolves with the next frame that ends an answer: an error frame, or the turn's done frame.
    let settle: (frame: Record<string, any>) => void = () => undefined
    sock.on('message', (m) => {
      const frame = JSON.parse(String(m))
      if (frame.type === 'error' || frame.type === 'done') settle(frame)
    })
    const answer = () => new Promise<Record<string, any>>((resolve) => (settle = resolve))
    await new Promise((resolve) => sock.on('open', resolve))
    // The frame's own object is one level: 1000 arrays inside it go one too deep, 999 do not.
    const arrays = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`
    const refused = answer()
    sock.send(`{"type":"message","text":"hello","extra":${arrays(1000)}}`)
    expect(await refused).toEqual({
      type: 'error',
      code: 'client_error',
      message: 'frames must be JSON: nested deeper than 1000 levels',
    })
    const turn = answer()
    sock.send(`{"type":"message","text":"hello","extra":${arrays(999)}}`)
    expect(await turn).toMatchObject({ type: 'done', turn_count: 1 })
    sock.close()
  })
})

describe('frames the WebSocket protocol forbids', () => {
  it('a text frame of invalid UTF-8 closes that socket 1007 and the mock keeps serving', async () => {
    // A live call, whose observer stays open (an ended call's closes with 1000 at once).
    const sid = mock.simulateCall({ durationMs: 60_000 })
    const sock = new WebSocket(wsUrl(`/v1/${mock.workspaceId}/observers/${sid}/ws`), ['auth', mock.apiKey])
    sock.on('error', () => undefined)
    const closed = new Promise<number>((resolve) => sock.on('close', (code) => resolve(code)))
    sock.on('open', () => sock.send(Buffer.from([0xff, 0xfe, 0xfd]), { binary: false }))
    expect(await closed).toBe(1007)
    expect((await call(mock, 'GET', `${ws(mock)}/agents`)).status).toBe(200)
  })
})

describe('clients that vanish during the handshake', () => {
  it('an upgrade to an unknown path reset by its client right away leaves the mock serving', async () => {
    const sock = connect(mock.port, '127.0.0.1')
    sock.on('error', () => undefined)
    await new Promise((resolve) => sock.once('connect', resolve))
    const key = Buffer.from('0123456789abcdef').toString('base64')
    sock.write(
      `GET /no/such/socket HTTP/1.1\r\nhost: 127.0.0.1\r\nupgrade: websocket\r\nconnection: Upgrade\r\nsec-websocket-key: ${key}\r\nsec-websocket-version: 13\r\n\r\n`,
    )
    // A reset (not a FIN): the mock's 404 answer then meets ECONNRESET.
    sock.resetAndDestroy()
    await new Promise((resolve) => sock.once('close', resolve))
    expect((await call(mock, 'GET', `${ws(mock)}/agents`)).status).toBe(200)
  })
})
