import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MockPlatform } from '../src/index'
import { call, startTestMock, ws } from './helpers'

// The collections registered next to services (context graphs, data sources, integrations) and the
// sample connectors they start with, read through the API of a running mock.

let mock: MockPlatform
let base: string
beforeAll(async () => {
  mock = await startTestMock()
  base = ws(mock)
})
afterAll(() => mock?.close())

const names = (res: { body: { items: { name: string }[] } }) => res.body.items.map((i) => i.name)

describe('sample connectors', () => {
  it('starts with two data sources, one degraded, filtered by type and activity', async () => {
    const all = await call(mock, 'GET', `${base}/data-sources`)
    expect(all.status).toBe(200)
    expect(
      all.body.items.map((d: Record<string, unknown>) => [d.name, d.source_type, d.health_status]),
    ).toEqual([
      ['Epic EHR', 'fhir', 'healthy'],
      ['Billing export', 'file_drop', 'degraded'],
    ])
    expect(names(await call(mock, 'GET', `${base}/data-sources?source_type=file_drop`))).toEqual([
      'Billing export',
    ])
    expect(names(await call(mock, 'GET', `${base}/data-sources?is_active=false`))).toEqual([])
    const sinks = await call(mock, 'GET', `${base}/world/sync/by-sink`)
    const billing = sinks.body.sinks.find((s: { name: string }) => s.name === 'Billing export')
    expect(billing).toMatchObject({ failed: 2, total: billing.synced + 2 })
  })

  it('starts with the `maps` REST integration, filtered by protocol and enabled', async () => {
    const all = await call(mock, 'GET', `${base}/integrations`)
    expect(all.body.items).toEqual([
      expect.objectContaining({ name: 'maps', protocol: 'rest', base_url: 'https://maps.example.com' }),
    ])
    expect(names(await call(mock, 'GET', `${base}/integrations?enabled=true&protocol=rest`))).toEqual([
      'maps',
    ])
    expect(names(await call(mock, 'GET', `${base}/integrations?protocol=fhir`))).toEqual([])
    expect(names(await call(mock, 'GET', `${base}/integrations?enabled=false`))).toEqual([])
  })

  it('starts with two SQL functions and the custom `orders` table', async () => {
    const fns = await call(mock, 'GET', `${base}/functions`)
    expect(fns.body.items.map((f: { name: string }) => f.name)).toEqual(['my-function', 'patient_lookup'])
    expect(fns.body.items[0]).toMatchObject({ function_type: 'sql', schema: 'custom', returns_table: true })
    expect(
      mock.store.customTables
        .get(mock.workspaceId)
        ?.get('orders')
        ?.map((r) => r.status),
    ).toEqual(['open', 'shipped', 'open'])
  })
})

describe('services and context graphs', () => {
  it('creates a service carrying its agent and graph names; filters by activity and name', async () => {
    const agent = mock.store.agents.list()[0]!
    const graph = mock.store.contextGraphs.list()[0]!
    const created = await call(mock, 'POST', `${base}/services`, {
      body: { name: 'Night Line', agent_id: agent.id, context_graph_id: graph.id, is_active: false },
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      agent_name: agent.name,
      context_graph_name: graph.name,
      is_active: false,
    })
    expect(names(await call(mock, 'GET', `${base}/services?is_active=false`))).toEqual(['Night Line'])
    expect(names(await call(mock, 'GET', `${base}/services?is_active=true`))).not.toContain('Night Line')
    expect(names(await call(mock, 'GET', `${base}/services?search=night`))).toEqual(['Night Line'])
  })

  it('creates, reads and deletes a context graph; a deleted one answers 404', async () => {
    const created = await call(mock, 'POST', `${base}/context-graphs`, { body: { name: 'Refill flow' } })
    expect(created.status).toBe(201)
    const item = `${base}/context-graphs/${created.body.id}`
    expect((await call(mock, 'GET', item)).body.name).toBe('Refill flow')
    expect((await call(mock, 'DELETE', item)).status).toBe(204)
    expect(await call(mock, 'GET', item)).toMatchObject({
      status: 404,
      body: { detail: 'Context graph not found' },
    })
  })
})

describe('integration endpoint test', () => {
  it('echoes the params as the input of a canned result; an unknown integration answers 404', async () => {
    const maps = mock.store.integrations.list()[0]!
    const res = await call(mock, 'POST', `${base}/integrations/${maps.id}/endpoints/geocode/test`, {
      body: { params: { city: 'Springfield' } },
    })
    expect(res.status).toBe(200)
    const expected = {
      endpoint: 'geocode',
      input: { city: 'Springfield' },
      results: [{ label: 'Springfield', lat: 39.78, lng: -89.65 }],
    }
    expect(res.body).toMatchObject({ status_code: 200, error: null, raw_response: expected })
    expect(JSON.parse(res.body.final_result)).toEqual(expected)
    const missing = '00000000-0000-4000-8000-000000000000'
    expect(
      await call(mock, 'POST', `${base}/integrations/${missing}/endpoints/geocode/test`, { body: {} }),
    ).toMatchObject({ status: 404, body: { detail: 'Integration not found' } })
    // An integration of another workspace is not this workspace's to test.
    const foreign = mock.store.integrations.put({
      ...mock.store.integrations.list()[0]!,
      id: '11111111-1111-4111-8111-111111111111',
      workspace_id: 'another-workspace',
    })
    expect(
      await call(mock, 'POST', `${base}/integrations/${foreign.id}/endpoints/geocode/test`, { body: {} }),
    ).toMatchObject({ status: 404, body: { detail: 'Integration not found' } })
    mock.store.integrations.delete(foreign.id)
  })
})

describe('boolean list filters', () => {
  it('lists paused triggers with is_active=false and disabled actions with enabled=false', async () => {
    const ids = async (query: string) =>
      (await call(mock, 'GET', `${base}/triggers?${query}`)).body.items.map((t: { id: string }) => t.id)
    const trigger = mock.store.triggers.list((t) => t.is_active)[0]!
    const pausedBefore: string[] = await ids('is_active=false')
    expect(pausedBefore).not.toContain(trigger.id)
    await call(mock, 'POST', `${base}/triggers/${trigger.id}/pause`)
    const pausedAfter: string[] = await ids('is_active=false')
    expect(pausedAfter).toHaveLength(pausedBefore.length + 1)
    expect(pausedAfter).toEqual(expect.arrayContaining([...pausedBefore, trigger.id]))
    expect(await ids('is_active=true')).not.toContain(trigger.id)
    const skill = mock.store.skills.list()[0]!
    await call(mock, 'PUT', `${base}/skills/${skill.id}`, { body: { enabled: false } })
    const disabled = await call(mock, 'GET', `${base}/skills?enabled=false`)
    expect(disabled.body.items.map((s: { id: string }) => s.id)).toEqual([skill.id])
  })
})

describe('external integrations', () => {
  it('revokes the credentials of a deleted integration', async () => {
    const integ = await call(mock, 'POST', `${base}/external-integrations`, { body: { name: 'kiosk' } })
    const created = await call(mock, 'POST', `${base}/external-integrations/${integ.body.id}/credentials`, {
      body: { name: 'front desk', service_ids: [mock.store.services.list()[0]!.id] },
    })
    const { client_secret, credential } = created.body
    const grant = () =>
      call(mock, 'POST', '/token', {
        headers: { authorization: '' },
        form: {
          grant_type: 'client_credentials',
          client_id: credential.client_id,
          client_secret,
          scope: 'external_user_sessions:create',
        },
      })
    expect((await grant()).status).toBe(200)
    expect((await call(mock, 'DELETE', `${base}/external-integrations/${integ.body.id}`)).status).toBe(204)
    expect((await grant()).body.error).toBe('invalid_client')
    expect(mock.store.credentials.get(credential.id)).toMatchObject({
      is_active: false,
      revoked_at: expect.any(String),
    })
  })
})
