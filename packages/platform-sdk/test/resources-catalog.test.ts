// Agents' versions, actions, services, world, calls, integrations, data sources and functions.
import { describe, expect, it } from 'vitest'
import { expectSent } from './helpers/expect-sent'
import { lastRequest, useMockPlatform } from './helpers/mock-client'

const env = useMockPlatform()

describe('agents: versions and auto-paging', () => {
  it('creates a version, reads it back by number and as latest, and lists versions', async () => {
    const { client } = env
    const agent = await client.agents.create({ name: 'Versioned', description: 'v' })
    const version = await client.agents.createVersion(agent.id, {
      name: 'v1',
      identity: {
        name: 'Alex',
        role: 'Coordinator',
        developed_by: 'Acme',
        default_spoken_language: 'en',
        relationship_to_developer: {
          ownership: 'Acme',
          type: 'assistant',
          conversation_visibility: 'public',
          thought_visibility: 'private',
        },
      },
      voice_config: { voice_id: 'voice-1', session_provider: 'inhouse' },
    })
    expectSent(env, 'POST', `/agents/${agent.id}/versions`, { body: { name: 'v1' } })
    const latest = await client.agents.getVersion(agent.id, 'latest')
    expectSent(env, 'GET', `/agents/${agent.id}/versions/latest`)
    expect(latest.id).toBe(version.id)
    const byNumber = await client.agents.getVersion(agent.id, version.version)
    expect(byNumber.id).toBe(version.id)
    const versions = await client.agents.listVersions(agent.id, { limit: 5 })
    expect(versions.items.map((v) => v.id)).toContain(version.id)
    const walked: string[] = []
    for await (const v of client.agents.listVersionsAutoPaging(agent.id)) walked.push(v.id)
    expect(walked).toContain(version.id)
    const updated = await client.agents.update(agent.id, { description: 'changed' })
    expect(updated.description).toBe('changed')
    expectSent(env, 'PUT', `/agents/${agent.id}`, { body: { description: 'changed' } })
  })

  it('listAutoPaging with limit 100 sends the spec maximum (20) and still walks every agent', async () => {
    const { client, mock } = env
    for (let i = 0; i < 22; i++) await client.agents.create({ name: `Bulk ${i}` })
    const total = (await client.agents.list({ limit: 1 })).total ?? 0
    expect(total).toBeGreaterThan(20)
    const start = mock.requests.length
    const names: string[] = []
    for await (const agent of client.agents.listAutoPaging({ limit: 100 })) names.push(agent.name)
    const pages = mock.requests.slice(start)
    expect(names.length).toBe(total)
    expect(new Set(names).size).toBe(names.length)
    expect(pages.length).toBe(Math.ceil(total / 20))
    for (const page of pages) expect(page.query.limit).toBe('20')
    expect(pages[1]?.query.continuation_token).toBeDefined()
  })

  it('breaking out of listAutoPaging fetches no further page', async () => {
    const start = env.mock.requests.length
    for await (const _agent of env.client.agents.listAutoPaging({ limit: 2 })) break
    expect(env.mock.requests.length - start).toBe(1)
  })
})

describe('actions (skills endpoints)', () => {
  it('create, list, get, update, test, delete', async () => {
    const { client } = env
    const action = await client.actions.create({
      slug: 'book-follow-up',
      name: 'Schedule Appointment',
      description: 'Books appointments',
      input_schema: {
        type: 'object',
        properties: { patient_id: { type: 'string' } },
        required: ['patient_id'],
      },
    })
    expectSent(env, 'POST', '/skills', { body: { slug: 'book-follow-up' } })
    expect((await client.actions.get(action.id)).id).toBe(action.id)
    expectSent(env, 'GET', `/skills/${action.id}`)
    const page = await client.actions.list({ limit: 20 })
    expect(page.items.some((a) => a.id === action.id)).toBe(true)
    const ids: string[] = []
    for await (const a of client.actions.listAutoPaging()) ids.push(a.id)
    expect(ids).toContain(action.id)
    const updated = await client.actions.update(action.id, { description: 'Books visits' })
    expect(updated.description).toBe('Books visits')
    const result = await client.actions.test(action.id, { input: { patient_id: 'ID-001' } })
    expectSent(env, 'POST', `/skills/${action.id}/test`, { body: { input: { patient_id: 'ID-001' } } })
    expect(typeof result.duration_ms).toBe('number')
    await client.actions.delete(action.id)
    expectSent(env, 'DELETE', `/skills/${action.id}`)
  })
})

describe('services', () => {
  it('list, get, update, auto-page', async () => {
    const { client } = env
    const { items } = await client.services.list()
    const service = await client.services.get(items[0]!.id)
    expectSent(env, 'GET', `/services/${service.id}`)
    expect(service.id).toBe(items[0]!.id)
    await client.services.update(service.id, {
      voice_config: { ...(service.voice_config ?? {}), session_provider: 'inhouse' },
    })
    expectSent(env, 'PUT', `/services/${service.id}`, {
      body: { voice_config: { session_provider: 'inhouse' } },
    })
    const all: string[] = []
    for await (const s of client.services.listAutoPaging()) all.push(s.id)
    expect(all).toContain(service.id)
  })
})

describe('world', () => {
  it('lists, gets, walks a timeline, searches and reads sync status', async () => {
    const { client } = env
    const page = await client.world.listEntities({ q: 'a', entity_type: ['patient'], limit: 5 })
    const sent = lastRequest(env)
    expect(sent.query).toMatchObject({ entity_type: 'patient', limit: '5', q: 'a' })
    const any = (await client.world.listEntities({ entity_type: ['patient'], limit: 5 })).entities[0]!
    expect(page.entities.length).toBeLessThanOrEqual(5)
    const entity = await client.world.getEntity(any.id)
    expectSent(env, 'GET', `/world/entities/${any.id}`)
    expect(entity.entity_type).toBe('patient')
    const timeline = await client.world.getTimeline(any.id, { limit: 20 })
    expectSent(env, 'GET', `/world/entities/${any.id}/timeline`, { query: { limit: '20' } })
    const walked = []
    for await (const event of client.world.getTimelineAutoPaging(any.id, { limit: 1 })) walked.push(event)
    expect(walked.length).toBe(timeline.total)
    const results = await client.world.search({ q: 'Jane', entity_type: 'patient', limit: 5 })
    expectSent(env, 'GET', '/world/search', { query: { q: 'Jane', entity_type: 'patient', limit: '5' } })
    expect(results).toBeTypeOf('object')
    const sync = await client.world.getSyncStatusBySink()
    expectSent(env, 'GET', '/world/sync/by-sink')
    expect(sync.lastResponse.statusCode).toBe(200)
  })

  it('listEntitiesAutoPaging follows offset pages and yields every entity once', async () => {
    const { client, mock } = env
    const total = (await client.world.listEntities({ limit: 1 })).total
    const start = mock.requests.length
    const ids: string[] = []
    for await (const entity of client.world.listEntitiesAutoPaging({ limit: 7 })) ids.push(entity.id)
    expect(ids.length).toBe(total)
    expect(new Set(ids).size).toBe(total)
    const pages = mock.requests.slice(start)
    expect(pages.length).toBe(Math.ceil(total / 7))
    expect(pages[1]?.query.offset).toBe('7')
  })
})

describe('calls', () => {
  it('lists with filters, gets the detail of a listed call, reads benchmarks, auto-pages', async () => {
    const { client } = env
    const { items: calls } = await client.calls.list({ direction: 'inbound', limit: 5 })
    expectSent(env, 'GET', '/calls', { query: { direction: 'inbound', limit: '5' } })
    const detail = await client.calls.get(calls[0]!.call_sid)
    expect(detail.call_sid).toBe(calls[0]!.call_sid)
    await expect(client.calls.get(undefined)).rejects.toMatchObject({ name: 'InvalidRequestError' })
    const benchmarks = await client.calls.getBenchmarks({ days: 30 })
    expectSent(env, 'GET', '/calls/benchmarks', { query: { days: '30' } })
    expect(benchmarks).toBeTypeOf('object')
    let count = 0
    for await (const _call of client.calls.listAutoPaging({ limit: 100 })) count++
    expect(count).toBe((await client.calls.list({ limit: 1 })).total)
  })
})

describe('integrations, data sources, functions', () => {
  it('integrations: list, get, testEndpoint with top-level inputs', async () => {
    const { client } = env
    const { items } = await client.integrations.list({ enabled: true })
    expectSent(env, 'GET', '/integrations', { query: { enabled: 'true' } })
    const integration = await client.integrations.get(items[0]!.id)
    expect(integration.id).toBe(items[0]!.id)
    const result = await client.integrations.testEndpoint(integration.id, 'geocode', {
      textQuery: '123 Main St, Springfield',
    })
    expectSent(env, 'POST', `/integrations/${integration.id}/endpoints/geocode/test`, {
      body: { textQuery: '123 Main St, Springfield' },
    })
    expect(result.lastResponse.statusCode).toBe(200)
    const all = []
    for await (const i of client.integrations.listAutoPaging()) all.push(i)
    expect(all.length).toBeGreaterThan(0)
  })

  it('data sources: list, get, auto-page', async () => {
    const { client } = env
    const { items } = await client.dataSources.list()
    const source = await client.dataSources.get(items[0]!.id)
    expectSent(env, 'GET', `/data-sources/${source.id}`)
    expect(source.source_type).toBeDefined()
    const all = []
    for await (const s of client.dataSources.listAutoPaging()) all.push(s)
    expect(all.length).toBe(items.length)
  })

  it('functions: list, get by name, test with input', async () => {
    const { client } = env
    const { items } = await client.functions.list()
    expect(items.map((f) => f.name)).toContain('my-function')
    const fn = await client.functions.get('my-function')
    expectSent(env, 'GET', '/functions/my-function')
    expect(fn.name).toBe('my-function')
    const result = await client.functions.test('my-function', { input: { query: 'test' } })
    expectSent(env, 'POST', '/functions/my-function/test', { body: { input: { query: 'test' } } })
    expect(result.function_name).toBe('my-function')
    await expect(client.functions.get('no-such-function')).rejects.toMatchObject({ status: 404 })
  })
})
