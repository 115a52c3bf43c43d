import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MockPlatform } from '../src/index'
import { call, startTestMock, ws } from './helpers'

// A JSON body may hold keys every object inherits (`__proto__`, `constructor`, `toString`). None is
// a field of any Amigo schema: the mock ignores them as the API ignores unknown fields, and they must
// not reach its stored rows as fields or as a prototype.
let mock: MockPlatform
beforeAll(async () => {
  mock = await startTestMock()
})
afterAll(() => mock?.close())

const json = { 'content-type': 'application/json' }

async function newSurface() {
  const created = await call(mock, 'POST', `${ws(mock)}/surfaces`, {
    body: {
      entity_id: mock.store.entities.list()[0]!.id,
      title: 'Intake',
      fields: [{ key: 'name', label: 'Name', field_type: 'text' }],
    },
  })
  return created.body.id as string
}

describe('inherited key names in a JSON body', () => {
  it('PATCH surfaces/{id}: __proto__ and constructor change nothing; the named fields still apply', async () => {
    const id = await newSurface()
    const res = await call(mock, 'PATCH', `${ws(mock)}/surfaces/${id}`, {
      headers: json,
      raw: '{"__proto__":{"title":"inherited","polluted":true},"constructor":"x","toString":"y","title":"Renamed"}',
    })
    expect(res.status).toBe(200)
    const stored = mock.store.surfaces.get(id)!
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype)
    expect(Object.hasOwn(stored, 'constructor')).toBe(false)
    expect(Object.hasOwn(stored, 'toString')).toBe(false)
    const after = await call(mock, 'GET', `${ws(mock)}/surfaces/${id}`)
    expect(after.body.title).toBe('Renamed')
    expect(after.body).not.toHaveProperty('polluted')
    expect(after.body).not.toHaveProperty('constructor', 'x')
  })

  it('PUT agents/{id}: a __proto__ object does not become the stored row prototype', async () => {
    const agent = mock.store.agents.list()[0]!
    const res = await call(mock, 'PUT', `${ws(mock)}/agents/${agent.id}`, {
      headers: json,
      raw: '{"__proto__":{"polluted":true},"name":"Renamed"}',
    })
    expect(res.status).toBe(200)
    const stored = mock.store.agents.get(agent.id)!
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype)
    expect((stored as Record<string, unknown>).polluted).toBeUndefined()
    expect(stored.name).toBe('Renamed')
  })
})
