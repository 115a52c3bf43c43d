import type { OperatorRow } from '../rows'
import { DAY, iso } from '../time'
import type { SampleContext } from './context'

const OPERATORS = [
  ['Dana Lee', 'online'],
  ['Chris Park', 'offline'],
  ['Jordan Blake', 'online'],
] as const

/** Three human operators, two of them online. */
export function sampleOperators({
  random: r,
  epoch: t0,
  workspaceId: ws,
  row,
}: SampleContext): OperatorRow[] {
  return OPERATORS.map(([name, status]) =>
    row<OperatorRow>('OperatorResponse', {
      id: r.uuid(),
      workspace_id: ws,
      name,
      email: `${name.split(' ')[0]!.toLowerCase()}@acme.example`,
      role: 'operator',
      status,
      connection_method: 'browser',
      skills: ['scheduling'],
      avg_handle_time_seconds: 240,
      total_escalations_handled: r.int(3, 40),
      active_call_sid: null,
      type: 'administrative',
      created_at: iso(t0 - 100 * DAY),
      updated_at: iso(t0 - 2 * DAY),
    }),
  )
}
