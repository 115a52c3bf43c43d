import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXTERNAL_USER_SESSION_CREATE_SCOPE, type MockPlatform } from '../src/index'
import { call, startTestMock, ws } from './helpers'

let mock: MockPlatform
beforeAll(async () => {
  mock = await startTestMock({ deviceCodeIntervalSeconds: 1 })
})
afterAll(() => mock?.close())

const noAuth = { authorization: '' }
const token = (form: Record<string, string>, headers: Record<string, string> = noAuth) =>
  call(mock, 'POST', '/token', { headers, form })

describe('POST /token', () => {
  it('exchanges an API key for a narrower JWT that works as a Bearer token', async () => {
    const res = await token({ api_key: mock.apiKey, scope: 'entities:read agents:read' })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ token_type: 'Bearer', scope: 'entities:read agents:read' })
    expect(res.body.expires_in).toBeGreaterThan(0)
    const jwt = { authorization: `Bearer ${res.body.access_token}` }
    expect((await call(mock, 'GET', `${ws(mock)}/agents?limit=5`, { headers: jwt })).status).toBe(200)
    expect((await call(mock, 'GET', `${ws(mock)}/world/entities`, { headers: jwt })).status).toBe(200)
    const denied = await call(mock, 'GET', `${ws(mock)}/calls`, { headers: jwt })
    expect(denied.status).toBe(403)
    expect(denied.body.detail).toMatch(/calls:read/)
    expect(
      (await call(mock, 'POST', `${ws(mock)}/agents`, { headers: jwt, body: { name: 'x' } })).status,
    ).toBe(403)
  })

  it('rejects a bad key and an unknown grant with OAuth errors, never echoing secrets', async () => {
    const bad = await token({ api_key: 'amg_test_wrong' })
    expect(bad.status).toBe(401)
    expect(bad.body.error).toBe('invalid_client')
    expect(JSON.stringify(bad.body)).not.toContain('amg_test_wrong')
    expect((await token({ grant_type: 'password' })).body.error).toBe('unsupported_grant_type')
    const missing = await token({ grant_type: 'client_credentials', client_id: 'x' })
    expect(missing.body).toEqual({
      error: 'invalid_request',
      error_description: 'missing form field: client_secret',
    })
  })

  it('answers a body it cannot read with invalid_request, as its contract documents (no 422)', async () => {
    const secret = 'amg_secret_not_to_echo_1234'
    const bodies: [string | undefined, string | undefined, RegExp][] = [
      ['application/json', `grant_type=api_key&api_key=${secret}`, /body could not be read/],
      ['application/json', `${'['.repeat(1001)}${']'.repeat(1001)}`, /body could not be read/],
      ['application/x-www-form-urlencoded', undefined, /no body/],
      [undefined, undefined, /no body/],
    ]
    for (const [type, body, description] of bodies) {
      const headers: Record<string, string> = type ? { 'content-type': type } : {}
      const res = await fetch(`${mock.url}/token`, { method: 'POST', headers, body })
      const text = await res.text()
      expect(res.status, text).toBe(400)
      expect(res.headers.get('cache-control')).toBe('no-store')
      const answer = JSON.parse(text)
      expect(answer.error).toBe('invalid_request')
      expect(answer.error_description).toMatch(description)
      expect(text).not.toContain(secret)
    }
  })

  it('answers /device/code errors as OAuth invalid_request too, naming a bad field', async () => {
    const notJson = await fetch(`${mock.url}/device/code`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'scope=all',
    })
    expect(notJson.status).toBe(400)
    expect(await notJson.json()).toMatchObject({ error: 'invalid_request' })
    const long = await call(mock, 'POST', '/device/code', {
      headers: noAuth,
      form: { client_description: 'x'.repeat(300) },
    })
    expect(long.status).toBe(400)
    expect(long.body.error).toBe('invalid_request')
    expect(long.body.error_description).toMatch(/client_description/)
  })

  it('runs the external-user flow: client credentials -> session -> own conversation only', async () => {
    const base = ws(mock)
    const serviceId = mock.store.services.list()[1]!.id
    const integ = await call(mock, 'POST', `${base}/external-integrations`, { body: { name: 'portal' } })
    const cred = await call(mock, 'POST', `${base}/external-integrations/${integ.body.id}/credentials`, {
      body: { name: 'backend', service_ids: [serviceId] },
    })
    const parent = await token({
      grant_type: 'client_credentials',
      client_id: cred.body.credential.client_id,
      client_secret: cred.body.client_secret,
      scope: EXTERNAL_USER_SESSION_CREATE_SCOPE,
    })
    expect(parent.body.scope).toBe('external_user_sessions:create')
    const session = await token(
      {
        grant_type: 'external_user_session',
        workspace_id: mock.workspaceId,
        external_subject_key: 'customer-user-123',
        subject_type: 'user',
        service_id: serviceId,
        ttl_seconds: '1800',
      },
      { authorization: `Bearer ${parent.body.access_token}` },
    )
    expect(session.status).toBe(200)
    expect(session.body.expires_in).toBe(1800)
    expect(session.body.refresh_token).toBeTruthy()
    expect(session.body).toMatchObject({ subject_type: 'user', consumer_entity_id: null })
    expect(session.body.consumer_subject_id).toMatch(/^csub_/)
    // The same subject maps to the same consumer subject (the parent's scheme read in any case);
    // without the parent Bearer the grant is refused.
    const again = await token(
      {
        grant_type: 'external_user_session',
        workspace_id: mock.workspaceId,
        external_subject_key: 'customer-user-123',
        subject_type: 'user',
        service_id: serviceId,
      },
      { authorization: `bEARER ${parent.body.access_token}` },
    )
    expect(again.body.consumer_subject_id).toBe(session.body.consumer_subject_id)
    expect(again.body.expires_in).toBeLessThanOrEqual(3600)
    const noParent = await token({
      grant_type: 'external_user_session',
      workspace_id: mock.workspaceId,
      external_subject_key: 'customer-user-123',
      subject_type: 'user',
      service_id: serviceId,
    })
    expect(noParent.status).toBe(401)
    const badTtl = await token(
      {
        grant_type: 'external_user_session',
        workspace_id: mock.workspaceId,
        external_subject_key: 'k',
        subject_type: 'user',
        service_id: serviceId,
        ttl_seconds: '60',
      },
      { authorization: `Bearer ${parent.body.access_token}` },
    )
    expect(badTtl.body).toMatchObject({ error: 'invalid_request' })
    expect(badTtl.body.error_description).toContain('900')
    const otherWorkspace = await token(
      {
        grant_type: 'external_user_session',
        workspace_id: '00000000-0000-4000-8000-00000000dead',
        external_subject_key: 'k',
        subject_type: 'user',
        service_id: serviceId,
      },
      { authorization: `Bearer ${parent.body.access_token}` },
    )
    expect(otherWorkspace.status).toBe(403)
    const user = { authorization: `Bearer ${session.body.access_token}` }
    const conv = await call(mock, 'POST', `${base}/conversations`, {
      headers: user,
      body: { service_id: serviceId },
    })
    expect(conv.status).toBe(201)
    const turn = await call(mock, 'POST', `${base}/conversations/${conv.body.id}/turns`, {
      headers: user,
      body: { message: 'Hello' },
    })
    expect(turn.status).toBe(200)
    expect((await call(mock, 'GET', `${base}/conversations`, { headers: user })).status).toBe(403)
    const tools = await call(
      mock,
      'POST',
      `${base}/conversations/${conv.body.id}/turns?include_tool_calls=true`,
      { headers: user, body: { message: 'x' } },
    )
    expect(tools.status).toBe(403)
    const other = mock.store.services.list()[0]!.id
    expect(
      (await call(mock, 'POST', `${base}/conversations`, { headers: user, body: { service_id: other } }))
        .status,
    ).toBe(403)
    const foreign = mock.store.conversations.list()[0]!.id
    expect((await call(mock, 'GET', `${base}/conversations/${foreign}`, { headers: user })).status).toBe(404)
    // The parent may not be used for anything but minting sessions.
    expect(
      (
        await call(mock, 'GET', `${base}/agents`, {
          headers: { authorization: `Bearer ${parent.body.access_token}` },
        })
      ).status,
    ).toBe(403)
    // A service outside the credential is refused.
    const wrong = await token(
      {
        grant_type: 'external_user_session',
        workspace_id: mock.workspaceId,
        external_subject_key: 'u',
        subject_type: 'user',
        service_id: other,
      },
      { authorization: `Bearer ${parent.body.access_token}` },
    )
    expect(wrong.status).toBe(403)
  })

  it('rotates refresh tokens and detects reuse', async () => {
    mock.approveDeviceCode((await startDevice()).user_code)
    const first = await pollOnce(lastDevice!)
    expect(first.status).toBe(200)
    const r1 = first.body.refresh_token
    const second = await token({ grant_type: 'refresh_token', refresh_token: r1 })
    expect(second.status).toBe(200)
    expect(second.body.refresh_token).not.toBe(r1)
    const reuse = await token({ grant_type: 'refresh_token', refresh_token: r1 })
    expect(reuse.body).toEqual({ error: 'invalid_grant', error_description: 'refresh token reuse detected' })
    // Reuse burns the whole family, including the newest token.
    const after = await token({ grant_type: 'refresh_token', refresh_token: second.body.refresh_token })
    expect(after.body.error).toBe('invalid_grant')
  })

  it('answers 401 token_expired for an expired access token', async () => {
    const res = await token({ api_key: mock.apiKey })
    mock.expireToken(res.body.access_token)
    const r = await call(mock, 'GET', `${ws(mock)}/agents`, {
      headers: { authorization: `Bearer ${res.body.access_token}` },
    })
    expect(r.status).toBe(401)
    expect(r.body.error_code).toBe('token_expired')
  })
})

let lastDevice: string | undefined
async function startDevice() {
  const res = await call(mock, 'POST', '/device/code', {
    headers: noAuth,
    form: { client_description: 'test cli' },
  })
  expect(res.status).toBe(200)
  lastDevice = res.body.device_code
  return res.body as {
    device_code: string
    user_code: string
    interval: number
    verification_uri_complete: string
  }
}
const pollOnce = (deviceCode: string, extra: Record<string, string> = {}) =>
  token({ grant_type: 'device_code', device_code: deviceCode, ...extra })

describe('device code', () => {
  it('issues a code and polls pending, slow_down, then a token after approval', async () => {
    const d = await startDevice()
    expect(d.user_code).toMatch(/^[A-Z]{4}-[A-Z]{4}$/)
    expect(d.verification_uri_complete).toContain(d.user_code)
    expect(d.interval).toBe(1)
    expect((await pollOnce(d.device_code)).body.error).toBe('authorization_pending')
    expect((await pollOnce(d.device_code)).body.error).toBe('slow_down')
    mock.approveDeviceCode(d.user_code)
    // slow_down raised the interval to 6 s; the next poll inside it is slowed down again.
    expect((await pollOnce(d.device_code)).body.error).toBe('slow_down')
  })

  it('answers a token once approved (polling at the interval)', async () => {
    const d = await startDevice()
    mock.approveDeviceCode(d.user_code)
    const res = await pollOnce(d.device_code)
    expect(res.status).toBe(200)
    expect(res.body.workspace_id).toBe(mock.workspaceId)
    const profile = await call(mock, 'GET', '/self/profile', {
      headers: { authorization: `Bearer ${res.body.access_token}` },
    })
    expect(profile.body.workspaces).toEqual([
      { workspace_id: mock.workspaceId, name: 'Acme Health', role: 'owner' },
    ])
    expect((await pollOnce(d.device_code)).body.error).toBe('invalid_grant')
  })

  it('asks for a workspace (HTTP 300) when the user has several, then exchanges with the choice', async () => {
    const d = await startDevice()
    const [a, b] = mock.store.workspaces.list().map((w) => w.id)
    mock.approveDeviceCode(d.user_code, { workspaces: [a!, b!] })
    const res = await pollOnce(d.device_code)
    expect(res.status).toBe(300)
    expect(res.body.error).toBe('workspace_selection_required')
    expect(res.body.workspaces.map((w: { workspace_id: string }) => w.workspace_id)).toEqual([a, b])
    const chosen = await token({
      grant_type: 'refresh_token',
      refresh_token: res.body.refresh_token,
      workspace_id: b!,
    })
    expect(chosen.status).toBe(200)
    expect(chosen.body.workspace_id).toBe(b)
    const jwt = { authorization: `Bearer ${chosen.body.access_token}` }
    expect((await call(mock, 'GET', `/v1/${b}/agents`, { headers: jwt })).status).toBe(200)
    expect((await call(mock, 'GET', `/v1/${a}/agents`, { headers: jwt })).status).toBe(403)
  })

  it('answers access_denied and expired_token', async () => {
    const denied = await startDevice()
    mock.denyDeviceCode(denied.user_code)
    expect((await pollOnce(denied.device_code)).body.error).toBe('access_denied')
    const expired = await startDevice()
    mock.expireDeviceCode(expired.user_code)
    expect((await pollOnce(expired.device_code)).body.error).toBe('expired_token')
  })
})

describe('device codes that are expired or used', () => {
  it('cannot be approved again, from the page or the control, so they never yield another token', async () => {
    const approve = (userCode: string) =>
      fetch(`${mock.url}/device/approve`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ user_code: userCode, decision: 'approve' }),
      })
    const expired = await startDevice()
    mock.expireDeviceCode(expired.user_code)
    expect((await approve(expired.user_code)).status).toBe(404)
    expect(() => mock.approveDeviceCode(expired.user_code)).toThrow(/expired/)
    expect((await pollOnce(expired.device_code)).body.error).toBe('expired_token')
    const used = await startDevice()
    mock.approveDeviceCode(used.user_code)
    expect((await pollOnce(used.device_code)).status).toBe(200)
    expect((await approve(used.user_code)).status).toBe(404)
    expect(() => mock.denyDeviceCode(used.user_code)).toThrow(/used/)
    expect((await pollOnce(used.device_code)).body.error).toBe('invalid_grant')
  })
})

describe('device verification page', () => {
  it('shows the code and approves it from the form', async () => {
    const d = await startDevice()
    const pageRes = await fetch(d.verification_uri_complete)
    expect(pageRes.headers.get('content-type')).toMatch(/text\/html/)
    expect(await pageRes.text()).toContain(d.user_code)
    const approve = await fetch(`${mock.url}/device/approve`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ user_code: d.user_code, decision: 'approve' }),
    })
    expect(await approve.text()).toContain('Approved')
    expect((await pollOnce(d.device_code)).status).toBe(200)
  })

  it('answers a malformed form 400 saying what is wrong, and an unknown code 404, leaving the code pending', async () => {
    const d = await startDevice()
    const post = async (headers: Record<string, string>, body?: string) => {
      const res = await fetch(`${mock.url}/device/approve`, { method: 'POST', headers, body })
      expect(res.headers.get('content-type')).toMatch(/text\/html/)
      return { status: res.status, text: await res.text() }
    }
    const form = { 'content-type': 'application/x-www-form-urlencoded' }
    const cases: [Record<string, string>, string | undefined, RegExp][] = [
      [form, undefined, /Missing form field: user_code/],
      [form, `decision=approve`, /Missing form field: user_code/],
      [form, `user_code=${d.user_code}`, /decision must be approve or deny/],
      [form, `user_code=${d.user_code}&decision=maybe`, /decision must be approve or deny/],
      [{}, `user_code=${d.user_code}&decision=approve`, /must be sent as application\/x-www-form-urlencoded/],
      [
        { 'content-type': 'application/json' },
        JSON.stringify({ user_code: d.user_code, decision: 'approve' }),
        /must be sent as application\/x-www-form-urlencoded/,
      ],
    ]
    for (const [headers, body, message] of cases) {
      const answer = await post(headers, body)
      expect(answer.status, `${body}`).toBe(400)
      expect(answer.text, `${body}`).toMatch(message)
    }
    const unknown = await post(form, 'user_code=ZZZZ-ZZZZ&decision=approve')
    expect(unknown.status).toBe(404)
    expect(unknown.text).toContain('Unknown code')
    expect(unknown.text).not.toContain('ZZZZ-ZZZZ')
    expect((await pollOnce(d.device_code)).body.error).toBe('authorization_pending')
  })
})
