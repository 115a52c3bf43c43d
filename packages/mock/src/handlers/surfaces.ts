import { randomBytes } from 'node:crypto'
import { paginate } from '../http/paging'
import {
  conflict,
  type HandlerContext,
  HttpError,
  type MockCore,
  notFound,
  type Registry,
} from '../http/types'
import { HOUR } from '../state/time'

type Row = Record<string, any>
const BASE = '/v1/{workspace_id}/surfaces'

/** Surfaces (patient forms): create, deliver, review, and the public token routes patients use. */
export function registerSurfaces(reg: Registry, core: MockCore): void {
  const { store } = core
  const specs = new Map<string, Row>()
  const saved = new Map<string, Row>()
  const tokens = new Map<string, string>()
  const find = (ctx: HandlerContext) => {
    const s = store.surfaces.get(ctx.path.surface_id)
    if (!s || s.workspace_id !== ctx.path.workspace_id) throw notFound('Surface')
    return s
  }
  const strip = (s: Row) => {
    const { workspace_id: _w, token: _t, ...rest } = s
    return rest
  }
  const emit = (type: string, s: Row, extra: Row = {}) =>
    core.emit(type, { surface_id: s.id, entity_id: s.entity_id, ...extra }, s.workspace_id)
  const newSurface = (ws: string, spec: Row, originalId?: string) => {
    const now = new Date()
    const token = randomBytes(16).toString('base64url')
    const row: Row = {
      id: store.id(),
      event_id: store.id(),
      workspace_id: ws,
      entity_id: spec.entity_id,
      title: spec.title,
      description: spec.description ?? null,
      channel: spec.channel ?? 'web',
      status: 'created',
      fields: spec.fields,
      fields_count: spec.fields.length,
      context: spec.context ?? {},
      resource_type: spec.resource_type ?? null,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + (spec.expires_in_hours ?? 72) * HOUR).toISOString(),
      delivered_at: null,
      opened_at: null,
      submitted_at: null,
      submitted_data: null,
      delivery_metadata: null,
      token,
    }
    store.surfaces.put(row)
    store.surfaceTokens.set(token, row.id)
    tokens.set(row.id, token)
    specs.set(row.id, spec)
    saved.set(row.id, {})
    if (originalId) emit('surface.reshaped', row, { original_surface_id: originalId })
    else
      emit('surface.created', row, {
        channel: row.channel,
        fields_count: row.fields_count,
        review_required: false,
        source: 'api',
      })
    return row
  }
  const created = (row: Row) => ({
    id: row.id,
    event_id: row.event_id,
    entity_id: row.entity_id,
    title: row.title,
    description: row.description,
    channel: row.channel,
    status: row.status,
    fields_count: row.fields_count,
    created_at: row.created_at,
    expires_at: row.expires_at,
    token: row.token,
    url: `${core.url()}/s/${row.token}`,
  })

  reg.on('GET', BASE, (ctx) => {
    const q = ctx.query
    const rows = store.surfaces
      .list(
        (s) =>
          s.workspace_id === ctx.path.workspace_id &&
          (!q.entity_id || s.entity_id === q.entity_id) &&
          (!q.status || s.status === q.status) &&
          (!q.channel || s.channel === q.channel),
      )
      .map(strip)
    return { body: paginate(ctx, rows) }
  })
  reg.on('GET', `${BASE}/review`, (ctx) => ({
    body: paginate(
      ctx,
      store.surfaces
        .list((s) => s.workspace_id === ctx.path.workspace_id && s.status === 'pending_review')
        .map(strip),
    ),
  }))
  reg.on('POST', BASE, (ctx) => {
    if (!store.entities.get(ctx.body.entity_id)) throw notFound('Entity')
    return { body: created(newSurface(ctx.path.workspace_id, ctx.body)) }
  })
  reg.on('GET', `${BASE}/{surface_id}`, (ctx) => ({ body: strip(find(ctx)) }))
  reg.on('PATCH', `${BASE}/{surface_id}`, (ctx) => {
    const s = find(ctx)
    for (const [k, v] of Object.entries(ctx.body ?? {})) if (v !== null && v !== undefined && k in s) s[k] = v
    if (ctx.body?.fields) {
      s.fields = ctx.body.fields
      s.fields_count = ctx.body.fields.length
    }
    Object.assign(specs.get(s.id) ?? {}, ctx.body ?? {})
    emit('surface.updated', s)
    return { body: strip(s) }
  })
  reg.on('DELETE', `${BASE}/{surface_id}`, (ctx) => {
    const s = find(ctx)
    s.status = 'archived'
    emit('surface.archived', s)
    return { body: { status: 'archived', surface_id: s.id } }
  })
  reg.on('POST', `${BASE}/{surface_id}/deliver`, (ctx) => {
    const s = find(ctx)
    if (s.status === 'archived' || s.status === 'completed') throw conflict(`Surface is ${s.status}`)
    const now = store.now()
    s.status = 'delivered'
    s.delivered_at = now
    s.delivery_metadata = { channel_address: ctx.body.channel_address, provider: 'mock' }
    const url = `${core.url()}/s/${s.token}`
    const messageId = `msg_${store.random.hex(16)}`
    emit('surface.delivered', s, {
      channel: s.channel ?? 'sms',
      channel_address: ctx.body.channel_address,
      delivery_status: 'delivered',
      message_id: messageId,
      short_url: url,
    })
    return {
      body: {
        surface_id: s.id,
        status: 'delivered',
        channel: s.channel,
        channel_address: ctx.body.channel_address,
        delivered_at: now,
        delivery_provider: 'mock',
        message_id: messageId,
        from_number: s.channel === 'email' ? null : '+15550001000',
        from_address: s.channel === 'email' ? 'forms@acme.example' : null,
        url,
      },
    }
  })
  reg.on('GET', `${BASE}/{surface_id}/progress`, (ctx) => {
    const s = find(ctx)
    const values = saved.get(s.id) ?? {}
    const keys: string[] = (s.fields ?? []).map((f: Row) => f.key)
    const filled = keys.filter((k) => values[k] !== undefined && values[k] !== '')
    const empty = keys.filter((k) => !filled.includes(k))
    const requiredEmpty = (s.fields ?? [])
      .filter((f: Row) => f.required && empty.includes(f.key))
      .map((f: Row) => f.key)
    return {
      body: {
        surface_id: s.id,
        total_fields: keys.length,
        filled_count: filled.length,
        filled_keys: filled,
        empty_count: empty.length,
        empty_keys: empty,
        required_empty_keys: requiredEmpty,
      },
    }
  })
  for (const [action, status, event] of [
    ['approve', 'created', 'surface.review_approved'],
    ['reject', 'archived', 'surface.review_rejected'],
  ] as const) {
    reg.on('POST', `${BASE}/{surface_id}/${action}`, (ctx) => {
      const s = find(ctx)
      s.status = status
      emit(event, s, action === 'reject' ? { reason: ctx.body?.reason ?? null } : {})
      return { body: { surface_id: s.id, action: action === 'approve' ? 'approved' : 'rejected', status } }
    })
  }
  reg.on('POST', `${BASE}/{surface_id}/reshape`, (ctx) => {
    const s = find(ctx)
    return {
      body: created(
        newSurface(
          s.workspace_id,
          { ...(specs.get(s.id) ?? {}), entity_id: s.entity_id, title: s.title, fields: s.fields },
          s.id,
        ),
      ),
    }
  })

  // Public token routes: no API key; the token in the URL is the credential.
  const byToken = (ctx: HandlerContext) => {
    const id = store.surfaceTokens.get(String(ctx.path.token))
    const s = id ? store.surfaces.get(id) : undefined
    if (!s) throw new HttpError(401, { detail: 'Invalid or unknown surface link' })
    if (s.status === 'archived' || s.status === 'expired' || Date.parse(s.expires_at) < Date.now())
      throw new HttpError(410, { detail: 'This link has expired' })
    return s
  }
  const open = (s: Row) => {
    if (!s.opened_at) {
      s.opened_at = store.now()
      if (s.status === 'created' || s.status === 'delivered') s.status = 'opened'
      emit('surface.opened', s)
    }
  }
  const specBody = (s: Row) => {
    const spec = specs.get(s.id) ?? {}
    return {
      surface_id: s.id,
      entity_id: s.entity_id,
      status: s.status,
      saved_values: saved.get(s.id) ?? {},
      spec: {
        title: s.title,
        description: s.description,
        fields: s.fields,
        sections: spec.sections ?? null,
        branding: spec.branding ?? null,
        context: s.context,
        submit_button_text: spec.submit_button_text ?? 'Submit',
        completion_title: spec.completion_title ?? 'Thank you',
        completion_message: spec.completion_message ?? 'Your answers were received.',
        completion_action_url: spec.completion_action_url ?? null,
      },
    }
  }
  reg.on('GET', '/s/{token}', (ctx) => {
    const s = byToken(ctx)
    open(s)
    return { body: { ...specBody(s), render: 'json' } }
  })
  reg.on('GET', '/s/{token}/spec', (ctx) => {
    const s = byToken(ctx)
    open(s)
    return { body: specBody(s) }
  })
  reg.on('PUT', '/s/{token}/fields/{key}', (ctx) => {
    const s = byToken(ctx)
    if (s.status === 'completed') throw conflict('Surface already submitted')
    const key = String(ctx.path.key)
    if (!(s.fields ?? []).some((f: Row) => f.key === key))
      throw new HttpError(422, {
        detail: [{ loc: ['path', 'key'], msg: 'Unknown field', type: 'value_error' }],
      })
    saved.set(s.id, { ...(saved.get(s.id) ?? {}), [key]: ctx.body.value })
    if (s.status !== 'partial') s.status = 'partial'
    emit('surface.field_saved', s, { field_key: key })
    return { body: { status: 'saved' } }
  })
  reg.on('POST', '/s/{token}/submit', (ctx) => {
    const s = byToken(ctx)
    if (s.status === 'completed') throw conflict('Surface already submitted')
    const body = ctx.body && typeof ctx.body === 'object' ? ctx.body : {}
    const incoming = body.values ?? body.data ?? body.fields ?? body
    const values = { ...(saved.get(s.id) ?? {}), ...(typeof incoming === 'object' ? incoming : {}) }
    const missing = (s.fields ?? []).filter(
      (f: Row) => f.required && (values[f.key] === undefined || values[f.key] === ''),
    )
    if (missing.length)
      throw new HttpError(422, {
        detail: missing.map((f: Row) => ({ loc: ['body', f.key], msg: 'Field required', type: 'missing' })),
      })
    saved.set(s.id, values)
    s.status = 'completed'
    s.submitted_at = store.now()
    s.submitted_data = values
    emit('surface.submitted', s, {
      fields_submitted: Object.keys(values).length,
      submitted_at: s.submitted_at,
    })
    return { body: { status: 'completed', surface_id: s.id, submitted_at: s.submitted_at } }
  })
}
