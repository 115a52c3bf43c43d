import { inWorkspace } from '../http/in-workspace'
import { paginate } from '../http/paging'
import { type HandlerContext, HttpError, type MockCore, type Registry } from '../http/types'
import { crud, type FindRow } from './crud'

const BASE = '/v1/{workspace_id}/operators'

/** Operators: profiles, dashboard, queue, and the call controls (join, leave, mode, guidance, wrap-up). */
export function registerOperators(reg: Registry, core: MockCore): void {
  const findOperator = registerOperatorProfiles(reg, core)
  registerOperatorBoard(reg, core)
  registerCallPresence(reg, core, findOperator)
  registerCallActions(reg, core, findOperator)
}

/** The call of the workspace a request body names, or 404. */
function callOf(core: MockCore, ctx: HandlerContext) {
  return inWorkspace(core.store.calls, String(ctx.body.call_sid), ctx.path.workspace_id, 'Call')
}

/** Create, list, read, update and delete operator profiles, announcing registrations and updates; returns the lookup of one. */
function registerOperatorProfiles(reg: Registry, core: MockCore): FindRow {
  return crud(reg, core, {
    base: BASE,
    idParam: 'operator_id',
    table: core.store.operators,
    schema: 'OperatorResponse',
    label: 'Operator',
    create: () => ({
      status: 'offline',
      avg_handle_time_seconds: 0,
      total_escalations_handled: 0,
      skills: [],
      active_call_sid: null,
    }),
    after: (action, row, ctx) => {
      if (action === 'created')
        core.emit(
          'operator.registered',
          { operator_id: row.id, timestamp: row.created_at },
          ctx.path.workspace_id,
        )
      if (action === 'updated')
        core.emit(
          'operator.profile_updated',
          { operator_id: row.id, changes: ctx.body },
          ctx.path.workspace_id,
        )
    },
  })
}

/** The dashboard, the queue and the active escalations. */
function registerOperatorBoard(reg: Registry, core: MockCore): void {
  const { store } = core
  const escalated = (ws: string) =>
    store.calls
      .list((c) => c.workspace_id === ws && !!c.escalation_status && c.escalation_status !== 'none')
      .slice(0, 5)
  reg.on('GET', `${BASE}/dashboard`, (ctx) => {
    const ops = store.operators.list((o) => o.workspace_id === ctx.path.workspace_id)
    const count = (s: string) => ops.filter((o) => o.status === s).length
    return {
      body: {
        workspace_id: ctx.path.workspace_id,
        active_escalations: 0,
        escalations_today: {
          requested: escalated(ctx.path.workspace_id).length,
          connected: escalated(ctx.path.workspace_id).length,
          completed: escalated(ctx.path.workspace_id).length,
          avg_wait_seconds: 12,
          avg_handle_time_seconds: 240,
        },
        operators: {
          online: count('online'),
          busy: count('busy'),
          offline: count('offline'),
          total: ops.length,
        },
        recent_escalations: [],
      },
    }
  })
  reg.on('GET', `${BASE}/queue`, (ctx) => ({
    body: { workspace_id: ctx.path.workspace_id, queue: [], total_active: 0 },
  }))
  reg.on('GET', `${BASE}/escalations/active`, (ctx) => ({ body: paginate(ctx, []) }))
}

/** Join and leave a call. */
function registerCallPresence(reg: Registry, core: MockCore, find: FindRow): void {
  const { store } = core
  reg.on('POST', `${BASE}/{operator_id}/join-call`, (ctx) => {
    const o = find(ctx)
    const call = callOf(core, ctx)
    const mode = ctx.body.mode ?? 'listen'
    o.status = 'busy'
    o.active_call_sid = call.call_sid
    core.emit(
      'operator.joined_call',
      { operator_id: o.id, call_sid: call.call_sid, mode },
      ctx.path.workspace_id,
    )
    return {
      body: {
        conference_sid: `CF${store.random.hex(32)}`,
        mode,
        operator_entity_id: o.id,
        participant_call_sid: `CA${store.random.hex(32)}`,
      },
    }
  })
  reg.on('POST', `${BASE}/{operator_id}/leave-call`, (ctx) => {
    const o = find(ctx)
    const call = callOf(core, ctx)
    o.status = 'online'
    o.active_call_sid = null
    core.emit(
      'operator.left_call',
      { operator_id: o.id, call_sid: call.call_sid, human_segment_turn_count: 0 },
      ctx.path.workspace_id,
    )
    return { body: { success: true } }
  })
}

/** Switch the listening mode, send guidance to the agent, wrap up after a call. */
function registerCallActions(reg: Registry, core: MockCore, find: FindRow): void {
  const { store } = core
  reg.on('POST', `${BASE}/{operator_id}/switch-mode`, (ctx) => {
    const o = find(ctx)
    callOf(core, ctx)
    core.emit(
      'operator.mode_changed',
      { operator_id: o.id, call_sid: ctx.body.call_sid, mode: ctx.body.mode },
      ctx.path.workspace_id,
    )
    return { body: { mode: ctx.body.mode } }
  })
  reg.on('POST', `${BASE}/{operator_id}/send-guidance`, (ctx) => {
    const o = find(ctx)
    const sid = ctx.body.call_sid ?? o.active_call_sid
    const text = ctx.body.message ?? ctx.body.text
    if (!sid) throw new HttpError(409, { detail: 'Operator is not on a call; pass call_sid' })
    if (!text)
      throw new HttpError(422, {
        detail: [{ loc: ['body', 'message'], msg: 'Field required', type: 'missing' }],
      })
    return { body: { call_sid: sid, status: 'delivered' } }
  })
  reg.on('POST', `${BASE}/{operator_id}/wrap-up`, (ctx) => {
    const o = find(ctx)
    const sid = ctx.body.call_sid ?? o.active_call_sid
    o.status = 'online'
    o.active_call_sid = null
    o.last_call_at = store.now()
    if (sid)
      core.emit(
        'operator.wrap_up',
        { call_sid: sid, wrap_up_reason: ctx.body.outcome },
        ctx.path.workspace_id,
      )
    return { body: { success: true } }
  })
}
