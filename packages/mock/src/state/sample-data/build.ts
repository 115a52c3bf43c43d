// The sample workspace the mock starts with: same seed, same ids, keys and content. Each domain
// builds its rows in its own file; this one fixes the order they draw from the PRNG in.
import type {
  AgentRow,
  AgentVersionRow,
  ApiKeyRow,
  CallRow,
  CallScript,
  ContextGraphRow,
  ConversationRow,
  DataSourceRow,
  EntityEventRow,
  EntityRow,
  FunctionRow,
  IntegrationRow,
  OperatorRow,
  ReviewItemRow,
  Row,
  ServiceRow,
  SkillRow,
  TriggerRow,
  TriggerRunRow,
  WorkspaceRow,
} from '../rows'
import { sampleAgents } from './agents'
import { sampleCalls } from './calls'
import { sampleConnectors } from './connectors'
import type { SampleContext } from './context'
import { sampleConversations } from './conversations'
import { sampleOperators } from './operators'
import { sampleReviewItems } from './review-queue'
import { sampleServices } from './services'
import { sampleTriggers } from './triggers'
import { sampleWorkspaces } from './workspaces'
import { sampleWorld } from './world'

/** Every row the store starts with, by table. */
export interface SampleData {
  workspaceId: string
  /** An API key of the sample workspace with every scope. */
  apiKey: string
  workspaces: WorkspaceRow[]
  apiKeys: ApiKeyRow[]
  agents: AgentRow[]
  agentVersions: Map<string, AgentVersionRow[]>
  contextGraphs: ContextGraphRow[]
  skills: SkillRow[]
  services: ServiceRow[]
  entities: EntityRow[]
  entityEvents: Map<string, EntityEventRow[]>
  calls: CallRow[]
  callScripts: Map<string, CallScript>
  conversations: ConversationRow[]
  triggers: TriggerRow[]
  triggerRuns: Map<string, TriggerRunRow[]>
  reviewItems: ReviewItemRow[]
  operators: OperatorRow[]
  dataSources: DataSourceRow[]
  integrations: IntegrationRow[]
  functions: FunctionRow[]
  customTables: Map<string, Map<string, Row[]>>
}

/** Builds the sample workspace from the store's PRNG (seeded with `seed`). */
export function buildSampleData(options: Omit<SampleContext, 'workspaceId'> & { seed: number }): SampleData {
  const { random: r, seed } = options
  const workspaceId = r.uuid()
  const apiKey = `amg_test_${r.hex(8)}_${seed}_${r.hex(24)}`
  const ctx: SampleContext = { random: r, epoch: options.epoch, workspaceId, row: options.row }
  const { workspaces, apiKeys } = sampleWorkspaces(ctx, apiKey)
  const { agents, agentVersions } = sampleAgents(ctx)
  const { contextGraphs, skills, services } = sampleServices(ctx, agents)
  const { entities, entityEvents } = sampleWorld(ctx)
  const patients = entities.filter((e) => e.entity_type === 'patient')
  const { calls, callScripts } = sampleCalls(ctx, patients, services)
  return {
    workspaceId,
    apiKey,
    workspaces,
    apiKeys,
    agents,
    agentVersions,
    contextGraphs,
    skills,
    services,
    entities,
    entityEvents,
    calls,
    callScripts,
    conversations: sampleConversations(ctx, patients, services[1]!),
    ...sampleTriggers(ctx, skills[0]!),
    reviewItems: sampleReviewItems(ctx, patients),
    operators: sampleOperators(ctx),
    ...sampleConnectors(ctx),
  }
}
