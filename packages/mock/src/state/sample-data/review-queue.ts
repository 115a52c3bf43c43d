import type { EntityRow, ReviewItemRow } from '../rows'
import { HOUR, iso } from '../time'
import type { SampleContext } from './context'

const REASONS = ['low_confidence', 'conflicting_data', 'phi_detected']

/** Eight pending review items, one per patient, an hour apart. */
export function sampleReviewItems(
  { random: r, epoch: t0, workspaceId: ws, row }: SampleContext,
  patients: EntityRow[],
): ReviewItemRow[] {
  return patients.slice(0, 8).map((p, i) =>
    row<ReviewItemRow>('ReviewItemResponse', {
      id: r.uuid(),
      workspace_id: ws,
      status: 'pending',
      priority: (i % 3) + 1,
      reason: r.pick(REASONS),
      session_id: `sess_${r.hex(12)}`,
      entity_id: p.id,
      entity_type: 'patient',
      entity: { id: p.id, display_name: p.display_name, entity_type: 'patient', state: {} },
      event_ids: [r.uuid()],
      events: null,
      assigned_to: null,
      completed_action: null,
      completed_at: null,
      judge_analysis: { confidence: 0.4 },
      created_at: iso(t0 - i * HOUR),
    }),
  )
}
