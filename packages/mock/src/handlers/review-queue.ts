import { paginate } from '../http/paging'
import { conflict, type HandlerContext, type MockCore, notFound, type Registry } from '../http/types'

type Row = Record<string, any>
const BASE = '/v1/{workspace_id}/review-queue'

/** Review queue: list, stats, dashboard, claim/unclaim, approve, reject, correct, batch actions. */
export function registerReviewQueue(reg: Registry, core: MockCore): void {
  const { store } = core
  const reviewer = (ctx: HandlerContext) => ctx.principal?.subject ?? 'anonymous'
  const find = (ctx: HandlerContext, id = ctx.path.item_id as string) => {
    const item = store.reviewItems.get(id)
    if (!item || item.workspace_id !== ctx.path.workspace_id) throw notFound('Review item')
    return item
  }
  const complete = (
    ctx: HandlerContext,
    item: Row,
    action: 'approved' | 'rejected' | 'corrected',
    extra: Row = {},
  ) => {
    if (item.status === 'completed' || item.status === 'rejected')
      throw conflict('Review item is already completed')
    item.status = action === 'rejected' ? 'rejected' : 'completed'
    item.completed_action = action
    item.completed_at = store.now()
    item.assigned_to = item.assigned_to ?? reviewer(ctx)
    Object.assign(item, extra)
    core.emit(
      'review.submitted',
      { action, item_id: item.id, entity_id: item.entity_id, entity_type: item.entity_type, count: 1 },
      ctx.path.workspace_id,
    )
    return item
  }
  const stats = (ws: string) => {
    const items = store.reviewItems.list((i) => i.workspace_id === ws)
    return {
      pending: items.filter((i) => i.status === 'pending' || i.status === 'in_progress').length,
      completed: items.filter((i) => i.status === 'completed').length,
      rejected: items.filter((i) => i.status === 'rejected').length,
      avg_review_minutes: 4.5,
    }
  }
  const filtered = (ctx: HandlerContext, extra: (i: Row) => boolean = () => true) => {
    const q = ctx.query
    let rows = store.reviewItems.list(
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
  reg.on('GET', BASE, (ctx) => ({ body: paginate(ctx, filtered(ctx)) }))
  reg.on('GET', `${BASE}/my-queue`, (ctx) => ({
    body: paginate(
      ctx,
      filtered(ctx, (i) => i.assigned_to === reviewer(ctx)),
    ),
  }))
  reg.on('GET', `${BASE}/history`, (ctx) => ({
    body: paginate(
      ctx,
      filtered(ctx, (i) => !!i.completed_at),
    ),
  }))
  reg.on('GET', `${BASE}/stats`, (ctx) => ({ body: stats(ctx.path.workspace_id) }))
  reg.on('GET', `${BASE}/dashboard`, (ctx) => {
    const items = store.reviewItems.list((i) => i.workspace_id === ctx.path.workspace_id)
    const pending = items.filter((i) => i.status === 'pending')
    const byPriority: Record<string, number> = {}
    const byReason = new Map<string, number>()
    for (const i of pending) {
      byPriority[String(i.priority)] = (byPriority[String(i.priority)] ?? 0) + 1
      byReason.set(i.reason, (byReason.get(i.reason) ?? 0) + 1)
    }
    const s = stats(ctx.path.workspace_id)
    const done = s.completed + s.rejected
    return {
      body: {
        stats: s,
        pending_by_priority: byPriority,
        pending_by_reason: [...byReason].map(([reason, count]) => ({ reason, count })),
        recent_completed: items.filter((i) => i.completed_at).slice(-5),
        completion_rate_24h: items.length ? done / items.length : null,
      },
    }
  })
  reg.on('GET', `${BASE}/{item_id}`, (ctx) => ({ body: find(ctx) }))
  reg.on('POST', `${BASE}/{item_id}/claim`, (ctx) => {
    const item = find(ctx)
    const me = reviewer(ctx)
    if (item.assigned_to && item.assigned_to !== me) throw conflict('Review item is claimed by someone else')
    item.assigned_to = me
    if (item.status === 'pending') item.status = 'in_progress'
    return { body: { id: item.id, assigned_to: me, status: item.status } }
  })
  reg.on('POST', `${BASE}/{item_id}/unclaim`, (ctx) => {
    const item = find(ctx)
    item.assigned_to = null
    if (item.status === 'in_progress') item.status = 'pending'
    return { body: { id: item.id, assigned_to: '', status: item.status } }
  })
  reg.on('POST', `${BASE}/{item_id}/approve`, (ctx) => ({
    body: complete(ctx, find(ctx), 'approved', { notes: ctx.body?.notes ?? null }),
  }))
  reg.on('POST', `${BASE}/{item_id}/reject`, (ctx) => ({
    body: complete(ctx, find(ctx), 'rejected', { rejection_reason: ctx.body.reason }),
  }))
  reg.on('POST', `${BASE}/{item_id}/correct`, (ctx) => ({
    body: complete(ctx, find(ctx), 'corrected', {
      corrected_data: ctx.body.corrected_data,
      notes: ctx.body.notes ?? null,
    }),
  }))
  const batch = (action: 'approved' | 'rejected') => (ctx: HandlerContext) => {
    const succeeded: string[] = []
    const failed: Row[] = []
    for (const id of ctx.body.item_ids as string[]) {
      try {
        complete(
          ctx,
          find(ctx, id),
          action,
          action === 'rejected' ? { rejection_reason: ctx.body.reason } : {},
        )
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
