import { ParseError } from '../errors/client-errors'

/** The query parameters of the next page request. */
export type PageCursor = Record<string, unknown> & {
  limit?: number
  continuation_token?: number | string
  offset?: number
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

/** The items of a page: `itemsKey` when given, else `items`, else the first array field. */
export function pageItems(page: unknown, itemsKey?: string): unknown[] {
  if (Array.isArray(page)) return page
  if (!isRecord(page)) return []
  if (itemsKey !== undefined) {
    const v = page[itemsKey]
    return Array.isArray(v) ? v : []
  }
  if (Array.isArray(page.items)) return page.items
  for (const v of Object.values(page)) if (Array.isArray(v)) return v
  return []
}

/**
 * `sent` with its position replaced by `key: value`. A copy loop rather than an object rest
 * (`{ continuation_token, offset, ...rest }`), which the engine runs as a slow generic copy: it was
 * the costliest step of walking a page after the request itself (bench: auto-paging).
 */
function moveTo(sent: PageCursor, key: 'continuation_token' | 'offset', value: number | string): PageCursor {
  const next: Record<string, unknown> = {}
  for (const k in sent) if (k !== 'continuation_token' && k !== 'offset') next[k] = sent[k]
  next[key] = value
  return next as PageCursor
}

/**
 * The cursor for the page after `page`, or undefined at the end. Handles the API's three shapes:
 * token pages (`has_more` + `continuation_token`), offset pages (`has_more` + `next_offset`), and,
 * unless `offsetPages` is false, plain offset pages (`has_more` only: the next offset is this offset
 * plus the items received). With `offsetPages` false such a page is a ParseError.
 */
export function nextCursor(
  page: unknown,
  sent: PageCursor,
  itemsKey?: string,
  offsetPages = true,
): PageCursor | undefined {
  if (!isRecord(page) || page.has_more !== true) return undefined
  if ('continuation_token' in page) {
    const token = page.continuation_token
    // A token is a number or a string. An object or array (or null) ends the walk: parsed anew with
    // every page, it would never match a token already sent, and the walk would not end.
    if (token === null || token === undefined || token === '' || isRecord(token)) return undefined
    // No progress (the first page was token 0): stop rather than loop.
    if (token === (sent.continuation_token ?? 0)) return undefined
    return moveTo(sent, 'continuation_token', token as number | string)
  }
  // The offset as a number: a caller's `'40'` (JavaScript, or a value read from a URL) counted as
  // no offset walked back to the start and yielded items twice. Text that is no number stays NaN,
  // which the API refuses, rather than a silent restart.
  const sentOffset = sent.offset === undefined ? undefined : Number(sent.offset)
  if ('next_offset' in page) {
    const next = page.next_offset
    if (typeof next !== 'number' || next <= (sentOffset ?? 0)) return undefined
    return moveTo(sent, 'offset', next)
  }
  if (!offsetPages) throw new ParseError('a page has has_more but no continuation_token or next_offset')
  const count = pageItems(page, itemsKey).length
  if (count === 0) return undefined
  const current = sentOffset ?? (typeof page.offset === 'number' ? page.offset : 0)
  return moveTo(sent, 'offset', current + count)
}
