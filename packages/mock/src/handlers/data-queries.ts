import { HttpError, type MockCore, type Registry } from '../http/types'
import { runQuery } from '../state/sql-template'
import { crud } from './crud'

const BASE = '/v1/{workspace_id}/data_queries'

/** Rows the mock returns from one invoke (the real API caps results server-side too). */
const MAX_ROWS = 1000

/** Workspace data queries: named SQL templates over the workspace's own `custom.*` tables; `invoke` returns rows. */
export function registerDataQueries(reg: Registry, core: MockCore): void {
  const { store } = core
  const findQuery = crud(reg, core, {
    base: BASE,
    idParam: 'query_id',
    table: store.dataQueries,
    schema: 'WorkspaceDataQueryItem',
    label: 'Workspace data query',
    create: (ctx) => ({
      parameters: ctx.body.parameters ?? [],
      description: ctx.body.description ?? null,
      timeout_ms: 5000,
      last_invoked_at: null,
      deployed_at: store.now(),
      deployed_by: null,
    }),
  })
  // The list is not a page: every query of the workspace plus `count` (replaces crud's paged list).
  reg.on('GET', BASE, (ctx) => {
    const items = store.dataQueries
      .list((q) => q.workspace_id === ctx.path.workspace_id)
      .map((q) => ({ ...q, parameter_count: (q.parameters ?? []).length }))
    return { body: { items, count: items.length } }
  })
  reg.on('POST', `${BASE}/{query_id}/invoke`, (ctx) => {
    const q = findQuery(ctx)
    const started = performance.now()
    const tables = store.customTables.get(ctx.path.workspace_id) ?? new Map()
    const result = runQuery(q, ctx.body?.input ?? {}, tables, MAX_ROWS)
    if ('error' in result) throw new HttpError(400, { detail: result.error })
    q.last_invoked_at = store.now()
    return {
      body: {
        result: result.rows,
        row_count: result.rows.length,
        duration_ms: Math.round((performance.now() - started) * 100) / 100,
      },
    }
  })
}
