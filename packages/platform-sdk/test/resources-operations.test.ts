// Analytics, settings, surfaces, billing, operators, triggers, review queue, compliance, audit,
// recordings, workspace data queries and external integrations.
import { describe, expect, it, vi } from 'vitest'
import { expectSent } from './helpers/expect-sent'
import { lastRequest, useMockPlatform } from './helpers/mock-client'

const env = useMockPlatform()

describe('analytics', () => {
  it('dashboard, calls, agents and period comparison send their query and return typed bodies', async () => {
    const { client } = env
    const dashboard = await client.analytics.getDashboard({ days: 7 })
    expectSent(env, 'GET', '/analytics/dashboard', { query: { days: '7' } })
    expect(typeof dashboard.call_volume.value).toBe('number')
    const calls = await client.analytics.getCalls({ days: 30, interval: '1d' })
    expectSent(env, 'GET', '/analytics/calls', { query: { days: '30', interval: '1d' } })
    expect(typeof calls.total_calls).toBe('number')
    const agents = await client.analytics.getAgents({ period: '7d' })
    expectSent(env, 'GET', '/analytics/agents', { query: { period: '7d' } })
    expect(Array.isArray(agents.agents)).toBe(true)
    await client.analytics.compareCallPeriods({
      current_from: '2026-04-01',
      current_to: '2026-04-15',
      previous_from: '2026-03-15',
      previous_to: '2026-03-31',
    })
    expectSent(env, 'GET', '/analytics/calls/comparison', { query: { current_from: '2026-04-01' } })
  })
})

describe('settings', () => {
  it('voice and retention: get, update, read back', async () => {
    const { client } = env
    await client.settings.voice.get()
    expectSent(env, 'GET', '/settings/voice')
    const voice = await client.settings.voice.update({
      voice_id: 'new-voice-id',
      speed: 1.1,
      stt_provider: 'deepgram',
      tts_provider: 'cartesia',
    })
    expectSent(env, 'PUT', '/settings/voice', {
      body: { voice_id: 'new-voice-id', stt_provider: 'deepgram' },
    })
    expect(voice.voice_id).toBe('new-voice-id')
    expect((await client.settings.voice.get()).voice_id).toBe('new-voice-id')

    // The spec requires at least 365 days for recordings (the README's 90 is refused by the API).
    await client.settings.retention.update({ call_recordings_days: 400 })
    expectSent(env, 'PUT', '/settings/retention', { body: { call_recordings_days: 400 } })
    expect((await client.settings.retention.get()).call_recordings_days).toBe(400)
  })

  it('every other settings group reads its own path', async () => {
    const { client } = env
    const groups = [
      ['branding', client.settings.branding],
      ['outreach', client.settings.outreach],
      ['memory', client.settings.memory],
      ['security', client.settings.security],
      ['behaviors', client.settings.behaviors],
      ['gap-scanner', client.settings.gapScanner],
      ['scribe', client.settings.scribe],
      ['metrics', client.settings.metrics],
      ['environments', client.settings.environments],
      ['workflows', client.settings.workflows],
    ] as const
    for (const [path, group] of groups) {
      const value = await group.get()
      expectSent(env, 'GET', `/settings/${path}`)
      expect(value.lastResponse.statusCode, path).toBe(200)
    }
    const current = await client.settings.branding.get()
    await client.settings.branding.update(current)
    expectSent(env, 'PUT', '/settings/branding')
  })
})

describe('surfaces', () => {
  it('create, get, list, deliver', async () => {
    const { client } = env
    const patient = (await client.world.listEntities({ entity_type: ['patient'], limit: 1 })).entities[0]!
    const surface = await client.surfaces.create({
      entity_id: patient.id,
      title: 'New Patient Intake',
      channel: 'sms',
      fields: [
        { key: 'full_name', label: 'Full Name', field_type: 'text', required: true },
        { key: 'allergies', label: 'Allergies', field_type: 'multiselect', options: ['Penicillin', 'None'] },
      ],
    })
    expectSent(env, 'POST', '/surfaces', { body: { title: 'New Patient Intake', channel: 'sms' } })
    expect(surface.url).toContain('/s/')
    const fetched = await client.surfaces.get(surface.id)
    expect(fetched.id).toBe(surface.id)
    const { items } = await client.surfaces.list({ entity_id: patient.id })
    expect(items.some((s) => s.id === surface.id)).toBe(true)
    const delivery = await client.surfaces.deliver(surface.id, { channel_address: '+15551234567' })
    expectSent(env, 'POST', `/surfaces/${surface.id}/deliver`, { body: { channel_address: '+15551234567' } })
    expect(delivery.lastResponse.statusCode).toBe(200)
    const all = []
    for await (const s of client.surfaces.listAutoPaging()) all.push(s.id)
    expect(all).toContain(surface.id)
  })
})

describe('billing', () => {
  it('dashboard, usage, invoices and the invoice PDF as bytes', async () => {
    const { client } = env
    await client.billing.getDashboard()
    expectSent(env, 'GET', '/billing/dashboard')
    await client.billing.getUsage()
    expectSent(env, 'GET', '/billing/usage')
    const invoices = await client.billing.listInvoices({ limit: 5 })
    expectSent(env, 'GET', '/billing/invoices', { query: { limit: '5' } })
    expect(Array.isArray(invoices.items)).toBe(true)
    for await (const _invoice of client.billing.listInvoicesAutoPaging()) break
    const invoiceId = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f'
    const pdf = await client.billing.getInvoicePdf(invoiceId)
    expectSent(env, 'GET', `/billing/invoices/${invoiceId}/pdf`)
    // The API answers a JSON download link; it comes back parsed, with metadata.
    expect(pdf).not.toBeInstanceOf(Uint8Array)
    expect(typeof pdf).toBe('object')
    expect(pdf.lastResponse.statusCode).toBe(200)
  })
})

describe('operators', () => {
  it('list, dashboard, queue, escalations, join, guidance, wrap-up, leave', async () => {
    const { client } = env
    const { items: operators } = await client.operators.list()
    expectSent(env, 'GET', '/operators')
    const operatorId = operators[0]!.id
    await client.operators.getDashboard()
    expectSent(env, 'GET', '/operators/dashboard')
    await client.operators.getQueue()
    expectSent(env, 'GET', '/operators/queue')
    const escalations = await client.operators.getActiveEscalations()
    expectSent(env, 'GET', '/operators/escalations/active')
    expect(Array.isArray(escalations.items)).toBe(true)
    const callSid = (await client.calls.list({ limit: 1 })).items[0]!.call_sid!
    await client.operators.joinCall(operatorId, { call_sid: callSid })
    expectSent(env, 'POST', `/operators/${operatorId}/join-call`, { body: { call_sid: callSid } })
    await client.operators.sendGuidance(operatorId, { text: 'Ask about allergies' })
    expectSent(env, 'POST', `/operators/${operatorId}/send-guidance`, {
      body: { text: 'Ask about allergies' },
    })
    await client.operators.wrapUp(operatorId, { outcome: 'resolved' })
    expectSent(env, 'POST', `/operators/${operatorId}/wrap-up`, { body: { outcome: 'resolved' } })
    await client.operators.leaveCall(operatorId, { call_sid: callSid })
    expectSent(env, 'POST', `/operators/${operatorId}/leave-call`, { body: { call_sid: callSid } })
    const all = []
    for await (const o of client.operators.listAutoPaging()) all.push(o.id)
    expect(all).toContain(operatorId)
  })
})

describe('triggers', () => {
  it('create, get, list, update, fire, pause, resume, list runs, delete', async () => {
    const { client } = env
    const action = (await client.actions.list()).items[0]!
    const trigger = await client.triggers.create({
      name: 'Daily outreach',
      schedule: '0 9 * * 1-5',
      timezone: 'America/New_York',
      action_id: action.id,
      event_type: 'trigger.scheduled',
      input_template: { campaign: 'follow-up' },
    })
    expectSent(env, 'POST', '/triggers', { body: { name: 'Daily outreach', action_id: action.id } })
    expect((await client.triggers.get(trigger.id)).id).toBe(trigger.id)
    expect((await client.triggers.update(trigger.id, { name: 'Weekday outreach' })).name).toBe(
      'Weekday outreach',
    )
    expectSent(env, 'PUT', `/triggers/${trigger.id}`)
    await client.triggers.fire(trigger.id)
    expectSent(env, 'POST', `/triggers/${trigger.id}/fire`)
    const paused = await client.triggers.pause(trigger.id)
    expectSent(env, 'POST', `/triggers/${trigger.id}/pause`)
    expect(paused.is_active).toBe(false)
    const resumed = await client.triggers.resume(trigger.id)
    expect(resumed.is_active).toBe(true)
    // The mock completes a fired run a few milliseconds later; wait for it so the two reads
    // below see the same history (comparing them mid-completion raced under load).
    const runs = await vi.waitFor(async () => {
      const page = await client.triggers.listRuns(trigger.id)
      expect(page.items.map((r) => r.event_type)).toContain('trigger.completed')
      return page
    })
    expectSent(env, 'GET', `/triggers/${trigger.id}/runs`)
    expect(runs.items.map((r) => r.event_type)).toEqual(['trigger.completed', 'trigger.fired'])
    const walked = []
    for await (const run of client.triggers.listRunsAutoPaging(trigger.id)) walked.push(run)
    expect(walked.length).toBe(runs.items.length)
    const listed = []
    for await (const t of client.triggers.listAutoPaging()) listed.push(t.id)
    expect(listed).toContain(trigger.id)
    await client.triggers.delete(trigger.id)
    expectSent(env, 'DELETE', `/triggers/${trigger.id}`)
  })
})

describe('review queue', () => {
  it('stats, dashboard, list, claim, approve, reject, correct, batch approve', async () => {
    const { client } = env
    await client.reviewQueue.getStats()
    expectSent(env, 'GET', '/review-queue/stats')
    await client.reviewQueue.getDashboard()
    expectSent(env, 'GET', '/review-queue/dashboard')
    const { items } = await client.reviewQueue.list({ status: 'pending' })
    expectSent(env, 'GET', '/review-queue', { query: { status: 'pending' } })
    expect(items.length).toBeGreaterThan(3)
    const [a, b, c, d] = items as [(typeof items)[0], (typeof items)[0], (typeof items)[0], (typeof items)[0]]
    await client.reviewQueue.claim(a.id)
    expectSent(env, 'POST', `/review-queue/${a.id}/claim`)
    const approved = await client.reviewQueue.approve(a.id, { notes: 'Verified correct' })
    expectSent(env, 'POST', `/review-queue/${a.id}/approve`, { body: { notes: 'Verified correct' } })
    expect(approved.status).not.toBe('pending')
    await client.reviewQueue.reject(b.id, { reason: 'Data mismatch' })
    expectSent(env, 'POST', `/review-queue/${b.id}/reject`, { body: { reason: 'Data mismatch' } })
    await client.reviewQueue.correct(c.id, { corrected_data: { name: 'Fixed' }, notes: 'typo' })
    expectSent(env, 'POST', `/review-queue/${c.id}/correct`, { body: { corrected_data: { name: 'Fixed' } } })
    const batch = await client.reviewQueue.batchApprove({ item_ids: [d.id] })
    expectSent(env, 'POST', '/review-queue/batch-approve', { body: { item_ids: [d.id] } })
    expect(batch.lastResponse.statusCode).toBe(200)
    expect((await client.reviewQueue.get(d.id)).id).toBe(d.id)
  })
})

describe('compliance, audit, recordings', () => {
  it('reads the HIPAA report', async () => {
    await env.client.compliance.getHipaa({ report_period_days: 30 })
    expectSent(env, 'GET', '/compliance/hipaa', { query: { report_period_days: '30' } })
  })

  it('audit: list exposes items (same array as events), summary, export with start/end dates', async () => {
    const { client } = env
    const page = await client.audit.list({ limit: 50 })
    expectSent(env, 'GET', '/audit', { query: { limit: '50' } })
    expect(page.items).toBe(page.events)
    expect(page._request_id).toBe(lastRequest(env).requestId)
    for await (const _event of client.audit.listAutoPaging()) break
    await client.audit.getSummary()
    expectSent(env, 'GET', '/audit/summary')
    await client.audit.createExport({ start_date: '2026-01-01', end_date: '2026-03-31' })
    expectSent(env, 'POST', '/audit/export', { body: { start_date: '2026-01-01', end_date: '2026-03-31' } })
  })

  it('recordings: URLs and metadata of a call', async () => {
    const { client } = env
    await client.recordings.getUrls('CA123')
    expectSent(env, 'GET', '/recordings/CA123/urls')
    await client.recordings.getMetadata('CA123')
    expectSent(env, 'GET', '/recordings/CA123/metadata')
  })
})

describe('workspace data queries', () => {
  it('create, get, list, update, invoke with parameters, delete', async () => {
    const { client } = env
    const query = await client.workspaceDataQueries.create({
      name: 'recent_orders',
      description: 'Recent orders by status',
      sql_template: 'select * from custom.orders where status = :status',
      parameters: [{ name: 'status', type: 'string', description: 'Order status' }],
    })
    expectSent(env, 'POST', '/data_queries', { body: { name: 'recent_orders' } })
    expect((await client.workspaceDataQueries.get(query.id)).id).toBe(query.id)
    const result = await client.workspaceDataQueries.invoke(query.id, { input: { status: 'open' } })
    expectSent(env, 'POST', `/data_queries/${query.id}/invoke`, { body: { input: { status: 'open' } } })
    expect(result.row_count).toBe(2)
    expect(result.result?.map((row) => row.status)).toEqual(['open', 'open'])
    expect(typeof result.duration_ms).toBe('number')
    // Without a body argument an empty object is sent; the missing input is the server's 400 to give.
    await expect(client.workspaceDataQueries.invoke(query.id)).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('missing input: status'),
    })
    expect(lastRequest(env).body).toEqual({})
    // The list is one `{ items, count }` answer, not a page; items carry their parameter count.
    const list = await client.workspaceDataQueries.list()
    expectSent(env, 'GET', '/data_queries')
    expect(list.count).toBe(list.items.length)
    expect(list.items.find((q) => q.id === query.id)).toMatchObject({ parameter_count: 1 })
    await client.workspaceDataQueries.update(query.id, { description: 'Orders by status' })
    expectSent(env, 'PATCH', `/data_queries/${query.id}`)
    await client.workspaceDataQueries.delete(query.id)
    expectSent(env, 'DELETE', `/data_queries/${query.id}`)
    await expect(client.workspaceDataQueries.get(query.id)).rejects.toMatchObject({ status: 404 })
  })
})

describe('external integrations', () => {
  it('create, get, list, update, credentials: create, list, rotate, revoke; delete', async () => {
    const { client } = env
    const service = (await client.services.list()).items[0]!
    const integration = await client.externalIntegrations.create({ name: 'portal', display_name: 'Portal' })
    expectSent(env, 'POST', '/external-integrations', { body: { name: 'portal' } })
    expect((await client.externalIntegrations.get(integration.id)).name).toBe('portal')
    const updated = await client.externalIntegrations.update(integration.id, { display_name: 'Portal 2' })
    expect(updated.display_name).toBe('Portal 2')
    const { items } = await client.externalIntegrations.list({ search: 'portal', limit: 10 })
    expectSent(env, 'GET', '/external-integrations', { query: { search: 'portal', limit: '10' } })
    expect(items.some((i) => i.id === integration.id)).toBe(true)
    const created = await client.externalIntegrations.createCredential(integration.id, {
      name: 'backend',
      service_ids: [service.id],
    })
    const credentialId = created.credential.id
    const listed = await client.externalIntegrations.listCredentials(integration.id)
    expect(Array.isArray(listed)).toBe(true)
    expect(listed.map((c) => c.id)).toEqual([credentialId])
    expect(JSON.stringify(listed)).not.toContain(created.client_secret)
    const rotated = await client.externalIntegrations.rotateCredential(integration.id, credentialId)
    expectSent(env, 'POST', `/external-integrations/${integration.id}/credentials/${credentialId}/rotate`)
    expect(rotated.client_secret).not.toBe(created.client_secret)
    await expect(
      client.externalIntegrations.revokeCredential(integration.id, credentialId),
    ).resolves.toBeUndefined()
    expectSent(env, 'DELETE', `/external-integrations/${integration.id}/credentials/${credentialId}`)
    const [revoked] = await client.externalIntegrations.listCredentials(integration.id)
    expect(revoked).toMatchObject({ id: credentialId, is_active: false })
    for await (const _i of client.externalIntegrations.listAutoPaging()) break
    await client.externalIntegrations.delete(integration.id)
    expectSent(env, 'DELETE', `/external-integrations/${integration.id}`)
  })
})
