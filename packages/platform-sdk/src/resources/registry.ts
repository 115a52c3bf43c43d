// The one place resources are registered. `AmigoClient` gets one property per entry (its type is
// derived from this function), `withOptions` rebuilds them all over the scoped transport, and
// scripts/api-md.mjs reads this object literal to list the client's resources in api.md.
// To add a resource: write it (see ./base.ts), then add one line here.
import { ActionsResource } from './actions'
import { AgentsResource } from './agents'
import { AnalyticsResource } from './analytics'
import { ApiKeysResource } from './api-keys'
import { AuditResource } from './audit'
import type { ResourceContext } from './base'
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

/** Builds every resource of the client over one context. */
export function createResources(ctx: ResourceContext) {
  return {
    tokens: new TokensResource(ctx),
    agents: new AgentsResource(ctx),
    actions: new ActionsResource(ctx),
    services: new ServicesResource(ctx),
    world: new WorldResource(ctx),
    calls: new CallsResource(ctx),
    conversations: new ConversationsResource(ctx),
    events: new EventsResource(ctx),
    observers: new ObserversResource(ctx),
    analytics: new AnalyticsResource(ctx),
    integrations: new IntegrationsResource(ctx),
    dataSources: new DataSourcesResource(ctx),
    settings: new SettingsResource(ctx),
    surfaces: new SurfacesResource(ctx),
    billing: new BillingResource(ctx),
    operators: new OperatorsResource(ctx),
    triggers: new TriggersResource(ctx),
    reviewQueue: new ReviewQueueResource(ctx),
    compliance: new ComplianceResource(ctx),
    audit: new AuditResource(ctx),
    recordings: new RecordingsResource(ctx),
    functions: new FunctionsResource(ctx),
    workspaceDataQueries: new WorkspaceDataQueriesResource(ctx),
    externalIntegrations: new ExternalIntegrationsResource(ctx),
    // Resources beyond the README (parity with the official SDK surface).
    workspaces: new WorkspacesResource(ctx),
    me: new MeResource(ctx),
    apiKeys: new ApiKeysResource(ctx),
    /** @deprecated Use `actions` (same `/skills` endpoints, same results). */
    skills: new SkillsResource(ctx),
    contextGraphs: new ContextGraphsResource(ctx),
    personas: new PersonasResource(ctx),
    phoneNumbers: new PhoneNumbersResource(ctx),
    memory: new MemoryResource(ctx),
    metrics: new MetricsResource(ctx),
    insights: new InsightsResource(ctx),
    intake: new IntakeResource(ctx),
    fhir: new FhirResource(ctx),
    crm: new CrmResource(ctx),
    pipeline: new PipelineResource(ctx),
    promptLogs: new PromptLogsResource(ctx),
    safety: new SafetyResource(ctx),
    sensorium: new SensoriumResource(ctx),
    sessions: new SessionsResource(ctx),
    simulations: new SimulationsResource(ctx),
    tasks: new TasksResource(ctx),
    tools: new ToolsResource(ctx),
    unificationRules: new UnificationRulesResource(ctx),
    webhookDestinations: new WebhookDestinationsResource(ctx),
    channels: new ChannelsResource(ctx),
    desktopSessions: new DesktopSessionsResource(ctx),
    monitorConcepts: new MonitorConceptsResource(ctx),
    network: new NetworkResource(ctx),
    commandCenter: new CommandCenterResource(ctx),
    briefs: new BriefsResource(ctx),
    dataQuery: new DataQueryResource(ctx),
  }
}

/** The resources an `AmigoClient` exposes, one property each. */
export type ClientResources = ReturnType<typeof createResources>
