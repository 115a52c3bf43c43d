import { paginate } from '../http/paging'
import { type HandlerContext, type MockCore, notFound, type Registry } from '../http/types'
import { successResponse } from '../spec/operations'
import type { Table } from '../state/table'
import { updateFields } from './update-fields'

type Row = Record<string, any>

/** How a collection resource maps onto the store. */
export interface CrudOptions {
  /** Collection path, e.g. `/v1/{workspace_id}/agents`. */
  base: string
  /** Name of the item path parameter, e.g. `agent_id` (item path = `${base}/{idParam}`). */
  idParam: string
  table: Table<Row>
  /** Response schema of one item. */
  schema: string
  /** Human name used in 404 messages. */
  label: string
  /** Filters list results by query parameters. */
  filter?: (row: Row, query: Record<string, any>, ctx: HandlerContext) => boolean
  /** Sort for lists (default: insertion order). */
  sort?: (a: Row, b: Row) => number
  /** Extra fields of a new record (ids, derived values); the request body is laid under them. */
  create?: (ctx: HandlerContext) => Row
  /** Called after create/update/delete (events, side effects). */
  after?: (action: 'created' | 'updated' | 'deleted', row: Row, ctx: HandlerContext) => void
  /** Is the record visible to this request (default: same workspace when the row has one)? */
  visible?: (row: Row, ctx: HandlerContext) => boolean
}

const defined = (body: Row | undefined): Row =>
  Object.fromEntries(Object.entries(body ?? {}).filter(([, v]) => v !== undefined))

/** A boolean query filter the request left out (or sent as null) lets every row through. */
export const flagMatches = (value: unknown, wanted: unknown): boolean =>
  wanted === undefined || wanted === null || value === wanted

/** Finds the row a route's id parameter names when the request may see it, or answers 404. */
export type FindRow = (ctx: HandlerContext) => Row

/**
 * Registers list/create/get/update/delete for a collection, for the methods the spec defines, and
 * returns its row lookup for the collection's other routes (`/{id}/fire`, `/{id}/versions`, ...).
 */
export function crud(reg: Registry, core: MockCore, o: CrudOptions): FindRow {
  const item = `${o.base}/{${o.idParam}}`
  const has = (m: string, p: string) => !!core.spec.operation(m, p)
  const visible = (row: Row, ctx: HandlerContext) =>
    o.visible
      ? o.visible(row, ctx)
      : !row.workspace_id || !ctx.path.workspace_id || row.workspace_id === ctx.path.workspace_id
  const find = (ctx: HandlerContext) => {
    const row = o.table.get(String(ctx.path[o.idParam]))
    if (!row || !visible(row, ctx)) throw notFound(o.label)
    return row
  }
  if (has('get', o.base))
    reg.on('GET', o.base, (ctx) => {
      let rows = o.table.list((r) => visible(r, ctx) && (!o.filter || o.filter(r, ctx.query, ctx)))
      if (o.sort) rows = [...rows].sort(o.sort)
      return { body: paginate(ctx, rows) }
    })
  if (has('post', o.base))
    reg.on('POST', o.base, (ctx) => {
      const now = ctx.core.store.now()
      const fields = {
        ...defined(ctx.body),
        id: ctx.core.store.id(),
        workspace_id: ctx.path.workspace_id,
        created_at: now,
        updated_at: now,
        ...(o.create?.(ctx) ?? {}),
      }
      const row = o.table.put(ctx.core.store.make(o.schema, fields))
      o.after?.('created', row, ctx)
      return { body: row }
    })
  if (has('get', item)) reg.on('GET', item, (ctx) => ({ body: find(ctx) }))
  for (const m of ['put', 'patch'] as const) {
    if (!has(m, item)) continue
    reg.on(m.toUpperCase(), item, (ctx) => {
      const row = find(ctx)
      const next = ctx.core.store.make(
        o.schema,
        { ...defined(updateFields(ctx.body)), updated_at: ctx.core.store.now() },
        row,
      )
      Object.assign(row, next)
      o.after?.('updated', row, ctx)
      return { body: row }
    })
  }
  if (has('delete', item))
    reg.on('DELETE', item, (ctx) => {
      const row = find(ctx)
      o.table.delete(String(ctx.path[o.idParam]))
      o.after?.('deleted', row, ctx)
      const status = successResponse(ctx.op.op).status
      return status === 204 ? { status } : { status, body: ctx.sample() }
    })
  return find
}
