import { paginate } from '../http/paging'
import type { MockCore, Registry } from '../http/types'
import { HOUR } from '../state/time'
import { crud, type FindRow, flagMatches } from './crud'

const ITEM = '/v1/{workspace_id}/triggers/{trigger_id}'

/** Triggers (automations): CRUD, fire, pause, resume and run history. */
export function registerTriggers(reg: Registry, core: MockCore): void {
  const find = registerTriggerRecords(reg, core)
  registerTriggerFire(reg, core, find)
  registerTriggerControls(reg, core, find)
}

/** Create, list, read, update and delete triggers, each with an empty run history; returns the lookup of one. */
function registerTriggerRecords(reg: Registry, core: MockCore): FindRow {
  const { store } = core
  return crud(reg, core, {
    base: '/v1/{workspace_id}/triggers',
    idParam: 'trigger_id',
    table: store.triggers,
    schema: 'TriggerResponse',
    label: 'Trigger',
    filter: (r, q) => flagMatches(r.is_active, q.is_active),
    create: (ctx) => ({
      is_active: true,
      timezone: ctx.body.timezone ?? 'UTC',
      input_template: ctx.body.input_template ?? {},
      created_by: 'api',
    }),
    after: (action, row) => {
      if (action === 'created') store.triggerRuns.set(row.id, [])
    },
  })
}

/** Fire a trigger by hand: a `trigger.fired` run, then a `trigger.completed` one shortly after. */
function registerTriggerFire(reg: Registry, core: MockCore, find: FindRow): void {
  const { store } = core
  reg.on('POST', `${ITEM}/fire`, (ctx) => {
    const t = find(ctx)
    const eventId = store.id()
    const now = store.now()
    const input = { ...(t.input_template ?? {}), ...(ctx.body?.input ?? {}) }
    const runs = store.triggerRuns.get(t.id) ?? []
    runs.unshift({
      event_id: eventId,
      event_type: 'trigger.fired',
      data: { trigger_id: t.id, manual: true, input },
      created_at: now,
      effective_at: now,
    })
    store.triggerRuns.set(t.id, runs)
    core.emit(
      'trigger.fired',
      { trigger_id: t.id, trigger_name: t.name, manual: true },
      ctx.path.workspace_id,
    )
    // The action "runs" right away in the mock: a completion follows the fire.
    setTimeout(() => {
      const done = store.now()
      runs.unshift({
        event_id: store.id(),
        event_type: 'trigger.completed',
        data: { trigger_id: t.id, status: 'completed' },
        created_at: done,
        effective_at: done,
      })
      core.emit(
        'trigger.completed',
        { trigger_id: t.id, trigger_name: t.name, status: 'completed' },
        ctx.path.workspace_id,
      )
    }, 10).unref?.()
    return { body: { fired_event_id: eventId, status: 'fired', trigger_id: t.id } }
  })
}

/** Pause and resume a trigger, and page through its run history. */
function registerTriggerControls(reg: Registry, core: MockCore, find: FindRow): void {
  const { store } = core
  for (const [action, active] of [
    ['pause', false],
    ['resume', true],
  ] as const) {
    reg.on('POST', `${ITEM}/${action}`, (ctx) => {
      const t = find(ctx)
      t.is_active = active
      t.updated_at = store.now()
      t.next_fire_at = active && t.schedule ? new Date(Date.now() + HOUR).toISOString() : null
      return { body: t }
    })
  }
  reg.on('GET', `${ITEM}/runs`, (ctx) => ({ body: paginate(ctx, store.triggerRuns.get(find(ctx).id) ?? []) }))
}
