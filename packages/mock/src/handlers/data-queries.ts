import { HttpError, type MockCore, notFound, type Registry } from '../http/types'
import { runQuery } from '../state/sql-template'
import { crud } from './crud'

const BASE = '/v1/{workspace_id}/data-queries'

/** Workspace data queries: named SQL templates over `custom.*` tables; `invoke` returns rows. */
export function registerDataQueries(reg: Registry, core: MockCore): void {
  const { store } = core
  crud(reg, core, {
    base: BASE,
    idParam: 'query_id',
    table: store.dataQueries,
    schema: 'WorkspaceDataQueryResponse',
    label: 'Data query',
    create: (ctx) => ({ parameters: ctx.body.parameters ?? [], description: ctx.body.description ?? null }),
  })
  reg.on('POST', `${BASE}/{query_id}/invoke`, (ctx) => {
    const q = store.dataQueries.get(ctx.path.query_id)
    if (!q || q.workspace_id !== ctx.path.workspace_id) throw notFound('Data query')
    const started = performance.now()
    const result = runQuery(q, ctx.body?.input ?? {}, store.customTables, ctx.body?.limit ?? 1000)
    if ('error' in result) throw new HttpError(400, { detail: result.error })
    return {
      body: {
        query_id: q.id,
        columns: result.columns,
        rows: result.rows,
        row_count: result.rows.length,
        truncated: result.truncated,
        duration_ms: Math.round((performance.now() - started) * 100) / 100,
      },
    }
  })
}
