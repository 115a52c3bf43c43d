import { inWorkspace } from '../http/in-workspace'
import { paginate } from '../http/paging'
import { conflict, HttpError, type MockCore, type Registry } from '../http/types'
import { SurfaceBook, stripSurface } from './surface-book'
import { updateFields } from './update-fields'

type Row = Record<string, any>
const BASE = '/v1/{workspace_id}/surfaces'

/** Surfaces (patient forms): create, deliver, review, and the public token routes patients use. */
export function registerSurfaces(reg: Registry, core: MockCore): void {
  const book = new SurfaceBook(core)
  registerSurfaceRecords(reg, core, book)
  registerSurfaceWorkflow(reg, core, book)
  registerSurfaceLinks(reg, core, book)
}

/** List, review queue, create, read, update and archive. */
function registerSurfaceRecords(reg: Registry, core: MockCore, book: SurfaceBook): void {
  const { store } = core
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
      .map(stripSurface)
    return { body: paginate(ctx, rows) }
  })
  reg.on('GET', `${BASE}/review`, (ctx) => ({
    body: paginate(
      ctx,
      store.surfaces
        .list((s) => s.workspace_id === ctx.path.workspace_id && s.status === 'pending_review')
        .map(stripSurface),
    ),
  }))
  reg.on('POST', BASE, (ctx) => {
    inWorkspace(store.entities, ctx.body.entity_id, ctx.path.workspace_id, 'Entity')
    return { body: book.created(book.create(ctx.path.workspace_id, ctx.body)) }
  })
  reg.on('GET', `${BASE}/{surface_id}`, (ctx) => ({ body: stripSurface(book.find(ctx)) }))
  reg.on('PATCH', `${BASE}/{surface_id}`, (ctx) => {
    const s = book.find(ctx)
    for (const [k, v] of Object.entries(updateFields(ctx.body, ['token'])))
      if (v !== null && v !== undefined && Object.hasOwn(s, k)) s[k] = v
    if (ctx.body?.fields) {
      s.fields = ctx.body.fields
      s.fields_count = ctx.body.fields.length
    }
    Object.assign(book.specOf(s), ctx.body ?? {})
    book.emit('surface.updated', s)
    return { body: stripSurface(s) }
  })
  reg.on('DELETE', `${BASE}/{surface_id}`, (ctx) => {
    const s = book.find(ctx)
    s.status = 'archived'
    book.emit('surface.archived', s)
    return { body: { status: 'archived', surface_id: s.id } }
  })
}

/** Deliver, progress, approve or reject a review, reshape. */
function registerSurfaceWorkflow(reg: Registry, core: MockCore, book: SurfaceBook): void {
  const { store } = core
  reg.on('POST', `${BASE}/{surface_id}/deliver`, (ctx) => {
    const s = book.find(ctx)
    if (s.status === 'archived' || s.status === 'completed') throw conflict(`Surface is ${s.status}`)
    const now = store.now()
    s.status = 'delivered'
    s.delivered_at = now
    s.delivery_metadata = { channel_address: ctx.body.channel_address, provider: 'mock' }
    const url = book.url(s)
    const messageId = `msg_${store.random.hex(16)}`
    book.emit('surface.delivered', s, {
      channel: s.channel ?? 'sms',
      channel_address: ctx.body.channel_address,
      delivery_status: 'delivered',
      message_id: messageId,
      short_url: url,
    })
    const email = s.channel === 'email'
    return {
      body: {
        surface_id: s.id,
        status: 'delivered',
        channel: s.channel,
        channel_address: ctx.body.channel_address,
        delivered_at: now,
        delivery_provider: 'mock',
        message_id: messageId,
        from_number: email ? null : '+15550001000',
        from_address: email ? 'forms@acme.example' : null,
        url,
      },
    }
  })
  reg.on('GET', `${BASE}/{surface_id}/progress`, (ctx) => ({ body: book.progress(book.find(ctx)) }))
  for (const [action, status, event] of [
    ['approve', 'created', 'surface.review_approved'],
    ['reject', 'archived', 'surface.review_rejected'],
  ] as const) {
    reg.on('POST', `${BASE}/{surface_id}/${action}`, (ctx) => {
      const s = book.find(ctx)
      s.status = status
      book.emit(event, s, action === 'reject' ? { reason: ctx.body?.reason ?? null } : {})
      return { body: { surface_id: s.id, action: action === 'approve' ? 'approved' : 'rejected', status } }
    })
  }
  reg.on('POST', `${BASE}/{surface_id}/reshape`, (ctx) => {
    const s = book.find(ctx)
    const spec = { ...book.specOf(s), entity_id: s.entity_id, title: s.title, fields: s.fields }
    return { body: book.created(book.create(s.workspace_id, spec, s.id)) }
  })
}

/** The public link routes: no API key; the token in the URL is the credential. */
function registerSurfaceLinks(reg: Registry, core: MockCore, book: SurfaceBook): void {
  const { store } = core
  reg.on('GET', '/s/{token}', (ctx) => {
    const s = book.byToken(ctx)
    book.open(s)
    return { body: { ...book.specBody(s), render: 'json' } }
  })
  reg.on('GET', '/s/{token}/spec', (ctx) => {
    const s = book.byToken(ctx)
    book.open(s)
    return { body: book.specBody(s) }
  })
  reg.on('PUT', '/s/{token}/fields/{key}', (ctx) => {
    const s = book.byToken(ctx)
    if (s.status === 'completed') throw conflict('Surface already submitted')
    const key = String(ctx.path.key)
    if (!(s.fields ?? []).some((f: Row) => f.key === key))
      throw new HttpError(422, {
        detail: [{ loc: ['path', 'key'], msg: 'Unknown field', type: 'value_error' }],
      })
    book.save(s, { ...book.savedValues(s), [key]: ctx.body.value })
    if (s.status !== 'partial') s.status = 'partial'
    book.emit('surface.field_saved', s, { field_key: key })
    return { body: { status: 'saved' } }
  })
  reg.on('POST', '/s/{token}/submit', (ctx) => {
    const s = book.byToken(ctx)
    if (s.status === 'completed') throw conflict('Surface already submitted')
    const body = ctx.body && typeof ctx.body === 'object' ? ctx.body : {}
    const incoming = body.values ?? body.data ?? body.fields ?? body
    const values = { ...book.savedValues(s), ...(typeof incoming === 'object' ? incoming : {}) }
    const missing = (s.fields ?? []).filter(
      (f: Row) => f.required && (values[f.key] === undefined || values[f.key] === ''),
    )
    if (missing.length)
      throw new HttpError(422, {
        detail: missing.map((f: Row) => ({ loc: ['body', f.key], msg: 'Field required', type: 'missing' })),
      })
    book.save(s, values)
    s.status = 'completed'
    s.submitted_at = store.now()
    s.submitted_data = values
    book.emit('surface.submitted', s, {
      fields_submitted: Object.keys(values).length,
      submitted_at: s.submitted_at,
    })
    return { body: { status: 'completed', surface_id: s.id, submitted_at: s.submitted_at } }
  })
}
