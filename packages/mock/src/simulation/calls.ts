import type { MockCore } from '../http/types'
import type { CallRow } from '../state/rows'

/**
 * Creates a live inbound call in the service's workspace: emits `call.started` now and `call.ended`
 * after `durationMs`.
 */
export function simulateCall(core: MockCore, opts: { serviceId?: string; durationMs?: number }): string {
  const { store } = core
  const service =
    (opts.serviceId ? store.services.get(opts.serviceId) : undefined) ?? store.services.list()[0]!
  const ws = service.workspace_id
  const patients = store.entities.list((e) => e.entity_type === 'patient')
  // A workspace without patients of its own still gets a caller (the sample one's first).
  const patient = patients.find((e) => e.workspace_id === ws) ?? patients[0]!
  const sid = `CA${store.random.hex(32)}`
  const row = store.makeUnchecked<CallRow>('CallSummary', {
    call_sid: sid,
    workspace_id: ws,
    entity_id: patient.id,
    caller_id: patient.phone,
    phone_number: '+15550001000',
    direction: 'inbound',
    duration_seconds: null,
    completion_reason: null,
    escalation_status: 'none',
    has_recording: false,
    quality_score: null,
    service_id: service.id,
    source: 'real',
    started_at: store.now(),
    status: 'in-progress',
    turns: 0,
  })
  store.calls.put(row)
  core.emit(
    'call.started',
    {
      call_sid: sid,
      caller_id: patient.phone,
      direction: 'inbound',
      service_id: service.id,
    },
    ws,
  )
  const duration = opts.durationMs ?? 200
  const timer = setTimeout(() => {
    row.status = 'completed'
    row.completion_reason = 'completed'
    row.duration_seconds = Math.round(duration / 100) / 10
    row.turns = 2
    row.final_state = 'farewell'
    core.emit(
      'call.ended',
      {
        call_sid: sid,
        completion_reason: 'completed',
        direction: 'inbound',
        duration_seconds: row.duration_seconds,
        escalated: false,
      },
      ws,
    )
  }, duration)
  timer.unref?.()
  return sid
}
