import type { AgentRow, AgentVersionRow } from '../rows'
import { DAY, iso } from '../time'
import type { SampleContext } from './context'

const AGENTS = [
  ['Patient Intake Agent', 'Handles inbound scheduling calls', 'Alex'],
  ['Billing Assistant', 'Answers billing and insurance questions', 'Sam'],
  ['Lab Results Agent', 'Tells patients when results are ready', 'Riley'],
] as const

/** Three agents, each with two versions. */
export function sampleAgents(ctx: SampleContext): {
  agents: AgentRow[]
  agentVersions: Map<string, AgentVersionRow[]>
} {
  const { random: r, epoch: t0, workspaceId: ws, row } = ctx
  const agentVersions = new Map<string, AgentVersionRow[]>()
  const agents = AGENTS.map(([name, description, persona], i) => {
    const id = r.uuid()
    const created = iso(t0 - (90 - i) * DAY)
    const versions = [1, 2].map((v) => sampleVersion(ctx, id, v, persona))
    agentVersions.set(id, versions)
    return row<AgentRow>('AgentResponse', {
      id,
      workspace_id: ws,
      name,
      description,
      latest_version: versions.length,
      created_at: created,
      updated_at: created,
    })
  })
  return { agents, agentVersions }
}

function sampleVersion(
  { random: r, epoch: t0, workspaceId: ws, row }: SampleContext,
  agentId: string,
  version: number,
  persona: string,
): AgentVersionRow {
  return row<AgentVersionRow>('AgentVersionResponse', {
    id: r.uuid(),
    agent_id: agentId,
    workspace_id: ws,
    version,
    name: `v${version}`,
    initials: persona.slice(0, 2).toUpperCase(),
    background: `${persona} works for Acme Health.`,
    behaviors: ['Be concise', 'Confirm identity before sharing details'],
    communication_patterns: ['Warm and professional'],
    identity: {
      name: persona,
      role: 'Coordinator',
      developed_by: 'Acme Health',
      default_spoken_language: 'en',
      relationship_to_developer: {
        ownership: 'Acme Health',
        type: 'assistant',
        conversation_visibility: 'public',
        thought_visibility: 'private',
      },
    },
    voice_config: { voice_id: `voice-${persona.toLowerCase()}`, tts_provider: 'cartesia' },
    created_at: iso(t0 - (80 - version) * DAY),
    updated_at: iso(t0 - (80 - version) * DAY),
  })
}
