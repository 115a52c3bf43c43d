// The one place resources are registered. `AmigoClient` gets one property per entry (its type is
// derived from this object), built on first access and then reused, so creating a client or a
// `withOptions` view costs the same however many resources there are; scripts/api-md.mjs reads this
// object literal to list the client's resources in api.md.
// To add a resource: write it (see ./base.ts), then add one line here.
import { ActionsResource } from './actions'
import { AgentsResource } from './agents'
import { AnalyticsResource } from './analytics'
import { ApiKeysResource } from './api-keys'
import { AuditResource } from './audit'
import type { APIResource, ResourceContext } from './base'
import { BillingResource } from './billing'
import { BriefsResource } from './briefs'
import { CallsResource } from './calls'
import { ChannelsResource } from './channels'
import { CommandCenterResource } from './command-center'
import { ComplianceResource } from './compliance'
import { ContextGraphsResource } from './context-graphs'
import { ConversationsResource } from './conversations'
import { CrmResource } from './crm'
import { DataQueryResource } from './data-query'
import { DataSourcesResource } from './data-sources'
import { DesktopSessionsResource } from './desktop-sessions'
import { EventsResource } from './events'
import { ExternalIntegrationsResource } from './external-integrations'
import { FhirResource } from './fhir'
import { FunctionsResource } from './functions'
import { InsightsResource } from './insights'
import { IntakeResource } from './intake'
import { IntegrationsResource } from './integrations'
import { MeResource } from './me'
import { MemoryResource } from './memory'
import { MetricsResource } from './metrics'
import { MonitorConceptsResource } from './monitor-concepts'
import { NetworkResource } from './network'
import { ObserversResource } from './observers'
import { OperatorsResource } from './operators'
import { PersonasResource } from './personas'
import { PhoneNumbersResource } from './phone-numbers'
import { PipelineResource } from './pipeline'
import { PromptLogsResource } from './prompt-logs'
import { RecordingsResource } from './recordings'
import { ReviewQueueResource } from './review-queue'
import { SafetyResource } from './safety'
import { SensoriumResource } from './sensorium'
import { ServicesResource } from './services'
import { SessionsResource } from './sessions'
import { SettingsResource } from './settings/settings'
import { SimulationsResource } from './simulations'
import { SkillsResource } from './skills'
import { SurfacesResource } from './surfaces'
import { TasksResource } from './tasks'
import { TokensResource } from './tokens'
import { ToolsResource } from './tools'
import { TriggersResource } from './triggers'
import { UnificationRulesResource } from './unification-rules'
import { WebhookDestinationsResource } from './webhook-destinations'
import { WorkspaceDataQueriesResource } from './workspace-data-queries'
import { WorkspacesResource } from './workspaces'
import { WorldResource } from './world'

/** Every resource of the client: property name → resource class. */
export const RESOURCES = {
  tokens: TokensResource,
  agents: AgentsResource,
  actions: ActionsResource,
  services: ServicesResource,
  world: WorldResource,
  calls: CallsResource,
  conversations: ConversationsResource,
  events: EventsResource,
  observers: ObserversResource,
  analytics: AnalyticsResource,
  integrations: IntegrationsResource,
  dataSources: DataSourcesResource,
  settings: SettingsResource,
  surfaces: SurfacesResource,
  billing: BillingResource,
  operators: OperatorsResource,
  triggers: TriggersResource,
  reviewQueue: ReviewQueueResource,
  compliance: ComplianceResource,
  audit: AuditResource,
  recordings: RecordingsResource,
  functions: FunctionsResource,
  workspaceDataQueries: WorkspaceDataQueriesResource,
  externalIntegrations: ExternalIntegrationsResource,
  // Resources beyond the README (parity with the official SDK surface).
  workspaces: WorkspacesResource,
  me: MeResource,
  apiKeys: ApiKeysResource,
  /** @deprecated Use `actions` (same `/skills` endpoints, same results). */
  skills: SkillsResource,
  contextGraphs: ContextGraphsResource,
  personas: PersonasResource,
  phoneNumbers: PhoneNumbersResource,
  memory: MemoryResource,
  metrics: MetricsResource,
  insights: InsightsResource,
  intake: IntakeResource,
  fhir: FhirResource,
  crm: CrmResource,
  pipeline: PipelineResource,
  promptLogs: PromptLogsResource,
  safety: SafetyResource,
  sensorium: SensoriumResource,
  sessions: SessionsResource,
  simulations: SimulationsResource,
  tasks: TasksResource,
  tools: ToolsResource,
  unificationRules: UnificationRulesResource,
  webhookDestinations: WebhookDestinationsResource,
  channels: ChannelsResource,
  desktopSessions: DesktopSessionsResource,
  monitorConcepts: MonitorConceptsResource,
  network: NetworkResource,
  commandCenter: CommandCenterResource,
  briefs: BriefsResource,
  dataQuery: DataQueryResource,
} satisfies Record<string, new (ctx: ResourceContext) => APIResource>

/** The resources an `AmigoClient` exposes, one property each. */
export type ClientResources = { readonly [K in keyof typeof RESOURCES]: InstanceType<(typeof RESOURCES)[K]> }

/** Builds every resource over one context at once (`AmigoClient` builds each on first access instead). */
export function createResources(ctx: ResourceContext): ClientResources {
  const out: Record<string, APIResource> = {}
  for (const [name, Resource] of Object.entries(RESOURCES)) out[name] = new Resource(ctx)
  return out as ClientResources
}
