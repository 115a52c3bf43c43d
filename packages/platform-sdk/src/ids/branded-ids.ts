// Branded id types: a string marked with the kind of thing it names, so an agent id cannot be passed
// where a service id is expected. At run time an id is the plain string; the constructors only check
// that it is one (its content is checked where it is used: every path parameter must stay one URL
// segment). The names are the single-package SDK's.
import { InvalidRequestError } from '@amigo-ai/core'

declare const brand: unique symbol

/** A string id of the kind `Kind`. */
export type BrandedId<Kind extends string> = string & { readonly [brand]: Kind }

const brander =
  <Id extends BrandedId<string>>(name: string) =>
  (id: string): Id => {
    if (typeof id !== 'string') throw new InvalidRequestError(`${name} needs a string id, got ${typeof id}`)
    return id as Id
  }

/** A string that names a workspace. */
export type WorkspaceId = BrandedId<'WorkspaceId'>
/** Marks a string as a `WorkspaceId` (a string at run time too). */
export const workspaceId = /* @__PURE__ */ brander<WorkspaceId>('workspaceId')

/** A string that names an API key. */
export type ApiKeyId = BrandedId<'ApiKeyId'>
/** Marks a string as an `ApiKeyId` (a string at run time too). */
export const apiKeyId = /* @__PURE__ */ brander<ApiKeyId>('apiKeyId')

/** A string that names an agent. */
export type AgentId = BrandedId<'AgentId'>
/** Marks a string as an `AgentId` (a string at run time too). */
export const agentId = /* @__PURE__ */ brander<AgentId>('agentId')

/** A string that names a persona. */
export type PersonaId = BrandedId<'PersonaId'>
/** Marks a string as a `PersonaId` (a string at run time too). */
export const personaId = /* @__PURE__ */ brander<PersonaId>('personaId')

/** A string that names a skill. */
export type SkillId = BrandedId<'SkillId'>
/** Marks a string as a `SkillId` (a string at run time too). */
export const skillId = /* @__PURE__ */ brander<SkillId>('skillId')

/** A string that names an action. */
export type ActionId = BrandedId<'ActionId'>
/** Marks a string as an `ActionId` (a string at run time too). */
export const actionId = /* @__PURE__ */ brander<ActionId>('actionId')

/** A string that names a service. */
export type ServiceId = BrandedId<'ServiceId'>
/** Marks a string as a `ServiceId` (a string at run time too). */
export const serviceId = /* @__PURE__ */ brander<ServiceId>('serviceId')

/** A string that names a context graph. */
export type ContextGraphId = BrandedId<'ContextGraphId'>
/** Marks a string as a `ContextGraphId` (a string at run time too). */
export const contextGraphId = /* @__PURE__ */ brander<ContextGraphId>('contextGraphId')

/** A string that names a call. */
export type CallId = BrandedId<'CallId'>
/** Marks a string as a `CallId` (a string at run time too). */
export const callId = /* @__PURE__ */ brander<CallId>('callId')

/** A string that names a phone number. */
export type PhoneNumberId = BrandedId<'PhoneNumberId'>
/** Marks a string as a `PhoneNumberId` (a string at run time too). */
export const phoneNumberId = /* @__PURE__ */ brander<PhoneNumberId>('phoneNumberId')

/** A string that names an integration. */
export type IntegrationId = BrandedId<'IntegrationId'>
/** Marks a string as an `IntegrationId` (a string at run time too). */
export const integrationId = /* @__PURE__ */ brander<IntegrationId>('integrationId')

/** A string that names an entity. */
export type EntityId = BrandedId<'EntityId'>
/** Marks a string as an `EntityId` (a string at run time too). */
export const entityId = /* @__PURE__ */ brander<EntityId>('entityId')

/** A string that names an event. */
export type EventId = BrandedId<'EventId'>
/** Marks a string as an `EventId` (a string at run time too). */
export const eventId = /* @__PURE__ */ brander<EventId>('eventId')

/** A string that names a simulation run. */
export type SimulationRunId = BrandedId<'SimulationRunId'>
/** Marks a string as a `SimulationRunId` (a string at run time too). */
export const simulationRunId = /* @__PURE__ */ brander<SimulationRunId>('simulationRunId')

/** A string that names a simulation session. */
export type SimulationSessionId = BrandedId<'SimulationSessionId'>
/** Marks a string as a `SimulationSessionId` (a string at run time too). */
export const simulationSessionId = /* @__PURE__ */ brander<SimulationSessionId>('simulationSessionId')

/** A string that names a function. */
export type FunctionId = BrandedId<'FunctionId'>
/** Marks a string as a `FunctionId` (a string at run time too). */
export const functionId = /* @__PURE__ */ brander<FunctionId>('functionId')

/** A string that names a data source. */
export type DataSourceId = BrandedId<'DataSourceId'>
/** Marks a string as a `DataSourceId` (a string at run time too). */
export const dataSourceId = /* @__PURE__ */ brander<DataSourceId>('dataSourceId')
