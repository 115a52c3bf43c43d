import { inWorkspace } from '../http/in-workspace'
import { paginate } from '../http/paging'
import { conflict, type HandlerContext, type MockCore, type Registry } from '../http/types'

type Row = Record<string, any>
type Completion = 'approved' | 'rejected' | 'corrected'
const BASE = '/v1/{workspace_id}/review-queue'

/** Review queue: list, stats, dashboard, claim/unclaim, approve, reject, correct, batch actions. */
export function registerReviewQueue(reg: Registry, core: MockCore): void {
  registerReviewViews(reg, core)
  registerReviewClaims(reg, core)
  registerReviewDecisions(reg, core)
}

const reviewer = (ctx: HandlerContext) => ctx.principal?.subject ?? 'anonymous'

/** The review item `id` (by default the one the route names) of the route's workspace, or 404. */
function findItem(core: MockCore, ctx: HandlerContext, id = ctx.path.item_id as string): Row {
  return inWorkspace(core.store.reviewItems, id, ctx.path.workspace_id, 'Review item')
}

/** Records a decision on an open item and announces it; 409 when the item was already decided. */
function complete(core: MockCore, ctx: HandlerContext, item: Row, action: Completion, extra: Row = {}): Row {
  if (item.status === 'completed' || item.status === 'rejected')
    throw conflict('Review item is already completed')
  item.status = action === 'rejected' ? 'rejected' : 'completed'
  item.completed_action = action
  item.completed_at = core.store.now()
  item.assigned_to = item.assigned_to ?? reviewer(ctx)
  Object.assign(item, extra)
  core.emit(
    'review.submitted',
    { action, item_id: item.id, entity_id: item.entity_id, entity_type: item.entity_type, count: 1 },
    ctx.path.workspace_id,
  )
  return item
}

function stats(core: MockCore, ws: string) {
  const items = core.store.reviewItems.list((i) => i.workspace_id === ws)
  return {
    pending: items.filter((i) => i.status === 'pending' || i.status === 'in_progress').length,
    completed: items.filter((i) => i.status === 'completed').length,
    rejected: items.filter((i) => i.status === 'rejected').length,
    avg_review_minutes: 4.5,
  }
}

/** The workspace's items matching the list query (and `extra`), in the order it asks for. */
function filtered(core: MockCore, ctx: HandlerContext, extra: (i: Row) => boolean = () => true): Row[] {
  const q = ctx.query
  let rows = core.store.reviewItems.list(
    (i) =>
      i.workspace_id === ctx.path.workspace_id &&
      (!q.status || i.status === q.status) &&
      (!q.entity_type || i.entity_type === q.entity_type) &&
      (q.priority == null || i.priority === q.priority) &&
      (!q.reason || i.reason === q.reason) &&
      (!q.assigned_to || i.assigned_to === q.assigned_to) &&
      extra(i),
  )
  if (q.sort_by === 'priority') rows = rows.sort((a, b) => a.priority - b.priority)
  if (q.sort_order === 'desc') rows = rows.reverse()
  return rows
}

function dashboard(core: MockCore, ws: string) {
  const items = core.store.reviewItems.list((i) => i.workspace_id === ws)
  const byPriority: Record<string, number> = {}
  const byReason = new Map<string, number>()
  for (const i of items.filter((i) => i.status === 'pending')) {
    byPriority[String(i.priority)] = (byPriority[String(i.priority)] ?? 0) + 1
    byReason.set(i.reason, (byReason.get(i.reason) ?? 0) + 1)
  }
  const s = stats(core, ws)
  return {
    stats: s,
    pending_by_priority: byPriority,
    pending_by_reason: [...byReason].map(([reason, count]) => ({ reason, count })),
    recent_completed: items.filter((i) => i.completed_at).slice(-5),
    completion_rate_24h: items.length ? (s.completed + s.rejected) / items.length : null,
  }
}

/** The lists (all, mine, history), stats, dashboard and one item. */
function registerReviewViews(reg: Registry, core: MockCore): void {
  reg.on('GET', BASE, (ctx) => ({ body: paginate(ctx, filtered(core, ctx)) }))
  reg.on('GET', `${BASE}/my-queue`, (ctx) => ({
    body: paginate(
      ctx,
      filtered(core, ctx, (i) => i.assigned_to === reviewer(ctx)),
    ),
  }))
  reg.on('GET', `${BASE}/history`, (ctx) => ({
    body: paginate(
      ctx,
      filtered(core, ctx, (i) => !!i.completed_at),
    ),
  }))
  reg.on('GET', `${BASE}/stats`, (ctx) => ({ body: stats(core, ctx.path.workspace_id) }))
  reg.on('GET', `${BASE}/dashboard`, (ctx) => ({ body: dashboard(core, ctx.path.workspace_id) }))
  reg.on('GET', `${BASE}/{item_id}`, (ctx) => ({ body: findItem(core, ctx) }))
}

/** Claim an item for the caller, or give it back. */
function registerReviewClaims(reg: Registry, core: MockCore): void {
  reg.on('POST', `${BASE}/{item_id}/claim`, (ctx) => {
    const item = findItem(core, ctx)
    const me = reviewer(ctx)
    if (item.assigned_to && item.assigned_to !== me) throw conflict('Review item is claimed by someone else')
    item.assigned_to = me
    if (item.status === 'pending') item.status = 'in_progress'
    return { body: { id: item.id, assigned_to: me, status: item.status } }
  })
  reg.on('POST', `${BASE}/{item_id}/unclaim`, (ctx) => {
    const item = findItem(core, ctx)
    item.assigned_to = null
    if (item.status === 'in_progress') item.status = 'pending'
    return { body: { id: item.id, assigned_to: '', status: item.status } }
  })
}

/** Approve, reject or correct one item, or approve or reject many. */
function registerReviewDecisions(reg: Registry, core: MockCore): void {
  reg.on('POST', `${BASE}/{item_id}/approve`, (ctx) => ({
    body: complete(core, ctx, findItem(core, ctx), 'approved', { notes: ctx.body?.notes ?? null }),
  }))
  reg.on('POST', `${BASE}/{item_id}/reject`, (ctx) => ({
    body: complete(core, ctx, findItem(core, ctx), 'rejected', { rejection_reason: ctx.body.reason }),
  }))
  reg.on('POST', `${BASE}/{item_id}/correct`, (ctx) => ({
    body: complete(core, ctx, findItem(core, ctx), 'corrected', {
      corrected_data: ctx.body.corrected_data,
      notes: ctx.body.notes ?? null,
    }),
  }))
  const batch = (action: 'approved' | 'rejected') => (ctx: HandlerContext) => {
    const succeeded: string[] = []
    const failed: Row[] = []
    for (const id of ctx.body.item_ids as string[]) {
      try {
        const extra = action === 'rejected' ? { rejection_reason: ctx.body.reason } : {}
        complete(core, ctx, findItem(core, ctx, id), action, extra)
        succeeded.push(id)
      } catch (e) {
        failed.push({ item_id: id, error: (e as Error).message })
      }
    }
    return { body: { succeeded, failed } }
  }
  reg.on('POST', `${BASE}/batch-approve`, batch('approved'))
  reg.on('POST', `${BASE}/batch-reject`, batch('rejected'))
}
