import type { CallRow, CallScript, EntityRow, ServiceRow } from '../rows'
import { DAY, HOUR, iso } from '../time'
import type { SampleContext } from './context'

/** What a caller says and what the agent answers, for calls and text conversations. */
export const UTTERANCES: Array<[string, string]> = [
  ['Hi, I would like to book a follow-up appointment.', 'Of course. Could you tell me your date of birth?'],
  ['I need to reschedule my visit on Tuesday.', 'No problem. Which day works better for you?'],
  [
    'Can you check whether my lab results are in?',
    'Your results are ready; your clinician will call you today.',
  ],
  ['I have a question about my bill.', 'I can help with that. Could you confirm your account number?'],
]

const COMPLETIONS = ['completed', 'completed', 'completed', 'escalated', 'abandoned'] as const

/**
 * Fifty calls spread over the 30 days before the start day (so "last 30 days" analytics always have
 * data), mostly inbound to the voice service, each with its scripted lines.
 */
export function sampleCalls(
  ctx: SampleContext,
  patients: EntityRow[],
  services: ServiceRow[],
): { calls: CallRow[]; callScripts: Map<string, CallScript> } {
  const calls: CallRow[] = []
  const callScripts = new Map<string, CallScript>()
  for (let i = 0; i < 50; i++) {
    const { call, script } = sampleCall(
      ctx,
      i,
      patients[i % patients.length]!,
      services[i % 5 === 4 ? 1 : 0]!,
    )
    calls.push(call)
    callScripts.set(call.call_sid, script)
  }
  return { calls, callScripts }
}

function sampleCall(
  { random: r, epoch: t0, workspaceId: ws, row }: SampleContext,
  i: number,
  patient: EntityRow,
  service: ServiceRow,
): { call: CallRow; script: CallScript } {
  const sid = `CA${r.hex(32)}`
  const started = t0 - r.int(0, 29) * DAY + r.int(8, 17) * HOUR + r.int(0, 59) * 60_000 - DAY
  const completion = r.pick(COMPLETIONS)
  const [userLine, agentLine] = r.pick(UTTERANCES)
  // The literal's order is the order the PRNG is drawn in: keep it.
  const call = row<CallRow>('CallSummary', {
    call_sid: sid,
    workspace_id: ws,
    entity_id: patient.id,
    caller_id: patient.phone,
    phone_number: '+15550001000',
    direction: i % 4 === 3 ? 'outbound' : 'inbound',
    duration_seconds: r.int(45, 600),
    completion_reason: completion,
    escalation_status: completion === 'escalated' ? 'completed' : 'none',
    final_state: completion === 'completed' ? 'farewell' : 'schedule',
    has_recording: true,
    quality_score: Math.round((0.55 + r.next() * 0.45) * 100) / 100,
    service_id: service.id,
    source: 'real',
    started_at: iso(started),
    status: 'completed',
    turns: r.int(4, 14),
  })
  return { call, script: { userLine, agentLine } }
}
