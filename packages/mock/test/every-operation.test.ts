import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MockPlatform } from '../src/index'
import { specContext } from '../src/spec/context'
import { successResponse } from '../src/spec/operations'
import { call, startTestMock, ws } from './helpers'

// Every operation of the spec is called once with a request built from the spec itself (sampled
// path/query/body values, sample ids where the mock keeps state) and must answer with a status the
// operation documents; every 2xx JSON body must validate against the operation's response schema.

let mock: MockPlatform
const ids: Record<string, string> = {}
let revokedCredential = ''
let reviewItems: string[] = []

/** Ids of the sample workspace wherever a sampled body names one (so stateful handlers find them). */
const BODY_IDS: Record<string, string> = {
  service_id: 'service_id',
  entity_id: 'entity_id',
  call_sid: 'call_sid',
  agent_id: 'agent_id',
  context_graph_id: 'context_graph_id',
  action_id: 'skill_id',
  trigger_id: 'trigger_id',
}

function fillIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fillIds)
  if (!value || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    if (BODY_IDS[k] && typeof v === 'string') out[k] = ids[BODY_IDS[k]!]
    else if (k === 'service_ids' && Array.isArray(v)) out[k] = [ids.service_id]
    else if (k === 'item_ids' && Array.isArray(v)) out[k] = reviewItems.slice(-2)
    else if (k === 'conversation_id' && typeof v === 'string') out[k] = ids.conversation_id
    else out[k] = fillIds(v)
  }
  return out
}

beforeAll(async () => {
  mock = await startTestMock()
  const s = mock.store
  const base = ws(mock)
  const surface = await call(mock, 'POST', `${base}/surfaces`, {
    body: {
      entity_id: s.entities.list()[0]!.id,
      title: 'Intake',
      fields: [{ key: 'name', label: 'Name', field_type: 'text' }],
    },
  })
  const dest = await call(mock, 'POST', `${base}/webhook-destinations`, {
    body: { name: 'd', trigger_id: s.triggers.list()[0]!.id },
  })
  const ext = await call(mock, 'POST', `${base}/external-integrations`, { body: { name: 'portal' } })
  const cred = await call(mock, 'POST', `${base}/external-integrations/${ext.body.id}/credentials`, {
    body: { name: 'c', service_ids: [s.services.list()[0]!.id] },
  })
  const revocable = await call(mock, 'POST', `${base}/external-integrations/${ext.body.id}/credentials`, {
    body: { name: 'r', service_ids: [s.services.list()[0]!.id] },
  })
  const query = await call(mock, 'POST', `${base}/data_queries`, {
    body: { name: 'q', sql_template: 'select * from custom.orders', parameters: [] },
  })
  const conversation = await call(mock, 'POST', `${base}/conversations`, {
    body: { service_id: s.services.list()[1]!.id },
  })
  revokedCredential = revocable.body.credential.id
  reviewItems = s.reviewItems.list().map((i) => i.id)
  Object.assign(ids, {
    workspace_id: mock.workspaceId,
    agent_id: s.agents.list()[0]!.id,
    skill_id: s.skills.list()[0]!.id,
    service_id: s.services.list()[0]!.id,
    entity_id: s.entities.list()[0]!.id,
    trigger_id: s.triggers.list()[0]!.id,
    item_id: s.reviewItems.list()[0]!.id,
    operator_id: s.operators.list()[0]!.id,
    data_source_id: s.dataSources.list()[0]!.id,
    context_graph_id: s.contextGraphs.list()[0]!.id,
    conversation_id: conversation.body.id,
    call_id: s.calls.list()[0]!.call_sid,
    call_sid: s.calls.list()[0]!.call_sid,
    function_name: 'my-function',
    key: 'name',
    version: 'latest',
    surface_id: surface.body.id,
    token: surface.body.token,
    destination_id: dest.body.id,
    credential_id: cred.body.credential.id,
    query_id: query.body.id,
    'external:integration_id': ext.body.id,
    integration_id: s.integrations.list()[0]!.id,
  })
}, 60_000)

afterAll(() => mock?.close())

describe('every operation of the spec', () => {
  it('answers with a documented status and a schema-valid body', async () => {
    const spec = specContext()
    const sampler = spec.sampler
    const ops = [...spec.operations].sort(
      (a, b) => Number(a.method === 'delete') - Number(b.method === 'delete'),
    )
    const problems: string[] = []
    let ok = 0
    for (const op of ops) {
      if (op.path.endsWith('/events/stream')) continue // long-lived SSE: realtime tests cover it
      const params = op.op.parameters ?? []
      let path = op.path
      for (const p of params.filter((x) => x.in === 'path')) {
        const key =
          p.name === 'integration_id' && op.path.includes('/external-integrations/')
            ? 'external:integration_id'
            : p.name
        let value = ids[key] ?? String(sampler.sample(p.schema ?? { type: 'string' }))
        // Actions that complete a review item or revoke a credential each get their own.
        if (p.name === 'item_id' && /\/(approve|reject|correct|claim|unclaim)$/.test(op.path))
          value = reviewItems.shift()!
        if (p.name === 'credential_id' && op.method === 'delete') value = revokedCredential
        path = path.replace(`{${p.name}}`, encodeURIComponent(value))
      }
      const qs = new URLSearchParams()
      for (const p of params.filter((x) => x.in === 'query' && x.required)) {
        const v = sampler.sample(p.schema ?? { type: 'string' })
        for (const item of Array.isArray(v) ? v : [v]) qs.append(p.name, String(item))
      }
      const headers: Record<string, string> = {}
      for (const p of params.filter((x) => x.in === 'header' && x.required))
        headers[p.name] = String(sampler.sample(p.schema ?? { type: 'string' }))
      const content = op.op.requestBody?.content ?? {}
      let body: unknown
      let form: Record<string, string> | undefined
      let raw: string | undefined
      if (content['application/json']) body = fillIds(sampler.sample(content['application/json'].schema))
      else if (content['multipart/form-data']) {
        headers['content-type'] = 'multipart/form-data; boundary=mockboundary'
        raw =
          '--mockboundary\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhello\r\n--mockboundary--\r\n'
      } else if (content['application/x-www-form-urlencoded']) {
        const v = sampler.sample(content['application/x-www-form-urlencoded'].schema) as Record<
          string,
          unknown
        >
        form = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)]))
      }
      // The token endpoint needs a real credential to answer 200; the sample key is one.
      if (op.path === '/token') form = { grant_type: 'api_key', api_key: mock.apiKey }
      const url = qs.size ? `${path}?${qs}` : path
      const res = await call(mock, op.method.toUpperCase(), url, { body, form, headers, raw })
      const documented = Object.keys(op.op.responses ?? {})
      const stateful = res.status === 404 || res.status === 409 || res.status === 422
      if (res.status >= 300 && process.env.MOCK_TEST_VERBOSE)
        console.log(`${op.key} -> ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`)
      if (res.status >= 500 || (!documented.includes(String(res.status)) && !stateful)) {
        problems.push(`${op.key} -> ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`)
        continue
      }
      if (res.status >= 200 && res.status < 300) {
        const success = successResponse(op.op)
        if (success.mediaType === 'application/json' && res.status !== 204) {
          const issues = spec.checkResponse(op, res.status, res.body)
          if (issues.length) problems.push(`${op.key} body: ${JSON.stringify(issues.slice(0, 3))}`)
          else ok++
        } else ok++
      }
    }
    expect(problems).toEqual([])
    // Nearly everything must succeed outright; the rest may be 404/409/422 where state decides.
    expect(ok).toBeGreaterThan(spec.operations.length * 0.98)
  }, 120_000)
})
