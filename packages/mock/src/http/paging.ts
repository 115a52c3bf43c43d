import { deref } from '../spec/coerce'
import { successResponse } from '../spec/operations'
import type { OpenApiDocument } from '../spec/types'
import { type HandlerContext, HttpError } from './types'

/**
 * Slices `items` into the page shape the operation's response schema declares:
 * token pages (`items`, `has_more`, integer `continuation_token`, `total`), offset pages (a named
 * array + `has_more` + `next_offset`), plain offset pages (no `next_offset`) or a bare array.
 */
export function paginate<T>(ctx: HandlerContext, items: T[]): unknown {
  const doc = ctx.core.spec.doc
  const schema = deref(doc, successResponse(ctx.op.op).schema)
  const limit = pageSize(ctx)
  if (schema.type === 'array') {
    const offset = startOf(ctx, 'offset')
    return items.slice(offset, offset + limit)
  }
  const props: Record<string, any> = schema.properties ?? {}
  const total = items.length
  if ('continuation_token' in props) {
    const start = startOf(ctx, ctx.query.continuation_token != null ? 'continuation_token' : 'offset')
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
  const key = itemsKey(doc, props)
  const offset = startOf(ctx, ctx.query.offset != null ? 'offset' : '_offset')
  const slice = items.slice(offset, offset + limit)
  const hasMore = offset + slice.length < total
  const body: Record<string, unknown> = { [key]: slice, has_more: hasMore }
  if ('next_offset' in props) body.next_offset = hasMore ? offset + slice.length : null
  if ('total' in props) body.total = total
  if ('limit' in props) body.limit = limit
  if ('offset' in props) body.offset = offset
  return body
}

/** The property of a page schema that holds its items: `items` on token pages, else its array. */
function itemsKey(doc: OpenApiDocument, props: Record<string, any>): string {
  if ('continuation_token' in props) return 'items'
  return Object.keys(props).find((k) => deref(doc, props[k]).type === 'array') ?? 'items'
}

/**
 * The sampled answer of an operation the mock keeps no state for. When its schema is a page (it
 * says `has_more`, `continuation_token` or `next_offset`), the sampled items are paged as stored
 * lists are, so the last page says there is no more: a fixed sample saying `has_more: true` sends
 * a client that pages on round forever.
 */
export function sampledAnswer(ctx: HandlerContext): unknown {
  const sample = ctx.sample()
  const doc = ctx.core.spec.doc
  const props: Record<string, any> = deref(doc, successResponse(ctx.op.op).schema).properties ?? {}
  const paged = ['has_more', 'continuation_token', 'next_offset'].some((k) => k in props)
  const items = paged && sample && typeof sample === 'object' ? sample[itemsKey(doc, props)] : undefined
  if (!Array.isArray(items)) return sample
  return { ...sample, ...(paginate(ctx, items) as object) }
}

/**
 * How many items a page holds: `limit` (or `_count`), 20 when absent. A size below one would answer
 * an empty page whose token or offset points at itself, so a client paging on would loop; it answers
 * 422 naming the parameter instead. The spec's bounds, where it sets them, were checked before.
 */
function pageSize(ctx: HandlerContext): number {
  const name = ctx.query.limit != null ? 'limit' : '_count'
  return wholeNumber(ctx, name, 1) ?? 20
}

/**
 * Where a page starts: the query parameter `name` (0 when absent). A start below zero would slice
 * from the end of the list and pages would overlap, so it answers 422 naming `name`.
 */
function startOf(ctx: HandlerContext, name: string): number {
  return wholeNumber(ctx, name, 0) ?? 0
}

/**
 * The query parameter `name` as a whole number of at least `min` (undefined when absent); anything
 * else answers 422 in FastAPI's shape naming `name`. Validated routes pass a number; a route the
 * served document lacks passes the text as sent.
 */
function wholeNumber(ctx: HandlerContext, name: string, min: number): number | undefined {
  const raw: unknown = ctx.query[name]
  if (raw === undefined || raw === null) return undefined
  const n = typeof raw === 'number' ? raw : /^-?\d+$/.test(String(raw)) ? Number(raw) : Number.NaN
  if (Number.isInteger(n) && n >= min) return n
  const [type, msg] = Number.isInteger(n)
    ? ['greater_than_equal', `Input should be greater than or equal to ${min}`]
    : ['int_parsing', 'Input should be a valid integer, unable to parse string as an integer']
  throw new HttpError(422, { detail: [{ loc: ['query', name], msg, type }] })
}
