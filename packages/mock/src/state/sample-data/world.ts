import type { EntityEventRow, EntityRow } from '../rows'
import { DAY, HOUR, iso } from '../time'
import type { SampleContext } from './context'

/** The sample patients, by name. */
const PEOPLE = [
  'Jane Doe',
  'John Smith',
  'Maria Garcia',
  'Wei Chen',
  'Aisha Khan',
  'Liam Murphy',
  'Sofia Rossi',
  'Noah Cohen',
  'Emma Dubois',
  'Kenji Sato',
  'Olivia Brown',
  'Lucas Silva',
  'Amara Okafor',
  'Ethan Walker',
  'Priya Patel',
]

const EVENT_TYPES = ['patient.registered', 'call.completed', 'appointment.scheduled']

/** Patients with a three-event timeline each, then five booked follow-up appointments. */
export function sampleWorld(ctx: SampleContext): {
  entities: EntityRow[]
  entityEvents: Map<string, EntityEventRow[]>
} {
  const entities: EntityRow[] = []
  const entityEvents = new Map<string, EntityEventRow[]>()
  PEOPLE.forEach((name, i) => {
    const patient = samplePatient(ctx, name, i)
    entities.push(patient)
    entityEvents.set(patient.id, samplePatientEvents(ctx, name, t0Of(ctx, i)).reverse())
  })
  for (let i = 0; i < 5; i++) entities.push(sampleAppointment(ctx, i))
  return { entities, entityEvents }
}

/** When patient `i` was first seen, ms. */
const t0Of = ({ epoch }: SampleContext, i: number) => epoch - (60 - i) * DAY

function samplePatient(ctx: SampleContext, name: string, i: number): EntityRow {
  const created = t0Of(ctx, i)
  return ctx.row<EntityRow>('EntityResponse', {
    id: ctx.random.uuid(),
    workspace_id: ctx.workspaceId,
    entity_type: 'patient',
    display_name: name,
    name,
    canonical_id: `MRN-${1000 + i}`,
    mrn: `MRN-${1000 + i}`,
    phone: `+1555010${String(i).padStart(4, '0')}`,
    email: `${name.toLowerCase().replace(/\s+/g, '.')}@example.com`,
    birth_date: `19${60 + i}-0${(i % 9) + 1}-1${i % 9}`,
    source: 'ehr',
    confidence: 0.9,
    event_count: 3,
    tags: i % 3 === 0 ? ['vip'] : [],
    state: { status: 'active' },
    created_at: iso(created),
    updated_at: iso(created + DAY),
    first_seen_at: iso(created),
    last_event_at: iso(created + 3 * DAY),
  })
}

/** A patient's timeline, oldest first. */
function samplePatientEvents({ random: r, row }: SampleContext, name: string, created: number) {
  return EVENT_TYPES.map((eventType, k) =>
    row<EntityEventRow>('EntityEventResponse', {
      id: r.uuid(),
      domain: k === 0 ? 'clinical' : 'communication',
      event_type: eventType,
      entity_type: 'patient',
      data: { note: `${name} event ${k + 1}` },
      source: 'ehr',
      confidence: 0.9,
      is_current: true,
      created_at: iso(created + k * DAY),
      effective_at: iso(created + k * DAY),
      sync_status: 'synced',
    }),
  )
}

function sampleAppointment({ random: r, epoch: t0, workspaceId: ws, row }: SampleContext, i: number) {
  const start = t0 + (i + 1) * DAY + 9 * HOUR
  return row<EntityRow>('EntityResponse', {
    id: r.uuid(),
    workspace_id: ws,
    entity_type: 'appointment',
    display_name: `Follow-up visit ${i + 1}`,
    appointment_start: iso(start),
    appointment_end: iso(start + 1_800_000),
    appointment_status: 'booked',
    appointment_type: 'follow-up',
    source: 'ehr',
    confidence: 1,
    event_count: 1,
    state: {},
    tags: [],
    created_at: iso(t0 - DAY),
    updated_at: iso(t0 - DAY),
  })
}
