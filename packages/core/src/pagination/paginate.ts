import { nextCursor, type PageCursor, pageItems } from './page-shape'

/** Options of {@link paginate} and {@link autoPage}. */
export interface PaginateOptions {
  /** Query parameters of the first request (kept on every later one). */
  params?: Record<string, unknown>
  /** Field holding the items (default `items`, else the first array field). */
  itemsKey?: string
  /** The operation's largest allowed `limit`; a larger requested limit is clamped to it. */
  maxPageSize?: number
}

const clampLimit = (params: Record<string, unknown>, max: number | undefined): PageCursor => {
  const cursor: PageCursor = { ...params }
  // Only a limit the caller set is clamped; leaving it out lets the API use its own default.
  if (max !== undefined && typeof cursor.limit === 'number' && cursor.limit > max) cursor.limit = max
  return cursor
}

/**
 * Walks a paginated list lazily, yielding each page. A page is fetched only when the loop asks
 * for it, so `break` stops all further requests.
 */
export async function* paginate<Page>(
  fetchPage: (cursor: PageCursor) => Promise<Page>,
  opts: PaginateOptions = {},
): AsyncIterableIterator<Page> {
  let cursor: PageCursor | undefined = clampLimit(opts.params ?? {}, opts.maxPageSize)
  while (cursor) {
    const page: Page = await fetchPage(cursor)
    yield page
    cursor = nextCursor(page, cursor, opts.itemsKey)
  }
}

/** Like {@link paginate} but yields the items of every page, one by one. */
export async function* autoPage<Item>(
  fetchPage: (cursor: PageCursor) => Promise<unknown>,
  opts: PaginateOptions = {},
): AsyncIterableIterator<Item> {
  for await (const page of paginate(fetchPage, opts)) {
    for (const item of pageItems(page, opts.itemsKey)) yield item as Item
  }
}
