// Friendly names for the schemas users meet most often. Every alias points into the generated
// `components`; nothing here restates a shape by hand.
import type { components } from './generated/openapi'

/** Every schema of the API by its spec name, e.g. `Schemas['AgentResponse']`. */
export type Schemas = components['schemas']

export type { components, operations, paths } from './generated/openapi'

/** An agent. */
export type Agent = Schemas['AgentResponse']
/** One version (the versioned configuration) of an agent. */
export type AgentVersion = Schemas['AgentVersionResponse']
/** An action (called a skill by the API). */
export type Action = Schemas['SkillResponse']
/** A service: agent + context graph + channel. */
export type Service = Schemas['ServiceResponse']
/** An entity of the world model (patient, contact, appointment, ...). */
export type Entity = Schemas['EntityResponse']
/** A call as listed. */
export type Call = Schemas['CallSummary']
/** A call's full detail (transcript, intelligence, ...). */
export type CallDetail = Schemas['CallDetailResponse']
/** A text conversation with its detail. */
export type Conversation = Schemas['ConversationDetail']
/** A text conversation as listed. */
export type ConversationSummary = Schemas['src__routes__conversations__ConversationSummary']
/** An integration (external API the agents can call). */
export type Integration = Schemas['IntegrationResponse']
/** A data source (connector). */
export type DataSource = Schemas['DataSourceResponse']
/** An operator. */
export type Operator = Schemas['OperatorResponse']
/** A trigger (automation). */
export type Trigger = Schemas['TriggerResponse']
/** One run of a trigger. */
export type TriggerRun = Schemas['TriggerRunResponse']
/** An item of the review queue. */
export type ReviewItem = Schemas['ReviewItemResponse']
/** A surface (patient-facing form). */
export type Surface = Schemas['SurfaceResponse']
/** An invoice as listed. */
export type Invoice = Schemas['InvoiceItem']
/** An audit log event. */
export type AuditEvent = Schemas['src__routes__audit__AuditEventResponse']
/** A function definition. */
export type FunctionDefinition = Schemas['FunctionDef']
/** A saved workspace data query. */
export type WorkspaceDataQuery = Schemas['WorkspaceDataQueryItem']
/** An external integration (a customer backend that mints external-user sessions). */
export type ExternalIntegration = Schemas['ExternalIntegrationResponse']
/** A credential of an external integration (without its secret). */
export type ExternalIntegrationCredential = Schemas['ExternalIntegrationCredentialResponse']
/** Who runs the voice session of an agent or service. */
export type VoiceSessionProvider = Schemas['VoiceSessionProvider']
/** Speech-to-text provider. */
export type SttProvider = Schemas['SttProvider']
/** Text-to-speech provider. */
export type TtsProvider = Schemas['TtsProvider']
