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
 * The cursor for the page after `page`, or undefined at the end. Handles the API's three shapes:
 * token pages (`has_more` + `continuation_token`), offset pages (`has_more` + `next_offset`), and
 * plain offset pages (`has_more` only: the next offset is this offset plus the items received).
 */
export function nextCursor(page: unknown, sent: PageCursor, itemsKey?: string): PageCursor | undefined {
  if (!isRecord(page) || page.has_more !== true) return undefined
  const { continuation_token: _t, offset: _o, ...rest } = sent
  if ('continuation_token' in page) {
    const token = page.continuation_token
    if (token === null || token === undefined || token === '') return undefined
    if (token === sent.continuation_token) return undefined // no progress: stop rather than loop
    return { ...rest, continuation_token: token as number | string }
  }
  if ('next_offset' in page) {
    const next = page.next_offset
    if (typeof next !== 'number' || (typeof sent.offset === 'number' && next <= sent.offset)) return undefined
    return { ...rest, offset: next }
  }
  const count = pageItems(page, itemsKey).length
  if (count === 0) return undefined
  const current =
    typeof sent.offset === 'number' ? sent.offset : typeof page.offset === 'number' ? page.offset : 0
  return { ...rest, offset: current + count }
}
