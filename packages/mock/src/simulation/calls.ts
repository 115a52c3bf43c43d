import { MAX_TIMER_MS } from '../faults/check'
import type { MockCore } from '../http/types'
import type { CallRow, EntityRow, ServiceRow } from '../state/rows'
import type { Store } from '../state/store'

/**
 * Creates a live inbound call in the service's workspace: emits `call.started` now and `call.ended`
 * after `durationMs`. Throws when `serviceId` names no service (see `serviceFor`).
 */
export function simulateCall(core: MockCore, opts: { serviceId?: string; durationMs?: number }): string {
  checkOptions(opts)
  const { store } = core
  const service = serviceFor(store, opts.serviceId)
  const ws = service.workspace_id
  const patient = callerIn(store, ws)
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

/**
 * Throws a TypeError naming the first option of the wrong type or out of range. A `durationMs` past
 * the longest timer would end the call at once (Node fires such timers after 1 ms), a negative or
 * NaN one would end it with a negative or null duration.
 */
function checkOptions(opts: unknown): asserts opts is { serviceId?: string; durationMs?: number } {
  const where = 'platform-mock: simulateCall'
  if (typeof opts !== 'object' || opts === null) throw new TypeError(`${where}: options must be an object`)
  const { serviceId, durationMs } = opts as Record<string, unknown>
  if (serviceId !== undefined && typeof serviceId !== 'string')
    throw new TypeError(`${where}: serviceId must be a string, got ${typeof serviceId}`)
  if (
    durationMs !== undefined &&
    (typeof durationMs !== 'number' || !(durationMs >= 0 && durationMs <= MAX_TIMER_MS))
  )
    throw new TypeError(
      `${where}: durationMs must be a number from 0 to ${MAX_TIMER_MS}, got ${typeof durationMs === 'number' ? durationMs : typeof durationMs}`,
    )
}

/**
 * The service a simulated call plays: `serviceId`'s, or the sample workspace's first. Falling back to
 * some other service would run the call in a workspace the caller did not ask for, so an unknown id,
 * or no id while the sample workspace has no service left, throws an Error naming what is missing.
 */
function serviceFor(store: Store, serviceId: string | undefined): ServiceRow {
  const where = 'platform-mock: simulateCall'
  const sample = store.services.list((s) => s.workspace_id === store.workspaceId)
  const has = sample.length ? `has ${sample.map((s) => s.id).join(', ')}` : 'has no services'
  if (serviceId !== undefined) {
    const service = store.services.get(serviceId)
    if (service) return service
    throw new Error(
      `${where}: unknown serviceId "${serviceId}" (no workspace of the mock has it; the sample workspace ${store.workspaceId} ${has})`,
    )
  }
  if (sample[0]) return sample[0]
  throw new Error(
    `${where}: the sample workspace ${store.workspaceId} has no services; create one or pass the serviceId of a service of another workspace`,
  )
}

/**
 * The first patient of workspace `ws`. A workspace without one gets a new "Unknown caller" patient,
 * as the platform records a caller it has not met; the next simulated call there reuses it.
 */
function callerIn(store: Store, ws: string): EntityRow {
  const own = store.entities.list((e) => e.workspace_id === ws && e.entity_type === 'patient')[0]
  if (own) return own
  const now = store.now()
  return store.entities.put(
    store.makeUnchecked<EntityRow>('EntityResponse', {
      id: store.id(),
      workspace_id: ws,
      entity_type: 'patient',
      display_name: 'Unknown caller',
      name: 'Unknown caller',
      phone: `+1555020${String(store.random.int(0, 9999)).padStart(4, '0')}`,
      source: 'phone',
      confidence: 0.5,
      event_count: 0,
      tags: [],
      state: { status: 'active' },
      created_at: now,
      updated_at: now,
      first_seen_at: now,
      last_event_at: null,
    }),
  )
}
