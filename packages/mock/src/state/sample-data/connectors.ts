import type { DataSourceRow, FunctionRow, IntegrationRow, Row } from '../rows'
import { DAY, HOUR, iso } from '../time'
import type { SampleContext } from './context'

const DATA_SOURCES = [
  ['Epic EHR', 'fhir', 'healthy'],
  ['Billing export', 'file_drop', 'degraded'],
] as const

const FUNCTIONS = ['my-function', 'patient_lookup']

/** Two data sources (one degraded), a REST integration, two functions and one custom table. */
export function sampleConnectors(ctx: SampleContext): {
  dataSources: DataSourceRow[]
  integrations: IntegrationRow[]
  functions: FunctionRow[]
  customTables: Map<string, Map<string, Row[]>>
} {
  // Data sources, then the integration: both draw ids from the shared PRNG, so this order fixes a seed's data.
  const dataSources = sampleDataSources(ctx)
  const integration = sampleIntegration(ctx)
  const functions = sampleFunctions(ctx)
  return {
    dataSources,
    integrations: [integration],
    functions,
    customTables: new Map([[ctx.workspaceId, sampleCustomTables()]]),
  }
}

/** The data sources of DATA_SOURCES, synced an hour before the epoch. */
function sampleDataSources({ random: r, epoch: t0, workspaceId: ws, row }: SampleContext): DataSourceRow[] {
  return DATA_SOURCES.map(([name, type, health]) =>
    row<DataSourceRow>('DataSourceResponse', {
      id: r.uuid(),
      workspace_id: ws,
      name,
      display_name: name,
      source_type: type,
      health_status: health,
      is_active: true,
      is_stale: false,
      last_sync_at: iso(t0 - HOUR),
      last_sync_status: 'success',
      last_sync_event_count: r.int(10, 500),
      last_health_check: iso(t0 - 600_000),
      sync_strategy: 'scheduled',
      sync_schedule: '*/15 * * * *',
      connection_config: {},
      field_mappings: {},
      entity_types: ['patient'],
      discovered_by: null,
      created_at: iso(t0 - 120 * DAY),
      updated_at: iso(t0 - DAY),
    }),
  )
}

/** A REST integration, `maps`. */
function sampleIntegration({ random: r, epoch: t0, workspaceId: ws, row }: SampleContext): IntegrationRow {
  return row<IntegrationRow>('IntegrationResponse', {
    id: r.uuid(),
    workspace_id: ws,
    name: 'maps',
    display_name: 'Maps',
    protocol: 'rest',
    enabled: true,
    base_url: 'https://maps.example.com',
    builtin: false,
    created_at: iso(t0 - 50 * DAY),
    updated_at: iso(t0 - 50 * DAY),
  })
}

/** The SQL functions of FUNCTIONS, each taking a `query` string and returning a table. */
function sampleFunctions({ workspaceId: ws, row }: SampleContext): FunctionRow[] {
  return FUNCTIONS.map((name) =>
    row<FunctionRow>('FunctionDef', {
      workspace_id: ws,
      name,
      description: `Function ${name}`,
      catalog: 'workspace',
      schema: 'custom',
      function_type: 'sql',
      enabled: true,
      returns_table: true,
      input_schema: { type: 'object', properties: { query: { type: 'string' } } },
    }),
  )
}

/** Rows of `custom.<table>`, read by workspace data queries. */
function sampleCustomTables(): Map<string, Row[]> {
  return new Map<string, Row[]>([
    [
      'orders',
      [
        { id: 1, status: 'open', total: 120.5, customer: 'Jane Doe' },
        { id: 2, status: 'shipped', total: 75, customer: 'John Smith' },
        { id: 3, status: 'open', total: 42.25, customer: 'Maria Garcia' },
      ],
    ],
  ])
}
