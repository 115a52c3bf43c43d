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

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined }

/**
 * Like {@link paginate} but yields the items of every page, one by one. Hand-written rather than an
 * async generator: an item already fetched is handed out with a resolved promise, where a generator
 * paid a full resume-and-suspend for every item (bench: auto-paging, 20 items per page). Same
 * contract: lazy (a page is fetched only when an item of it is asked for), `break`/`return()` stops
 * further requests, calls to `next()` are served in order, and a failure ends the iteration.
 */
export function autoPage<Item>(
  fetchPage: (cursor: PageCursor) => Promise<unknown>,
  opts: PaginateOptions = {},
): AsyncIterableIterator<Item> {
  let cursor: PageCursor | undefined = clampLimit(opts.params ?? {}, opts.maxPageSize)
  let items: unknown[] = []
  let index = 0
  let finished = false
  // The call waiting for a page; later calls queue behind it, as they would on a generator.
  let pending: Promise<IteratorResult<Item, undefined>> | undefined

  const fill = async (): Promise<IteratorResult<Item, undefined>> => {
    while (index >= items.length) {
      if (finished || cursor === undefined) {
        finished = true
        return DONE
      }
      const sent: PageCursor = cursor
      let page: unknown
      try {
        page = await fetchPage(sent)
      } catch (error) {
        finished = true
        throw error
      }
      if (finished) return DONE
      items = pageItems(page, opts.itemsKey)
      index = 0
      cursor = nextCursor(page, sent, opts.itemsKey)
    }
    return { done: false, value: items[index++] as Item }
  }

  const next = (): Promise<IteratorResult<Item, undefined>> => {
    if (pending) return pending.then(next, next)
    if (index < items.length) return Promise.resolve({ done: false, value: items[index++] as Item })
    if (finished) return Promise.resolve(DONE)
    const started = fill()
    pending = started
    const clear = () => {
      if (pending === started) pending = undefined
    }
    started.then(clear, clear)
    return started
  }

  return {
    next,
    async return(): Promise<IteratorResult<Item, undefined>> {
      finished = true
      items = []
      index = 0
      return DONE
    },
    [Symbol.asyncIterator]() {
      return this
    },
  }
}
