import type { SkillRow, TriggerRow, TriggerRunRow } from '../rows'
import { DAY, HOUR, iso } from '../time'
import type { SampleContext } from './context'

const TRIGGERS = [
  ['Daily outreach', '0 9 * * 1-5', true],
  ['Weekly reminder', '0 10 * * 1', false],
] as const

/** Two scheduled triggers of an action (one active), each with three past runs, newest first. */
export function sampleTriggers(
  { random: r, epoch: t0, workspaceId: ws, row }: SampleContext,
  action: SkillRow,
): { triggers: TriggerRow[]; triggerRuns: Map<string, TriggerRunRow[]> } {
  const triggerRuns = new Map<string, TriggerRunRow[]>()
  const triggers = TRIGGERS.map(([name, schedule, active]) => {
    const id = r.uuid()
    const trigger = row<TriggerRow>('TriggerResponse', {
      id,
      workspace_id: ws,
      name,
      schedule,
      timezone: 'America/New_York',
      action_id: action.id,
      event_type: 'trigger.scheduled',
      input_template: { campaign: 'follow-up' },
      is_active: active,
      description: null,
      event_filter: null,
      created_by: 'mock',
      next_fire_at: active ? iso(t0 + DAY + 9 * HOUR) : null,
      created_at: iso(t0 - 40 * DAY),
      updated_at: iso(t0 - 40 * DAY),
    })
    const runs = [1, 2, 3].map((k) =>
      row<TriggerRunRow>('TriggerRunResponse', {
        event_id: r.uuid(),
        event_type: 'trigger.completed',
        data: { trigger_id: id, status: 'completed' },
        created_at: iso(t0 - k * DAY),
        effective_at: iso(t0 - k * DAY),
      }),
    )
    triggerRuns.set(id, runs)
    return trigger
  })
  return { triggers, triggerRuns }
}
