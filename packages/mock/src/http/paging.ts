import { deref } from '../spec/coerce'
import { successResponse } from '../spec/operations'
import type { HandlerContext } from './types'

/**
 * Slices `items` into the page shape the operation's response schema declares:
 * token pages (`items`, `has_more`, integer `continuation_token`, `total`), offset pages (a named
 * array + `has_more` + `next_offset`), plain offset pages (no `next_offset`) or a bare array.
 */
export function paginate<T>(ctx: HandlerContext, items: T[]): unknown {
  const doc = ctx.core.spec.doc
  const schema = deref(doc, successResponse(ctx.op.op).schema)
  const limit = Number(ctx.query.limit ?? ctx.query._count ?? 20)
  if (schema.type === 'array') {
    const offset = Number(ctx.query.offset ?? 0)
    return items.slice(offset, offset + limit)
  }
  const props: Record<string, any> = schema.properties ?? {}
  const total = items.length
  if ('continuation_token' in props) {
    const start = Number(ctx.query.continuation_token ?? ctx.query.offset ?? 0)
    const slice = items.slice(start, start + limit)
    const hasMore = start + slice.length < total
    const body: Record<string, unknown> = {
      items: slice,
      has_more: hasMore,
      continuation_token: hasMore ? start + slice.length : null,
    }
    if ('total' in props) body.total = total
    return body
  }
  const key = Object.keys(props).find((k) => deref(doc, props[k]).type === 'array') ?? 'items'
  const offset = Number(ctx.query.offset ?? ctx.query._offset ?? 0)
  const slice = items.slice(offset, offset + limit)
  const hasMore = offset + slice.length < total
  const body: Record<string, unknown> = { [key]: slice, has_more: hasMore }
  if ('next_offset' in props) body.next_offset = hasMore ? offset + slice.length : null
  if ('total' in props) body.total = total
  if ('limit' in props) body.limit = limit
  if ('offset' in props) body.offset = offset
  return body
}
