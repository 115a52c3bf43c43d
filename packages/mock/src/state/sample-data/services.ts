import type { AgentRow, ContextGraphRow, ServiceRow, SkillRow } from '../rows'
import { DAY, iso } from '../time'
import type { SampleContext } from './context'

/** The states of the sample scheduling flow. */
const CALL_STATES = ['greeting', 'identify_patient', 'schedule', 'confirm', 'farewell']

const SKILLS = [
  ['schedule-appointment', 'Schedule Appointment', 'Books appointments in the scheduling system'],
  ['lookup-insurance', 'Lookup Insurance', 'Reads a patient insurance plan'],
] as const

/** A context graph, two actions (skills), and two services (one voice, one text) over the agents. */
export function sampleServices(
  { random: r, epoch: t0, workspaceId: ws, row }: SampleContext,
  agents: AgentRow[],
): { contextGraphs: ContextGraphRow[]; skills: SkillRow[]; services: ServiceRow[] } {
  const contextGraph = row<ContextGraphRow>('ContextGraphResponse', {
    id: r.uuid(),
    workspace_id: ws,
    name: 'Scheduling flow',
    description: 'Greeting, identification, scheduling, confirmation',
    latest_version: 1,
    state_count: CALL_STATES.length,
    created_at: iso(t0 - 85 * DAY),
    updated_at: iso(t0 - 20 * DAY),
  })
  const skills = SKILLS.map(([slug, name, description]) =>
    row<SkillRow>('SkillResponse', {
      id: r.uuid(),
      workspace_id: ws,
      slug,
      name,
      description,
      enabled: true,
      input_schema: {
        type: 'object',
        properties: { patient_id: { type: 'string' } },
        required: ['patient_id'],
      },
      version: 1,
      created_at: iso(t0 - 60 * DAY),
      updated_at: iso(t0 - 60 * DAY),
    }),
  )
  const channels: [string, 'voice' | 'text', AgentRow][] = [
    ['Main Line', 'voice', agents[0]!],
    ['Patient Chat', 'text', agents[1]!],
  ]
  const services = channels.map(([name, channel, agent]) =>
    row<ServiceRow>('ServiceResponse', {
      id: r.uuid(),
      workspace_id: ws,
      name,
      description: `${name} service`,
      channel_type: channel,
      agent_id: agent.id,
      agent_name: agent.name,
      context_graph_id: contextGraph.id,
      context_graph_name: contextGraph.name,
      is_active: true,
      keyterms: [],
      tags: [],
      tool_capacity: 8,
      version_sets: { release: { agent_version: 2, context_graph_version: 1 } },
      voice_config: channel === 'voice' ? { filler_style: 'backchannel', tts_provider: 'cartesia' } : null,
      created_at: iso(t0 - 70 * DAY),
      updated_at: iso(t0 - 5 * DAY),
    }),
  )
  return { contextGraphs: [contextGraph], skills, services }
}
