import type { ConversationRow, EntityRow, ServiceRow } from '../rows'
import { DAY, iso } from '../time'
import { UTTERANCES } from './calls'
import type { SampleContext } from './context'

/** Three closed web conversations of the text service, one per day before the start day. */
export function sampleConversations(
  { random: r, epoch: t0, workspaceId: ws, row }: SampleContext,
  patients: EntityRow[],
  textService: ServiceRow,
): ConversationRow[] {
  return [0, 1, 2].map((i) => {
    const created = iso(t0 - (3 - i) * DAY)
    const [userLine, agentLine] = UTTERANCES[i]!
    return row<ConversationRow>('ConversationDetail', {
      id: r.uuid(),
      workspace_id: ws,
      service_id: textService.id,
      entity_id: patients[i]!.id,
      channel_kind: 'web',
      lifecycle: 'closed',
      status: 'completed',
      created_at: created,
      updated_at: created,
      turn_count: 2,
      turns: [
        { role: 'user', text: userLine, timestamp: created, content: [] },
        { role: 'agent', text: agentLine, timestamp: created, content: [] },
      ],
    })
  })
}
