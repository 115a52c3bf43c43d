// The one place resources are registered. `AmigoClient` gets one property per entry (its type is
// derived from this function), `withOptions` rebuilds them all over the scoped transport, and
// scripts/api-md.mjs reads this object literal to list the client's resources in api.md.
// To add a resource: write it (see ./base.ts), then add one line here.
import { ActionsResource } from './actions'
import { AgentsResource } from './agents'
import { AnalyticsResource } from './analytics'
import { AuditResource } from './audit'
import type { ResourceContext } from './base'
import { BillingResource } from './billing'
import { CallsResource } from './calls'
import { ComplianceResource } from './compliance'
import { ConversationsResource } from './conversations'
import { DataSourcesResource } from './data-sources'
import { EventsResource } from './events'
import { ExternalIntegrationsResource } from './external-integrations'
import { FunctionsResource } from './functions'
import { IntegrationsResource } from './integrations'
import { ObserversResource } from './observers'
import { OperatorsResource } from './operators'
import { RecordingsResource } from './recordings'
import { ReviewQueueResource } from './review-queue'
import { ServicesResource } from './services'
import { SettingsResource } from './settings/settings'
import { SurfacesResource } from './surfaces'
import { TokensResource } from './tokens'
import { TriggersResource } from './triggers'
import { WorkspaceDataQueriesResource } from './workspace-data-queries'
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
  }
}

/** The resources an `AmigoClient` exposes, one property each. */
export type ClientResources = ReturnType<typeof createResources>
