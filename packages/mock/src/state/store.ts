import type { SpecContext } from '../spec/context'
import { Random } from './random'
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
  WebhookDestinationRow,
  WorkspaceRow,
} from './rows'
import { buildSampleData } from './sample-data/build'
import { Table } from './table'
import { DAY } from './time'

export type { WebhookDestinationRow } from './rows'

/** The key of a function in `Store.functions`: names are unique per workspace, not across them. */
export const functionKey = (workspaceId: string, name: string): string => `${workspaceId}/${name}`

/**
 * The in-memory state of the mock platform, complete from construction: the sample workspace
 * (deterministic per seed) and the tables requests fill. Everything is plain data, inspectable from tests.
 */
export class Store {
  /** Seeded PRNG used for ids and generated content (deterministic per seed). */
  readonly random: Random
  /** Start of the sample timeline (UTC midnight of the start day), ms. */
  readonly epoch: number
  /** The sample workspace. */
  readonly workspaceId: string
  /** An API key of the sample workspace with every scope. */
  readonly apiKey: string

  readonly workspaces: Table<WorkspaceRow>
  readonly apiKeys: Table<ApiKeyRow>
  readonly agents: Table<AgentRow>
  /** Versions by agent id, oldest first. */
  readonly agentVersions: Map<string, AgentVersionRow[]>
  readonly skills: Table<SkillRow>
  readonly services: Table<ServiceRow>
  readonly contextGraphs: Table<ContextGraphRow>
  readonly entities: Table<EntityRow>
  /** Timeline events by entity id, newest first. */
  readonly entityEvents: Map<string, EntityEventRow[]>
  readonly calls: Table<CallRow>
  /** The scripted lines of each call (for transcripts and observer streams). */
  readonly callScripts: Map<string, CallScript>
  readonly conversations: Table<ConversationRow>
  readonly triggers: Table<TriggerRow>
  /** Runs by trigger id, newest first. */
  readonly triggerRuns: Map<string, TriggerRunRow[]>
  readonly reviewItems: Table<ReviewItemRow>
  readonly operators: Table<OperatorRow>
  readonly dataSources: Table<DataSourceRow>
  readonly integrations: Table<IntegrationRow>
  /** Keyed by `functionKey(workspace_id, name)`. */
  readonly functions: Table<FunctionRow>
  /** Rows of `custom.<table>` tables by workspace id, then table name; read by workspace data queries. */
  readonly customTables: Map<string, Map<string, Row[]>>

  readonly surfaces = new Table<Row>()
  /** Public surface tokens → surface id. */
  readonly surfaceTokens = new Map<string, string>()
  readonly externalIntegrations = new Table<Row>()
  readonly credentials = new Table<Row>()
  readonly dataQueries = new Table<Row>()
  readonly webhookDestinations = new Table<WebhookDestinationRow>()
  /** Deliveries by destination id, newest first. */
  readonly webhookDeliveries = new Map<string, Row[]>()
  /** Subject of the external-user token that opened each conversation (others may not read it). */
  readonly conversationOwners = new Map<string, string>()
  /** Singleton settings documents by name (`voice`, `retention`, ...). */
  readonly settings = new Map<string, Row>()

  /** A store holding the sample workspace of `seed`, dated around the day of `now` (ms). */
  constructor(
    readonly spec: SpecContext,
    { seed, now }: { seed: number; now: number },
  ) {
    this.random = new Random(seed)
    this.epoch = Math.floor(now / DAY) * DAY
    const sample = buildSampleData({
      random: this.random,
      epoch: this.epoch,
      seed,
      row: (schema, fields) => this.makeUnchecked(schema, fields),
    })
    this.workspaceId = sample.workspaceId
    this.apiKey = sample.apiKey
    this.workspaces = new Table(sample.workspaces)
    this.apiKeys = new Table(sample.apiKeys)
    this.agents = new Table(sample.agents)
    this.agentVersions = sample.agentVersions
    this.skills = new Table(sample.skills)
    this.services = new Table(sample.services)
    this.contextGraphs = new Table(sample.contextGraphs)
    this.entities = new Table(sample.entities)
    this.entityEvents = sample.entityEvents
    this.calls = new Table(sample.calls, 'call_sid')
    this.callScripts = sample.callScripts
    this.conversations = new Table(sample.conversations)
    this.triggers = new Table(sample.triggers)
    this.triggerRuns = sample.triggerRuns
    this.reviewItems = new Table(sample.reviewItems)
    this.operators = new Table(sample.operators)
    this.dataSources = new Table(sample.dataSources)
    this.integrations = new Table(sample.integrations)
    this.functions = new Table(sample.functions, (f) => functionKey(f.workspace_id, f.name))
    this.customTables = sample.customTables
  }

  /** A fresh UUID from the seeded PRNG. */
  id(): string {
    return this.random.uuid()
  }

  /** ISO timestamp for now. */
  now(): string {
    return new Date().toISOString()
  }

  /** Builds a record valid against a component schema (see SpecContext.materialize). */
  make<T extends Row = Row>(schema: string, fields: Row, previous?: Row): T {
    return this.spec.materialize<T>(schema, fields, previous)
  }

  /** Like `make` for the mock's own data: no validation pass (faster; tests check the results). */
  makeUnchecked<T extends Row = Row>(schema: string, fields: Row): T {
    return this.spec.materialize<T>(schema, fields, undefined, { trusted: true })
  }
}
