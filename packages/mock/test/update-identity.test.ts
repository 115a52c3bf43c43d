import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MockPlatform } from '../src/index'
import { call, startTestMock, ws } from './helpers'

// An update body that names the record's `id`, `workspace_id` or `created_at` (a client echoing a
// record it read back, or a careless one) leaves them as they are: the API's update models do not
// declare them. Laid over the stored row, they would re-key it or move it to another workspace.
let mock: MockPlatform
let other: string
const uuid = '11111111-1111-4111-8111-111111111111'
beforeAll(async () => {
  mock = await startTestMock()
  other = mock.store.workspaces.list()[1]!.id
})
afterAll(() => mock?.close())

const hostile = () => ({ id: uuid, workspace_id: other, created_at: '2000-01-01T00:00:00Z' })

/** The first record of a collection, as the list route answers it. */
async function first(collection: string): Promise<Record<string, any>> {
  const res = await call(mock, 'GET', `${ws(mock)}/${collection}`)
  const body = res.body
  const items = Array.isArray(body) ? body : (body.items ?? Object.values(body).find(Array.isArray))
  return items[0]
}

describe('an update naming the record id, workspace or creation time', () => {
  const collections: [string, string, Record<string, unknown>][] = [
    ['agents', 'PUT', { name: 'Renamed' }],
    ['services', 'PUT', { name: 'Renamed' }],
    ['triggers', 'PUT', { name: 'Renamed' }],
    ['skills', 'PUT', { name: 'Renamed' }],
    ['context-graphs', 'PUT', { name: 'Renamed' }],
    ['integrations', 'PUT', { name: 'Renamed' }],
    ['data-sources', 'PATCH', { name: 'Renamed' }],
    ['operators', 'PATCH', {}],
  ]
  for (const [collection, method, change] of collections) {
    it(`${method} ${collection}/{id} keeps them and stays readable at its id`, async () => {
      const before = await first(collection)
      const res = await call(mock, method, `${ws(mock)}/${collection}/${before.id}`, {
        body: { ...change, ...hostile() },
      })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ id: before.id, ...change })
      const after = await call(mock, 'GET', `${ws(mock)}/${collection}/${before.id}`)
      expect(after.status).toBe(200)
      expect(after.body).toMatchObject({ id: before.id, created_at: before.created_at, ...change })
      if ('workspace_id' in before) expect(after.body.workspace_id).toBe(mock.workspaceId)
    })
  }

  it('PUT webhook-destinations/{id} keeps them and stays readable at its id', async () => {
    const trigger = mock.store.triggers.list()[0]!.id
    const created = await call(mock, 'POST', `${ws(mock)}/webhook-destinations`, {
      body: { name: 'd', trigger_id: trigger },
    })
    const id = created.body.id
    const res = await call(mock, 'PUT', `${ws(mock)}/webhook-destinations/${id}`, {
      body: { name: 'renamed', ...hostile() },
    })
    expect(res.body).toMatchObject({ id, name: 'renamed', created_at: created.body.created_at })
    const after = await call(mock, 'GET', `${ws(mock)}/webhook-destinations/${id}`)
    expect(after).toMatchObject({ status: 200, body: { id, workspace_id: mock.workspaceId } })
  })

  it('PATCH surfaces/{id} keeps them and the link token', async () => {
    const created = await call(mock, 'POST', `${ws(mock)}/surfaces`, {
      body: {
        entity_id: mock.store.entities.list()[0]!.id,
        title: 'Intake',
        fields: [{ key: 'name', label: 'Name', field_type: 'text' }],
      },
    })
    const id = created.body.id
    const token = mock.store.surfaces.get(id)!.token
    const res = await call(mock, 'PATCH', `${ws(mock)}/surfaces/${id}`, {
      body: { title: 'Renamed', token: 'chosen-by-client', ...hostile() },
    })
    expect(res.body).toMatchObject({ id, title: 'Renamed', created_at: created.body.created_at })
    const after = await call(mock, 'GET', `${ws(mock)}/surfaces/${id}`)
    expect(after).toMatchObject({ status: 200, body: { id, title: 'Renamed' } })
    expect(mock.store.surfaces.get(id)).toMatchObject({ workspace_id: mock.workspaceId, token })
    expect((await call(mock, 'GET', `/s/${token}`, { headers: { authorization: '' } })).status).toBe(200)
  })
})
