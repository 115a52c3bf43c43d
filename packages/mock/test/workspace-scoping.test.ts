import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MockPlatform } from '../src/index'
import { call, startTestMock, workspaceToken, ws } from './helpers'

// Calls, analytics, functions and conversations belong to one workspace: a user with two workspaces
// sees only the one a request names, as with agents or entities.
let mock: MockPlatform
let other: string
let asOther: (method: string, tail: string, body?: unknown) => ReturnType<typeof call>
beforeAll(async () => {
  mock = await startTestMock()
  other = mock.store.workspaces.list()[1]!.id
  const token = await workspaceToken(mock, other)
  asOther = (method, tail, body) =>
    call(mock, method, `/v1/${other}${tail}`, { body, headers: { authorization: `Bearer ${token}` } })
})
afterAll(() => mock?.close())

const notFound = (label: string) => ({ status: 404, body: { detail: `${label} not found` } })

describe('another workspace of the same user', () => {
  it('has none of the sample calls, and analytics count none of them', async () => {
    const sid = mock.store.calls.list()[0]!.call_sid
    expect((await asOther('GET', '/calls?limit=100')).body.items).toEqual([])
    expect(await asOther('GET', `/calls/${sid}`)).toMatchObject(notFound('Call'))
    expect((await asOther('GET', '/calls/benchmarks?days=30')).body.total_calls).toBe(0)
    expect((await asOther('GET', '/analytics/calls?days=30')).body).toMatchObject({
      total_calls: 0,
      calls_by_date: [],
    })
    expect((await asOther('GET', '/analytics/dashboard?days=30')).body.call_volume.value).toBe(0)
    const range =
      'current_from=2000-01-01&current_to=2999-01-01&previous_from=1999-01-01&previous_to=1999-12-31'
    expect((await asOther('GET', `/analytics/calls/comparison?${range}`)).body.current.total_calls).toBe(0)
    expect((await call(mock, 'GET', `${ws(mock)}/calls/${sid}`)).status).toBe(200)
  })

  it('cannot send a form to, or issue a credential for, what belongs to the sample workspace', async () => {
    const entity = mock.store.entities.list()[0]!.id
    const form = { entity_id: entity, title: 'Form', fields: [{ key: 'a', label: 'A', field_type: 'text' }] }
    expect(await asOther('POST', '/surfaces', form)).toMatchObject(notFound('Entity'))
    const integration = await asOther('POST', '/external-integrations', {
      name: 'other-portal',
      display_name: 'Other portal',
    })
    expect(integration.status).toBe(201)
    const service = mock.store.services.list()[0]!.id
    const credential = await asOther('POST', `/external-integrations/${integration.body.id}/credentials`, {
      name: 'backend',
      service_ids: [service],
    })
    expect(credential).toMatchObject(notFound(`Service ${service}`))
  })

  it('lists only its own data sources among the sync sinks', async () => {
    expect((await asOther('GET', '/world/sync/by-sink')).body.sinks).toEqual([])
    const sample = (await call(mock, 'GET', `${ws(mock)}/world/sync/by-sink`)).body.sinks
    expect(sample.length).toBe(mock.store.dataSources.list().length)
  })

  it('keeps its own functions: a name may exist once in each workspace', async () => {
    expect((await asOther('GET', '/functions')).body).toEqual({ items: [], count: 0 })
    expect(await asOther('GET', '/functions/my-function')).toMatchObject(notFound('Function'))
    const created = await asOther('POST', '/functions', {
      name: 'my-function',
      description: 'Other workspace',
      function_type: 'sql',
      sql_body: 'select 1',
    })
    expect(created.status).toBe(200)
    expect((await asOther('POST', '/functions', { name: 'my-function', function_type: 'sql' })).status).toBe(
      409,
    )
    expect((await asOther('GET', '/functions/my-function')).body.description).toBe('Other workspace')
    const sample = await call(mock, 'GET', `${ws(mock)}/functions/my-function`)
    expect(sample.body.description).toBe('Function my-function')
    expect((await asOther('DELETE', '/functions/my-function')).status).toBe(200)
    expect((await call(mock, 'GET', `${ws(mock)}/functions`)).body.count).toBe(2)
  })

  it('keeps its own conversations and simulated calls', async () => {
    const sampleConversation = mock.store.conversations.list()[0]!.id
    expect((await asOther('GET', '/conversations')).body.items).toEqual([])
    expect(await asOther('GET', `/conversations/${sampleConversation}`)).toMatchObject(
      notFound('Conversation'),
    )
    const sampleService = mock.store.services.list()[1]!.id
    expect(await asOther('POST', '/conversations', { service_id: sampleService })).toMatchObject(
      notFound('Service'),
    )
    const service = await ownService()
    const conv = await asOther('POST', '/conversations', { service_id: service })
    expect(conv.status).toBe(201)
    expect((await asOther('GET', '/conversations')).body.items.map((c: { id: string }) => c.id)).toEqual([
      conv.body.id,
    ])
    const sampleIds = (await call(mock, 'GET', `${ws(mock)}/conversations`)).body.items.map(
      (c: { id: string }) => c.id,
    )
    expect(sampleIds).not.toContain(conv.body.id)
    const sid = mock.simulateCall({ serviceId: service, durationMs: 0 })
    expect((await asOther('GET', '/calls')).body.items.map((c: { call_sid: string }) => c.call_sid)).toEqual([
      sid,
    ])
    expect(await call(mock, 'GET', `${ws(mock)}/calls/${sid}`)).toMatchObject(notFound('Call'))
    const started = mock.events().find((e) => e.type === 'call.started' && e.data.call_sid === sid)
    expect(started?.workspaceId).toBe(other)
  })

  it('queries only its own custom tables', async () => {
    const select = (table: string) => ({
      name: `all_${table}`,
      sql_template: `select * from custom.${table}`,
    })
    const sampleOrders = await asOther('POST', '/data_queries', select('orders'))
    expect(sampleOrders.status).toBe(201)
    expect(await asOther('POST', `/data_queries/${sampleOrders.body.id}/invoke`)).toMatchObject({
      status: 400,
      body: { detail: 'unknown table custom.orders' },
    })
    mock.store.customTables.set(other, new Map([['visits', [{ id: 1, reason: 'checkup' }]]]))
    const visits = await asOther('POST', '/data_queries', select('visits'))
    expect((await asOther('POST', `/data_queries/${visits.body.id}/invoke`)).body.result).toEqual([
      { id: 1, reason: 'checkup' },
    ])
    const fromSample = await call(mock, 'POST', `${ws(mock)}/data_queries`, { body: select('visits') })
    expect(await call(mock, 'POST', `${ws(mock)}/data_queries/${fromSample.body.id}/invoke`)).toMatchObject({
      status: 400,
      body: { detail: 'unknown table custom.visits' },
    })
  })

  it("gives a simulated call in a workspace without patients a caller of that workspace's own", async () => {
    const service = await ownService()
    const first = mock.simulateCall({ serviceId: service, durationMs: 0 })
    const caller = mock.store.calls.get(first)!.entity_id
    const entity = await asOther('GET', `/world/entities/${caller}`)
    expect(entity).toMatchObject({ status: 200, body: { id: caller, entity_type: 'patient' } })
    expect(await call(mock, 'GET', `${ws(mock)}/world/entities/${caller}`)).toMatchObject(notFound('Entity'))
    // The next call in that workspace comes from the same caller rather than a new one each time.
    const second = mock.simulateCall({ serviceId: service, durationMs: 0 })
    expect(mock.store.calls.get(second)!.entity_id).toBe(caller)
    expect((await asOther('GET', '/world/entities')).body.entities.map((e: { id: string }) => e.id)).toEqual([
      caller,
    ])
  })
})

/** A service of the other workspace, on an agent and a context graph of its own. */
async function ownService(): Promise<string> {
  const agent = await asOther('POST', '/agents', { name: 'Other agent' })
  const graph = await asOther('POST', '/context-graphs', { name: 'Other graph' })
  const service = await asOther('POST', '/services', {
    name: 'Other line',
    agent_id: agent.body.id,
    context_graph_id: graph.body.id,
  })
  expect(service.status).toBe(201)
  return service.body.id
}
