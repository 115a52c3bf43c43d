// The resource classes as the main entry exports them: the same classes, each passed through
// `withOfficialForm`, which installs the openapi-fetch adapter (the single-package SDK's
// `new AgentsResource(openapiFetchClient, workspaceId)`) and returns the class unchanged. The calls
// are marked pure, so a bundler keeps one only when the app imports that class from the main entry:
// an app that only uses `AmigoClient` carries no adapter (about half a kilobyte gzipped), while
// anything that can reach the official form (importing a class) installs it. Types: the `.d.ts`
// beside this file re-exports the classes themselves. Every class of ./index must be listed here
// (test/official-form-exports.test.ts).
import { withOfficialForm } from '../official-client'
import * as classes from './index'

export * from './index'
export const APIResource = /* @__PURE__ */ withOfficialForm(classes.APIResource)
export const ActionsResource = /* @__PURE__ */ withOfficialForm(classes.ActionsResource)
export const AgentsResource = /* @__PURE__ */ withOfficialForm(classes.AgentsResource)
export const AnalyticsResource = /* @__PURE__ */ withOfficialForm(classes.AnalyticsResource)
export const AnalyticsSurfacesResource = /* @__PURE__ */ withOfficialForm(classes.AnalyticsSurfacesResource)
export const ApiKeysResource = /* @__PURE__ */ withOfficialForm(classes.ApiKeysResource)
export const AuditResource = /* @__PURE__ */ withOfficialForm(classes.AuditResource)
export const BehaviorSettingsResource = /* @__PURE__ */ withOfficialForm(classes.BehaviorSettingsResource)
export const BillingResource = /* @__PURE__ */ withOfficialForm(classes.BillingResource)
export const BrandingSettingsResource = /* @__PURE__ */ withOfficialForm(classes.BrandingSettingsResource)
export const BriefsResource = /* @__PURE__ */ withOfficialForm(classes.BriefsResource)
export const CallsResource = /* @__PURE__ */ withOfficialForm(classes.CallsResource)
export const ChannelsResource = /* @__PURE__ */ withOfficialForm(classes.ChannelsResource)
export const CommandCenterResource = /* @__PURE__ */ withOfficialForm(classes.CommandCenterResource)
export const ComplianceResource = /* @__PURE__ */ withOfficialForm(classes.ComplianceResource)
export const ContextGraphsResource = /* @__PURE__ */ withOfficialForm(classes.ContextGraphsResource)
export const ConversationsResource = /* @__PURE__ */ withOfficialForm(classes.ConversationsResource)
export const CrmCompaniesResource = /* @__PURE__ */ withOfficialForm(classes.CrmCompaniesResource)
export const CrmContactsResource = /* @__PURE__ */ withOfficialForm(classes.CrmContactsResource)
export const CrmDealsResource = /* @__PURE__ */ withOfficialForm(classes.CrmDealsResource)
export const CrmResource = /* @__PURE__ */ withOfficialForm(classes.CrmResource)
export const DataQueryResource = /* @__PURE__ */ withOfficialForm(classes.DataQueryResource)
export const DataSourcesResource = /* @__PURE__ */ withOfficialForm(classes.DataSourcesResource)
export const DesktopSessionsResource = /* @__PURE__ */ withOfficialForm(classes.DesktopSessionsResource)
export const EnvironmentSettingsResource = /* @__PURE__ */ withOfficialForm(
  classes.EnvironmentSettingsResource,
)
export const EventsResource = /* @__PURE__ */ withOfficialForm(classes.EventsResource)
export const ExternalIntegrationsResource = /* @__PURE__ */ withOfficialForm(
  classes.ExternalIntegrationsResource,
)
export const FhirResource = /* @__PURE__ */ withOfficialForm(classes.FhirResource)
export const FhirResourcesResource = /* @__PURE__ */ withOfficialForm(classes.FhirResourcesResource)
export const FhirViewsResource = /* @__PURE__ */ withOfficialForm(classes.FhirViewsResource)
export const FunctionsResource = /* @__PURE__ */ withOfficialForm(classes.FunctionsResource)
export const GapScannerSettingsResource = /* @__PURE__ */ withOfficialForm(classes.GapScannerSettingsResource)
export const InsightsResource = /* @__PURE__ */ withOfficialForm(classes.InsightsResource)
export const InsightsSessionsResource = /* @__PURE__ */ withOfficialForm(classes.InsightsSessionsResource)
export const IntakeLinksResource = /* @__PURE__ */ withOfficialForm(classes.IntakeLinksResource)
export const IntakeResource = /* @__PURE__ */ withOfficialForm(classes.IntakeResource)
export const IntegrationsResource = /* @__PURE__ */ withOfficialForm(classes.IntegrationsResource)
export const MeResource = /* @__PURE__ */ withOfficialForm(classes.MeResource)
export const MemoryResource = /* @__PURE__ */ withOfficialForm(classes.MemoryResource)
export const MemorySettingsResource = /* @__PURE__ */ withOfficialForm(classes.MemorySettingsResource)
export const MetricSettingsResource = /* @__PURE__ */ withOfficialForm(classes.MetricSettingsResource)
export const MetricsResource = /* @__PURE__ */ withOfficialForm(classes.MetricsResource)
export const MonitorConceptsResource = /* @__PURE__ */ withOfficialForm(classes.MonitorConceptsResource)
export const NetworkResource = /* @__PURE__ */ withOfficialForm(classes.NetworkResource)
export const ObserversResource = /* @__PURE__ */ withOfficialForm(classes.ObserversResource)
export const OperatorsResource = /* @__PURE__ */ withOfficialForm(classes.OperatorsResource)
export const OutreachSettingsResource = /* @__PURE__ */ withOfficialForm(classes.OutreachSettingsResource)
export const PersonasResource = /* @__PURE__ */ withOfficialForm(classes.PersonasResource)
export const PhoneNumbersResource = /* @__PURE__ */ withOfficialForm(classes.PhoneNumbersResource)
export const PipelineOutboundResource = /* @__PURE__ */ withOfficialForm(classes.PipelineOutboundResource)
export const PipelineResource = /* @__PURE__ */ withOfficialForm(classes.PipelineResource)
export const PipelineSourcesResource = /* @__PURE__ */ withOfficialForm(classes.PipelineSourcesResource)
export const PromptLogsResource = /* @__PURE__ */ withOfficialForm(classes.PromptLogsResource)
export const RecordingsResource = /* @__PURE__ */ withOfficialForm(classes.RecordingsResource)
export const RetentionPolicyResource = /* @__PURE__ */ withOfficialForm(classes.RetentionPolicyResource)
export const ReviewQueueResource = /* @__PURE__ */ withOfficialForm(classes.ReviewQueueResource)
export const SafetyResource = /* @__PURE__ */ withOfficialForm(classes.SafetyResource)
export const ScribeSettingsResource = /* @__PURE__ */ withOfficialForm(classes.ScribeSettingsResource)
export const SecuritySettingsResource = /* @__PURE__ */ withOfficialForm(classes.SecuritySettingsResource)
export const SensoriumResource = /* @__PURE__ */ withOfficialForm(classes.SensoriumResource)
export const ServicesResource = /* @__PURE__ */ withOfficialForm(classes.ServicesResource)
export const SesSetupResource = /* @__PURE__ */ withOfficialForm(classes.SesSetupResource)
export const SessionsResource = /* @__PURE__ */ withOfficialForm(classes.SessionsResource)
export const SettingsResource = /* @__PURE__ */ withOfficialForm(classes.SettingsResource)
export const SimulationsBridgeResource = /* @__PURE__ */ withOfficialForm(classes.SimulationsBridgeResource)
export const SimulationsResource = /* @__PURE__ */ withOfficialForm(classes.SimulationsResource)
export const SimulationsRunsResource = /* @__PURE__ */ withOfficialForm(classes.SimulationsRunsResource)
export const SimulationsServicesResource = /* @__PURE__ */ withOfficialForm(
  classes.SimulationsServicesResource,
)
export const SkillsResource = /* @__PURE__ */ withOfficialForm(classes.SkillsResource)
export const SurfacesResource = /* @__PURE__ */ withOfficialForm(classes.SurfacesResource)
export const TasksResource = /* @__PURE__ */ withOfficialForm(classes.TasksResource)
export const TokensResource = /* @__PURE__ */ withOfficialForm(classes.TokensResource)
export const ToolsResource = /* @__PURE__ */ withOfficialForm(classes.ToolsResource)
export const TriggersResource = /* @__PURE__ */ withOfficialForm(classes.TriggersResource)
export const UnificationRulesResource = /* @__PURE__ */ withOfficialForm(classes.UnificationRulesResource)
export const VoiceSettingsResource = /* @__PURE__ */ withOfficialForm(classes.VoiceSettingsResource)
export const WebhookDestinationsResource = /* @__PURE__ */ withOfficialForm(
  classes.WebhookDestinationsResource,
)
export const WorkflowSettingsResource = /* @__PURE__ */ withOfficialForm(classes.WorkflowSettingsResource)
export const WorkspaceDataQueriesResource = /* @__PURE__ */ withOfficialForm(
  classes.WorkspaceDataQueriesResource,
)
export const WorkspacesResource = /* @__PURE__ */ withOfficialForm(classes.WorkspacesResource)
export const WorkspacesTestCallerNumbersResource = /* @__PURE__ */ withOfficialForm(
  classes.WorkspacesTestCallerNumbersResource,
)
export const WorldResource = /* @__PURE__ */ withOfficialForm(classes.WorldResource)
