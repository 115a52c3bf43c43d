import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MockPlatform } from '../src/index'
import { call, startTestMock, ws } from './helpers'

let mock: MockPlatform
let base: string
beforeAll(async () => {
  mock = await startTestMock({ turnTokenDelayMs: 0 })
  base = ws(mock)
})
afterAll(() => mock?.close())

describe('agents and versions', () => {
  it('creates, reads, lists, updates and deletes an agent; latest version resolves', async () => {
    const created = await call(mock, 'POST', `${base}/agents`, {
      body: { name: 'Patient Intake Agent 2', description: 'Scheduling' },
    })
    expect(created.status).toBe(201)
    const id = created.body.id
    expect((await call(mock, 'GET', `${base}/agents/${id}`)).body.name).toBe('Patient Intake Agent 2')
    const found = await call(mock, 'GET', `${base}/agents?search=intake%20agent%202`)
    expect(found.body.items.map((a: { id: string }) => a.id)).toEqual([id])
    const v1 = await call(mock, 'POST', `${base}/agents/${id}/versions`, {
      body: {
        name: 'v1',
        identity: { name: 'Alex', role: 'Coordinator', developed_by: 'Acme', default_spoken_language: 'en' },
        voice_config: { voice_id: 'voice-abc123', session_provider: 'inhouse' },
      },
    })
    expect(v1.status).toBe(201)
    expect(v1.body.version).toBe(1)
    await call(mock, 'POST', `${base}/agents/${id}/versions`, {
      body: { name: 'v2', identity: v1.body.identity },
    })
    const latest = await call(mock, 'GET', `${base}/agents/${id}/versions/latest`)
    expect(latest.body).toMatchObject({ version: 2, name: 'v2', agent_id: id })
    expect(
      (await call(mock, 'GET', `${base}/agents/${id}/versions/1`)).body.voice_config.session_provider,
    ).toBe('inhouse')
    const updated = await call(mock, 'PUT', `${base}/agents/${id}`, { body: { description: 'Updated' } })
    expect(updated.body).toMatchObject({ description: 'Updated', latest_version: 2 })
    expect((await call(mock, 'DELETE', `${base}/agents/${id}`)).status).toBe(204)
    expect((await call(mock, 'GET', `${base}/agents/${id}`)).status).toBe(404)
  })
})

describe('pagination shapes', () => {
  it('token pages walk every item with an integer continuation_token', async () => {
    const seen: string[] = []
    let token: number | null = 0
    let pages = 0
    while (token !== null) {
      const page = await call(mock, 'GET', `${base}/calls?limit=20&continuation_token=${token}`)
      expect(page.status).toBe(200)
      seen.push(...page.body.items.map((c: { call_sid: string }) => c.call_sid))
      expect(page.body.total).toBe(50)
      token = page.body.has_more ? page.body.continuation_token : null
      if (token !== null) expect(Number.isInteger(token)).toBe(true)
      pages++
    }
    expect(pages).toBe(3)
    expect(new Set(seen).size).toBe(50)
  })

  it('offset pages carry next_offset; plain offset pages do not', async () => {
    const first = await call(mock, 'GET', `${base}/world/entities?limit=7`)
    expect(first.body).toMatchObject({ has_more: true, next_offset: 7, total: 20 })
    const last = await call(mock, 'GET', `${base}/world/entities?limit=7&offset=14`)
    expect(last.body).toMatchObject({ has_more: false, next_offset: null })
    const convs = await call(mock, 'GET', `${base}/conversations?limit=2`)
    expect(convs.body).toMatchObject({ has_more: true, total: 3 })
    expect(convs.body).not.toHaveProperty('next_offset')
    expect(convs.body).not.toHaveProperty('continuation_token')
  })
})

describe('world, calls and analytics', () => {
  it('finds Jane Doe, her timeline and search hits; sync status by sink', async () => {
    const list = await call(mock, 'GET', `${base}/world/entities?q=Jane%20Doe&entity_type=patient&limit=5`)
    expect(list.body.entities[0].display_name).toBe('Jane Doe')
    const id = list.body.entities[0].id
    const timeline = await call(mock, 'GET', `${base}/world/entities/${id}/timeline?limit=2`)
    expect(timeline.body).toMatchObject({ entity_id: id, total: 3, has_more: true, next_offset: 2 })
    const search = await call(mock, 'GET', `${base}/world/search?q=Jane%20Doe&entity_type=patient&limit=5`)
    expect(search.body.results[0].id).toBe(id)
    const sinks = await call(mock, 'GET', `${base}/world/sync/by-sink`)
    expect(sinks.body.sinks).toHaveLength(2)
  })

  it('lists calls with filters, returns detail with transcript and intelligence, benchmarks', async () => {
    const inbound = await call(mock, 'GET', `${base}/calls?direction=inbound&limit=100`)
    expect(inbound.body.items.length).toBeGreaterThan(0)
    expect(inbound.body.items.every((c: { direction: string }) => c.direction === 'inbound')).toBe(true)
    const sid = inbound.body.items[0].call_sid
    const detail = await call(mock, 'GET', `${base}/calls/${sid}`)
    expect(detail.body.call_sid).toBe(sid)
    expect(detail.body.intelligence.summary).toMatch(/Caller asked/)
    expect(detail.body.transcript.length).toBe(3)
    const bench = await call(mock, 'GET', `${base}/calls/benchmarks?days=30`)
    expect(bench.body.total_calls).toBeGreaterThan(0)
  })

  it('computes analytics from the stored calls', async () => {
    const stats = await call(mock, 'GET', `${base}/analytics/calls?days=30&interval=1d`)
    const recent = mock.store.calls.list((c) => Date.parse(c.started_at) >= Date.now() - 30 * 86_400_000)
    expect(stats.body.total_calls).toBe(recent.length)
    const byDay = stats.body.calls_by_date.reduce((n: number, d: { count: number }) => n + d.count, 0)
    expect(byDay).toBe(recent.length)
    const avg = recent.reduce((s, c) => s + (c.duration_seconds ?? 0), 0) / recent.length
    expect(stats.body.avg_duration_seconds).toBeCloseTo(avg, 1)
    const dash = await call(mock, 'GET', `${base}/analytics/dashboard?days=7`)
    expect(typeof dash.body.call_volume.value).toBe('number')
    expect(dash.body.avg_quality).toHaveProperty('delta_pct')
    const agents = await call(mock, 'GET', `${base}/analytics/agents?period=7d`)
    expect(agents.body.agents.length).toBe(3)
    const cmp = await call(
      mock,
      'GET',
      `${base}/analytics/calls/comparison?current_from=2026-04-01&current_to=2026-04-15&previous_from=2026-03-15&previous_to=2026-03-31`,
    )
    expect(cmp.body.current).toHaveProperty('total_calls')
  })
})

describe('actions, services, settings', () => {
  it('creates and tests an action; duplicate slugs conflict', async () => {
    const body = {
      slug: 'schedule-appointment-2',
      name: 'Schedule Appointment',
      description: 'Books appointments',
      input_schema: {
        type: 'object',
        properties: { patient_id: { type: 'string' } },
        required: ['patient_id'],
      },
    }
    const action = await call(mock, 'POST', `${base}/skills`, { body })
    expect(action.status).toBe(201)
    expect((await call(mock, 'POST', `${base}/skills`, { body })).status).toBe(409)
    const result = await call(mock, 'POST', `${base}/skills/${action.body.id}/test`, {
      body: { input: { patient_id: 'ID-001' } },
    })
    expect(result.body.error).toBeNull()
    expect(JSON.parse(result.body.result)).toMatchObject({ ok: true })
    expect(result.body.duration_ms).toBeGreaterThan(0)
  })

  it('updates a service voice config and voice/retention settings', async () => {
    const service = mock.store.services.list()[0]!
    const got = await call(mock, 'GET', `${base}/services/${service.id}`)
    expect(got.body.agent_name).toBe('Patient Intake Agent')
    const upd = await call(mock, 'PUT', `${base}/services/${service.id}`, {
      body: { voice_config: { ...got.body.voice_config, session_provider: 'inhouse' } },
    })
    expect(upd.body.voice_config.session_provider).toBe('inhouse')
    await call(mock, 'PUT', `${base}/settings/voice`, {
      body: { voice_id: 'new-voice-id', speed: 1.1, stt_provider: 'deepgram', tts_provider: 'cartesia' },
    })
    expect((await call(mock, 'GET', `${base}/settings/voice`)).body).toMatchObject({
      voice_id: 'new-voice-id',
      speed: 1.1,
      tone: 'warm',
    })
    // The request floor is 1 day (docs/spec-changes.md): 0 is refused, naming the field; the README's 90 is kept.
    const tooShort = await call(mock, 'PUT', `${base}/settings/retention`, {
      body: { call_recordings_days: 0 },
    })
    expect(tooShort.status).toBe(422)
    expect(tooShort.body.detail[0]).toMatchObject({
      loc: ['body', 'call_recordings_days'],
      type: 'greater_than_equal',
    })
    await call(mock, 'PUT', `${base}/settings/retention`, { body: { call_recordings_days: 90 } })
    expect((await call(mock, 'GET', `${base}/settings/retention`)).body).toMatchObject({
      call_recordings_days: 90,
      audit_log_days: 2190,
    })
  })
})

describe('conversations', () => {
  it('creates a conversation, takes turns, streams a turn and sends blocking messages', async () => {
    const service = mock.store.services.list()[1]!
    const conv = await call(mock, 'POST', `${base}/conversations`, { body: { service_id: service.id } })
    expect(conv.status).toBe(201)
    expect(conv.body.turns[0].role).toBe('agent')
    const turn = await call(mock, 'POST', `${base}/conversations/${conv.body.id}/turns`, {
      body: { message: 'Hello, I need help scheduling' },
    })
    expect(turn.body.output[0].text).toBe('I can help you schedule that. Which day works best for you?')
    expect(turn.body.conversation.turn_count).toBe(1)
    const res = await fetch(`${mock.url}${base}/conversations/${conv.body.id}/turns/stream`, {
      method: 'POST',
      headers: { authorization: `Bearer ${mock.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'Tuesday morning works' }),
    })
    const text = await res.text()
    const names = [...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1])
    expect(names[0]).toBe('thinking')
    expect(names.slice(-2)).toEqual(['message', 'done'])
    expect(names.filter((n) => n === 'token').length).toBeGreaterThan(3)
    expect(text).not.toMatch(/"event":/)
    const first = await call(mock, 'POST', `${base}/conversations/messages`, {
      body: { service_id: service.id, message: 'Hello, I need help scheduling' },
    })
    const next = await call(mock, 'POST', `${base}/conversations/messages`, {
      body: {
        service_id: service.id,
        conversation_id: first.body.conversation_id,
        message: 'Tuesday morning works',
      },
    })
    expect(next.body.conversation_id).toBe(first.body.conversation_id)
    expect(next.body.messages[0].text).toMatch(/booked/)
    expect((await call(mock, 'DELETE', `${base}/conversations/${conv.body.id}`)).status).toBe(204)
    expect(
      (await call(mock, 'POST', `${base}/conversations/${conv.body.id}/turns`, { body: { message: 'hi' } }))
        .status,
    ).toBe(409)
  })
})

describe('triggers, review queue, operators', () => {
  it('fires, pauses and resumes a trigger and lists its runs', async () => {
    const t = await call(mock, 'POST', `${base}/triggers`, {
      body: {
        name: 'Daily outreach',
        schedule: '0 9 * * 1-5',
        timezone: 'America/New_York',
        action_id: mock.store.skills.list()[0]!.id,
        event_type: 'trigger.scheduled',
        input_template: { campaign: 'follow-up' },
      },
    })
    expect(t.status).toBe(201)
    const fired = await call(mock, 'POST', `${base}/triggers/${t.body.id}/fire`)
    expect(fired.body).toMatchObject({ status: 'fired', trigger_id: t.body.id })
    expect((await call(mock, 'POST', `${base}/triggers/${t.body.id}/pause`)).body.is_active).toBe(false)
    expect((await call(mock, 'POST', `${base}/triggers/${t.body.id}/resume`)).body.is_active).toBe(true)
    const runs = await call(mock, 'GET', `${base}/triggers/${t.body.id}/runs`)
    expect(runs.body.items.map((r: { event_id: string }) => r.event_id)).toContain(fired.body.fired_event_id)
  })

  it('claims, approves, rejects and batch-approves review items', async () => {
    const pending = await call(mock, 'GET', `${base}/review-queue?status=pending&limit=20`)
    const [a, b, c, d] = pending.body.items.map((i: { id: string }) => i.id)
    expect((await call(mock, 'POST', `${base}/review-queue/${a}/claim`)).body.status).toBe('in_progress')
    expect(
      (await call(mock, 'POST', `${base}/review-queue/${a}/approve`, { body: { notes: 'Verified correct' } }))
        .body.completed_action,
    ).toBe('approved')
    expect((await call(mock, 'POST', `${base}/review-queue/${a}/approve`, { body: {} })).status).toBe(409)
    expect(
      (await call(mock, 'POST', `${base}/review-queue/${b}/reject`, { body: { reason: 'Data mismatch' } }))
        .body.status,
    ).toBe('rejected')
    const batch = await call(mock, 'POST', `${base}/review-queue/batch-approve`, {
      body: { item_ids: [c, d, a] },
    })
    expect(batch.body.succeeded).toEqual([c, d])
    expect(batch.body.failed).toHaveLength(1)
    const stats = await call(mock, 'GET', `${base}/review-queue/stats`)
    expect(stats.body).toMatchObject({ completed: 3, rejected: 1, pending: 4 })
  })

  it('joins a call, sends guidance with the README body, wraps up', async () => {
    const op = mock.store.operators.list()[0]!.id
    const sid = mock.store.calls.list()[0]!.call_sid
    const join = await call(mock, 'POST', `${base}/operators/${op}/join-call`, {
      body: { call_sid: sid, mode: 'listen' },
    })
    expect(join.body.mode).toBe('listen')
    const guidance = await call(mock, 'POST', `${base}/operators/${op}/send-guidance`, {
      body: { text: 'Ask about allergies' },
    })
    expect(guidance.body).toEqual({ call_sid: sid, status: 'delivered' })
    expect(
      (await call(mock, 'POST', `${base}/operators/${op}/wrap-up`, { body: { outcome: 'resolved' } })).body
        .success,
    ).toBe(true)
    const dash = await call(mock, 'GET', `${base}/operators/dashboard`)
    expect(dash.body.operators.total).toBe(3)
  })
})

describe('surfaces', () => {
  it('creates, delivers, renders publicly, saves a field and submits', async () => {
    const patientId = mock.store.entities.list()[0]!.id
    const created = await call(mock, 'POST', `${base}/surfaces`, {
      body: {
        entity_id: patientId,
        title: 'New Patient Intake',
        channel: 'sms',
        fields: [
          { key: 'full_name', label: 'Full Name', field_type: 'text', required: true },
          { key: 'date_of_birth', label: 'Date of Birth', field_type: 'date', required: true },
          {
            key: 'allergies',
            label: 'Allergies',
            field_type: 'multiselect',
            options: ['Penicillin', 'Sulfa', 'None'],
          },
        ],
      },
    })
    expect(created.body.url).toBe(`${mock.url}/s/${created.body.token}`)
    const delivered = await call(mock, 'POST', `${base}/surfaces/${created.body.id}/deliver`, {
      body: { channel_address: '+15551234567' },
    })
    expect(delivered.body.status).toBe('delivered')
    const pub = { authorization: '' }
    const spec = await call(mock, 'GET', `/s/${created.body.token}/spec`, { headers: pub })
    expect(spec.body.spec.fields).toHaveLength(3)
    expect(
      (
        await call(mock, 'PUT', `/s/${created.body.token}/fields/full_name`, {
          headers: pub,
          body: { value: 'Jane Doe' },
        })
      ).body.status,
    ).toBe('saved')
    const incomplete = await call(mock, 'POST', `/s/${created.body.token}/submit`, { headers: pub, body: {} })
    expect(incomplete.status).toBe(422)
    expect(incomplete.body.detail[0].loc).toEqual(['body', 'date_of_birth'])
    const done = await call(mock, 'POST', `/s/${created.body.token}/submit`, {
      headers: pub,
      // Fields are required unless they say otherwise (the spec's default), so allergies is needed too.
      body: { date_of_birth: '1980-01-01', allergies: ['None'] },
    })
    expect(done.body).toMatchObject({ status: 'completed' })
    const got = await call(mock, 'GET', `${base}/surfaces/${created.body.id}`)
    expect(got.body.submitted_data).toEqual({
      full_name: 'Jane Doe',
      date_of_birth: '1980-01-01',
      allergies: ['None'],
    })
    const types = mock.events().map((e) => e.type)
    expect(types).toEqual(
      expect.arrayContaining([
        'surface.created',
        'surface.delivered',
        'surface.opened',
        'surface.field_saved',
        'surface.submitted',
      ]),
    )
  })
})

describe('external integrations and data queries', () => {
  it('shows a credential secret once; rotate replaces it; revoke blocks the grant', async () => {
    const integ = await call(mock, 'POST', `${base}/external-integrations`, {
      body: { name: 'customer-portal', display_name: 'Customer Portal', description: 'Backend' },
    })
    const serviceId = mock.store.services.list()[1]!.id
    const created = await call(mock, 'POST', `${base}/external-integrations/${integ.body.id}/credentials`, {
      body: { name: 'production backend', service_ids: [serviceId] },
    })
    expect(created.status).toBe(201)
    const { client_secret, credential } = created.body
    expect(client_secret).toMatch(/^amg_cs_/)
    const listed = await call(mock, 'GET', `${base}/external-integrations/${integ.body.id}/credentials`)
    expect(listed.body).toEqual([expect.objectContaining({ id: credential.id, is_active: true })])
    expect(JSON.stringify(listed.body)).not.toContain(client_secret)
    const grant = (secret: string) =>
      call(mock, 'POST', '/token', {
        headers: { authorization: '' },
        form: {
          grant_type: 'client_credentials',
          client_id: credential.client_id,
          client_secret: secret,
          scope: 'external_user_sessions:create',
        },
      })
    expect((await grant(client_secret)).status).toBe(200)
    const rotated = await call(
      mock,
      'POST',
      `${base}/external-integrations/${integ.body.id}/credentials/${credential.id}/rotate`,
    )
    expect(rotated.body.client_secret).not.toBe(client_secret)
    expect((await grant(client_secret)).status).toBe(401)
    expect((await grant(rotated.body.client_secret)).status).toBe(200)
    const revoked = await call(
      mock,
      'DELETE',
      `${base}/external-integrations/${integ.body.id}/credentials/${credential.id}`,
    )
    expect(revoked.status).toBe(204)
    expect((await grant(rotated.body.client_secret)).body.error).toBe('invalid_client')
    const after = await call(mock, 'GET', `${base}/external-integrations/${integ.body.id}/credentials`)
    expect(after.body[0]).toMatchObject({ is_active: false, revoked_at: expect.any(String) })
    const found = await call(mock, 'GET', `${base}/external-integrations?search=PORTAL`)
    expect(found.body.items.map((i: { id: string }) => i.id)).toEqual([integ.body.id])
    const none = await call(mock, 'GET', `${base}/external-integrations?search=nothing-like-this`)
    expect(none.body.items).toEqual([])
  })

  it('invokes a data query with typed parameters', async () => {
    const q = await call(mock, 'POST', `${base}/data_queries`, {
      body: {
        name: 'recent_orders',
        description: 'Recent orders by status',
        sql_template: 'select * from custom.orders where status = :status',
        parameters: [{ name: 'status', type: 'string', description: 'Order status', default: 'open' }],
      },
    })
    expect(q.status).toBe(201)
    const result = await call(mock, 'POST', `${base}/data_queries/${q.body.id}/invoke`, {
      body: { input: { status: 'open' } },
    })
    expect(result.body.row_count).toBe(2)
    expect(result.body.result.map((r: { status: string }) => r.status)).toEqual(['open', 'open'])
    expect(typeof result.body.duration_ms).toBe('number')
    // No body at all: the parameter's default applies.
    const defaulted = await call(mock, 'POST', `${base}/data_queries/${q.body.id}/invoke`)
    expect(defaulted.status).toBe(200)
    expect(defaulted.body.row_count).toBe(2)
    const list = await call(mock, 'GET', `${base}/data_queries`)
    expect(list.body.count).toBe(list.body.items.length)
    expect(list.body.items.find((i: { id: string }) => i.id === q.body.id)).toMatchObject({
      parameter_count: 1,
      last_invoked_at: expect.any(String),
    })
    const bad = await call(mock, 'POST', `${base}/data_queries/${q.body.id}/invoke`, {
      body: { input: { status: 3 } },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.detail).toMatch(/status/)
  })
})

describe('routes below an item', () => {
  // Each collection's own routes (`/{id}/fire`, `/{id}/versions`, ...) find the item the way its
  // CRUD routes do: an id the workspace does not have answers 404 naming what was not found.
  const missing = '00000000-0000-4000-8000-000000000000'
  it.each([
    { method: 'GET', tail: `agents/${missing}/versions`, label: 'Agent' },
    { method: 'POST', tail: `triggers/${missing}/fire`, body: {}, label: 'Trigger' },
    { method: 'GET', tail: `triggers/${missing}/runs`, label: 'Trigger' },
    { method: 'POST', tail: `skills/${missing}/test`, body: { input: {} }, label: 'Skill' },
    {
      method: 'POST',
      tail: `data_queries/${missing}/invoke`,
      body: { input: {} },
      label: 'Workspace data query',
    },
    { method: 'GET', tail: `external-integrations/${missing}/credentials`, label: 'External integration' },
    { method: 'POST', tail: `operators/${missing}/join-call`, body: { call_sid: 'CA1' }, label: 'Operator' },
    { method: 'GET', tail: `world/entities/${missing}/timeline`, label: 'Entity' },
  ])('$method .../$tail answers 404 naming the $label', async ({ method, tail, body, label }) => {
    const res = await call(mock, method, `${base}/${tail}`, body === undefined ? {} : { body })
    expect(res).toMatchObject({ status: 404, body: { detail: `${label} not found` } })
  })
})
