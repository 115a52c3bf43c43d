import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MockPlatform } from '../src/index'
import { call, startTestMock, ws } from './helpers'

let mock: MockPlatform
beforeAll(async () => {
  mock = await startTestMock()
})
afterAll(() => mock?.close())

describe('routing and auth', () => {
  it('binds to 127.0.0.1 and exposes the sample workspace and its key', () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(mock.apiKey).toMatch(/^amg_test_/)
    expect(mock.workspaceId).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('answers 401 without a token and with an unknown token', async () => {
    const none = await call(mock, 'GET', `${ws(mock)}/agents`, { headers: { authorization: '' } })
    expect(none.status).toBe(401)
    expect(none.body.detail).toBe('Not authenticated')
    const bad = await call(mock, 'GET', `${ws(mock)}/agents`, { headers: { authorization: 'Bearer nope' } })
    expect(bad.status).toBe(401)
    expect(bad.headers.get('www-authenticate')).toContain('Bearer')
  })

  it('reads the Bearer scheme in any case', async () => {
    for (const scheme of ['bearer', 'BEARER', 'BeArEr']) {
      const res = await call(mock, 'GET', `${ws(mock)}/agents`, {
        headers: { authorization: `${scheme} ${mock.apiKey}` },
      })
      expect(res.status, scheme).toBe(200)
    }
  })

  it('lets public token routes through without a key', async () => {
    const res = await call(mock, 'GET', '/s/unknown-token/spec', { headers: { authorization: '' } })
    expect(res.status).toBe(401) // unknown link, not missing auth
    expect(res.body.detail).toMatch(/link/)
    const device = await call(mock, 'POST', '/device/code', { headers: { authorization: '' }, form: {} })
    expect(device.status).toBe(200)
  })

  it('answers 404 for unknown paths and 405 with Allow for a wrong method', async () => {
    expect((await call(mock, 'GET', '/v1/nothing/here/at/all')).status).toBe(404)
    const res = await call(mock, 'PATCH', `${ws(mock)}/agents`)
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('GET, POST')
  })

  it('refuses a workspace the key does not belong to', async () => {
    const other = mock.store.workspaces.list()[1]!.id
    expect((await call(mock, 'GET', `/v1/${other}/agents`)).status).toBe(403)
  })

  it('sends request ids and rate-limit headers, and records requests', async () => {
    const before = mock.requests.length
    const res = await call(mock, 'GET', `${ws(mock)}/agents?limit=2&unknown=x`)
    expect(res.status).toBe(200)
    expect(res.headers.get('x-request-id')).toMatch(/^req_mock_/)
    expect(Number(res.headers.get('x-ratelimit-remaining'))).toBeGreaterThan(0)
    const rec = mock.requests[before]!
    expect(rec).toMatchObject({
      method: 'GET',
      path: `${ws(mock)}/agents`,
      query: { limit: '2', unknown: 'x' },
      status: 200,
    })
    expect(rec.operationId).toBe('list-agents')
  })
})

describe('validation (FastAPI-style 422)', () => {
  it('names a missing and a mistyped body field', async () => {
    const res = await call(mock, 'POST', `${ws(mock)}/agents`, { body: { description: 42 } })
    expect(res.status).toBe(422)
    expect(res.body.detail).toEqual([
      { loc: ['body', 'name'], msg: 'Field required', type: 'missing', input: { description: 42 } },
      {
        loc: ['body', 'description'],
        msg: 'Input should be a valid string',
        type: 'string_type',
        input: 42,
      },
    ])
  })

  it('names query fields: limit above the maximum, a non-integer', async () => {
    const over = await call(mock, 'GET', `${ws(mock)}/agents?limit=100`)
    expect(over.status).toBe(422)
    expect(over.body.detail[0]).toEqual({
      loc: ['query', 'limit'],
      msg: 'Input should be less than or equal to 20',
      type: 'less_than_equal',
      input: '100',
    })
    const nan = await call(mock, 'GET', `${ws(mock)}/agents?limit=ten`)
    expect(nan.body.detail[0]).toMatchObject({ loc: ['query', 'limit'], type: 'int_parsing' })
  })

  it('coerces booleans and repeated array keys from the query string', async () => {
    const res = await call(
      mock,
      'GET',
      `${ws(mock)}/world/entities?entity_type=patient&entity_type=appointment&has_projection=false&limit=100`,
    )
    expect(res.status).toBe(200)
    const types = new Set(res.body.entities.map((e: { entity_type: string }) => e.entity_type))
    expect([...types].sort()).toEqual(['appointment', 'patient'])
  })

  it('names a path parameter that is not a UUID, nested body fields, bad JSON and a missing body', async () => {
    const path = await call(mock, 'GET', `${ws(mock)}/agents/agent-id`)
    expect(path.status).toBe(422)
    expect(path.body.detail[0]).toMatchObject({ loc: ['path', 'agent_id'], type: 'uuid_parsing' })
    const nested = await call(mock, 'POST', `${ws(mock)}/surfaces`, {
      body: {
        entity_id: mock.store.entities.list()[0]!.id,
        title: 'x',
        fields: [{ key: 'a', label: 'A', field_type: 'nope' }],
      },
    })
    expect(nested.status).toBe(422)
    expect(nested.body.detail[0].loc).toEqual(['body', 'fields', 0, 'field_type'])
    const res = await fetch(`${mock.url}${ws(mock)}/agents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${mock.apiKey}`, 'content-type': 'application/json' },
      body: '{"name": ',
    })
    expect(res.status).toBe(422)
    expect((await res.json()).detail[0].type).toBe('json_invalid')
    const empty = await call(mock, 'POST', `${ws(mock)}/agents`)
    expect(empty.body.detail).toEqual([{ loc: ['body'], msg: 'Field required', type: 'missing' }])
  })
})

describe('bodies that are not JSON', () => {
  it('answer 422 json_invalid without quoting the body (it may hold a secret)', async () => {
    const secret = 'whsec_abcdefghijklmnop'
    for (const raw of [`${secret}`, `{"secret": ${secret}}`, `{"name": "x"} ${secret}`]) {
      const res = await call(mock, 'POST', `${ws(mock)}/agents`, {
        raw,
        headers: { 'content-type': 'application/json' },
      })
      expect(res.status).toBe(422)
      expect(res.body.detail[0]).toMatchObject({ type: 'json_invalid' })
      expect(res.body.detail[0].msg).toMatch(/^JSON decode error: not valid JSON/)
      expect(JSON.stringify(res.body)).not.toMatch(/whsec|abcdef/)
    }
  })
})

describe('deeply nested bodies', () => {
  it('answers 422 for a free-form field nested 100,000 levels and keeps the stored list readable', async () => {
    const field = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`
    const res = await call(mock, 'PUT', `${ws(mock)}/settings/voice`, {
      raw: `{"tts_config":${field}}`,
      headers: { 'content-type': 'application/json' },
    })
    expect(res.status).toBe(422)
    expect(res.body.detail[0]).toMatchObject({
      type: 'json_invalid',
      msg: 'JSON decode error: nested deeper than 1000 levels',
    })
    expect((await call(mock, 'GET', `${ws(mock)}/settings/voice`)).status).toBe(200)
  })
})

describe('sampled operations', () => {
  it('answers operations without state with a deterministic sample', async () => {
    const a = await call(mock, 'GET', `${ws(mock)}/billing/dashboard`)
    const b = await call(mock, 'GET', `${ws(mock)}/billing/dashboard`)
    expect(a.status).toBe(200)
    expect(a.body).toEqual(b.body)
  })
})

describe('sample workspace', () => {
  it('is deterministic per seed', async () => {
    const again = await startTestMock({ seed: 1 })
    const other = await startTestMock({ seed: 2 })
    try {
      expect(again.apiKey).toBe(mock.apiKey)
      expect(again.workspaceId).toBe(mock.workspaceId)
      expect(again.store.calls.list().map((c) => c.call_sid)).toEqual(
        mock.store.calls.list().map((c) => c.call_sid),
      )
      expect(other.workspaceId).not.toBe(mock.workspaceId)
      expect(mock.store.calls.size).toBe(50)
    } finally {
      await again.close()
      await other.close()
    }
  })
})

describe('CORS', () => {
  it('answers preflights and exposes the metadata headers', async () => {
    const pre = await fetch(`${mock.url}${ws(mock)}/agents`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    })
    expect(pre.status).toBe(204)
    expect(pre.headers.get('access-control-allow-headers')).toBe('authorization')
    const res = await call(mock, 'GET', `${ws(mock)}/agents`)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-expose-headers')).toContain('x-request-id')
  })
})
