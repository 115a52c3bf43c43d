import type { MockCore, Registry } from '../http/types'
import { crud, type FindRow, flagMatches } from './crud'

/** Services (agent + context graph + channel). */
export function registerServices(reg: Registry, core: MockCore): void {
  registerServiceRecords(reg, core)
  const findIntegration = registerConnectorRecords(reg, core)
  registerIntegrationEndpointTest(reg, findIntegration)
}

/** CRUD of services (carrying their agent's and context graph's names) and of context graphs. */
function registerServiceRecords(reg: Registry, core: MockCore): void {
  const { store } = core
  crud(reg, core, {
    base: '/v1/{workspace_id}/services',
    idParam: 'service_id',
    table: store.services,
    schema: 'ServiceResponse',
    label: 'Service',
    filter: (r, q) =>
      flagMatches(r.is_active, q.is_active) &&
      (!q.search || String(r.name).toLowerCase().includes(String(q.search).toLowerCase())),
    create: (ctx) => ({
      agent_name: store.agents.get(ctx.body.agent_id)?.name ?? null,
      context_graph_name: store.contextGraphs.get(ctx.body.context_graph_id)?.name ?? null,
      is_active: ctx.body.is_active ?? true,
    }),
    after: (action, row) => {
      if (action === 'updated') row.agent_name = store.agents.get(row.agent_id)?.name ?? row.agent_name
    },
  })
  crud(reg, core, {
    base: '/v1/{workspace_id}/context-graphs',
    idParam: 'context_graph_id',
    table: store.contextGraphs,
    schema: 'ContextGraphResponse',
    label: 'Context graph',
  })
}

/** CRUD of data sources and of integrations; returns the lookup of one integration. */
function registerConnectorRecords(reg: Registry, core: MockCore): FindRow {
  const { store } = core
  crud(reg, core, {
    base: '/v1/{workspace_id}/data-sources',
    idParam: 'data_source_id',
    table: store.dataSources,
    schema: 'DataSourceResponse',
    label: 'Data source',
    filter: (r, q) =>
      flagMatches(r.is_active, q.is_active) &&
      (!q.source_type?.length || q.source_type.includes(r.source_type)),
  })
  return crud(reg, core, {
    base: '/v1/{workspace_id}/integrations',
    idParam: 'integration_id',
    table: store.integrations,
    schema: 'IntegrationResponse',
    label: 'Integration',
    filter: (r, q) => flagMatches(r.enabled, q.enabled) && (!q.protocol || r.protocol === q.protocol),
  })
}

/** Test-calls an integration endpoint of the workspace: a canned geocoding result echoing the input. */
function registerIntegrationEndpointTest(reg: Registry, findIntegration: FindRow): void {
  reg.on('POST', '/v1/{workspace_id}/integrations/{integration_id}/endpoints/{endpoint_name}/test', (ctx) => {
    findIntegration(ctx) // 404 unless the workspace has it
    const { params, ...rest } = ctx.body ?? {}
    const input = { ...(params ?? {}), ...rest }
    const result = {
      endpoint: ctx.path.endpoint_name,
      input,
      results: [{ label: 'Springfield', lat: 39.78, lng: -89.65 }],
    }
    return {
      body: {
        status_code: 200,
        duration_ms: 12,
        retries: 0,
        error: null,
        raw_response: result,
        after_mapping: result,
        after_filter: result,
        final_result: JSON.stringify(result),
      },
    }
  })
}
