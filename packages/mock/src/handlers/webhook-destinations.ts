import { randomBytes } from 'node:crypto'
import { inWorkspace } from '../http/in-workspace'
import { paginate } from '../http/paging'
import type { HandlerContext, MockCore, Registry } from '../http/types'
import { DAY } from '../state/time'
import { updateFields } from './update-fields'

type Row = Record<string, any>
const BASE = '/v1/{workspace_id}/webhook-destinations'

const publicView = (row: Row) => {
  const { secret: _s, target_url: _t, ...rest } = row
  return rest
}

/**
 * Webhook destinations. The spec's create body has no target URL, so the mock also reads an
 * optional `url` field from it: events are then delivered there, signed with the destination's secret.
 */
export function registerWebhookDestinations(reg: Registry, core: MockCore): void {
  const { store } = core
  const find = (ctx: HandlerContext) => {
    return inWorkspace(
      store.webhookDestinations,
      ctx.path.destination_id,
      ctx.path.workspace_id,
      'Webhook destination',
    )
  }
  reg.on('GET', BASE, (ctx) => ({
    body: paginate(
      ctx,
      store.webhookDestinations.list((d) => d.workspace_id === ctx.path.workspace_id).map(publicView),
    ),
  }))
  reg.on('POST', BASE, (ctx) => createDestination(ctx, core))
  reg.on('GET', `${BASE}/{destination_id}`, (ctx) => ({ body: publicView(find(ctx)) }))
  reg.on('PUT', `${BASE}/{destination_id}`, (ctx) => {
    const d = find(ctx)
    // The signing secret changes only through rotate-secret; the target only through `url`.
    for (const [k, v] of Object.entries(updateFields(ctx.body, ['secret', 'target_url'])))
      if (v !== null && v !== undefined) d[k] = v
    if (typeof ctx.body?.url === 'string') d.target_url = ctx.body.url
    d.updated_at = store.now()
    return { body: publicView(d) }
  })
  reg.on('DELETE', `${BASE}/{destination_id}`, (ctx) => {
    store.webhookDestinations.delete(find(ctx).id)
    return { status: 204 }
  })
  reg.on('GET', `${BASE}/{destination_id}/deliveries`, (ctx) => ({
    body: paginate(ctx, store.webhookDeliveries.get(find(ctx).id) ?? []),
  }))
  reg.on('POST', `${BASE}/{destination_id}/rotate-secret`, (ctx) => {
    const d = find(ctx)
    d.secret = `whsec_${randomBytes(24).toString('base64url')}`
    return {
      body: { secret: d.secret, rotation_expires_at: new Date(Date.now() + DAY).toISOString() },
    }
  })
}

/** POST: a new destination, with its signing secret (shown this once) and optional delivery target. */
function createDestination(ctx: HandlerContext, core: MockCore) {
  const { store } = core
  const id = store.id()
  const target = typeof ctx.body.url === 'string' ? ctx.body.url : undefined
  const secret = `whsec_${randomBytes(24).toString('base64url')}`
  const row = store.make('WebhookDestinationCreatedResponse', {
    description: null,
    field_mapping: null,
    accepted_event_types: [],
    retry_attempts: core.options.webhookMaxAttempts,
    ...ctx.body,
    id,
    workspace_id: ctx.path.workspace_id,
    url: target ?? `${core.url()}/v1/${ctx.path.workspace_id}/webhooks/${id}`,
    secret,
    is_active: true,
    created_by: ctx.principal?.subject ?? null,
    created_at: store.now(),
    updated_at: store.now(),
  })
  store.webhookDestinations.put({ ...row, id, secret, target_url: target })
  return { status: 201, body: row }
}
