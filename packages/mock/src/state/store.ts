import type { SpecContext } from '../spec/context'
import { Random } from './random'
import { Table } from './table'

type Row = Record<string, any>

/** A stored webhook destination plus the delivery target the mock posts to. */
export interface WebhookDestinationRow extends Row {
  id: string
  secret: string
  /** Where signed deliveries go (`url` field of the create body, or set via `mock.addWebhookDestination`). */
  target_url?: string
}

/** The in-memory state of the mock platform. Everything is plain data, inspectable from tests. */
export class Store {
  /** Seeded PRNG used for ids and generated content after start (deterministic per seed). */
  readonly random: Random
  /** Start of the seeded timeline (UTC midnight of the start day), ms. */
  readonly epoch: number
  workspaceId = ''
  apiKey = ''

  readonly workspaces = new Table<Row>()
  readonly apiKeys = new Table<Row>()
  readonly agents = new Table<Row>()
  /** Versions by agent id, oldest first. */
  readonly agentVersions = new Map<string, Row[]>()
  readonly skills = new Table<Row>()
  readonly services = new Table<Row>()
  readonly contextGraphs = new Table<Row>()
  readonly entities = new Table<Row>()
  /** Timeline events by entity id, newest first. */
  readonly entityEvents = new Map<string, Row[]>()
  readonly calls = new Table<Row>('call_sid')
  readonly conversations = new Table<Row>()
  readonly triggers = new Table<Row>()
  /** Runs by trigger id, newest first. */
  readonly triggerRuns = new Map<string, Row[]>()
  readonly reviewItems = new Table<Row>()
  readonly operators = new Table<Row>()
  readonly surfaces = new Table<Row>()
  /** Public surface tokens → surface id. */
  readonly surfaceTokens = new Map<string, string>()
  readonly dataSources = new Table<Row>()
  readonly integrations = new Table<Row>()
  readonly functions = new Table<Row>('name')
  readonly externalIntegrations = new Table<Row>()
  readonly credentials = new Table<Row>()
  readonly dataQueries = new Table<Row>()
  readonly webhookDestinations = new Table<WebhookDestinationRow>()
  /** Deliveries by destination id, newest first. */
  readonly webhookDeliveries = new Map<string, Row[]>()
  /** Subject of the external-user token that opened each conversation (others may not read it). */
  readonly conversationOwners = new Map<string, string>()
  /** The scripted lines of each seeded call (for transcripts and observer streams). */
  readonly callScripts = new Map<string, { userLine: string; agentLine: string }>()
  /** Rows of `custom.<table>` tables, read by workspace data queries. */
  readonly customTables = new Map<string, Row[]>()
  /** Singleton settings documents by name (`voice`, `retention`, ...). */
  readonly settings = new Map<string, Row>()

  constructor(
    readonly spec: SpecContext,
    seed: number,
    now: number,
  ) {
    this.random = new Random(seed)
    this.epoch = Math.floor(now / 86_400_000) * 86_400_000
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
  make(schema: string, fields: Row, previous?: Row): Row {
    return this.spec.materialize(schema, fields, previous)
  }

  /** Like `make` for the mock's own data: no validation pass (faster; tests check the results). */
  seed(schema: string, fields: Row): Row {
    return this.spec.materialize(schema, fields, undefined, { trusted: true })
  }
}
