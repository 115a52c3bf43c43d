import { ParseError } from '../errors/client-errors'
import { nextCursor, type PageCursor, pageItems } from './page-shape'

/** Options of {@link autoPage}. */
export interface PaginateOptions {
  /** Query parameters of the first request (kept on every later one). */
  params?: Record<string, unknown>
  /** Field holding the items (default `items`, else the first array field). */
  itemsKey?: string
  /** The operation's largest allowed `limit`; a larger requested limit is clamped to it. */
  maxPageSize?: number
  /**
   * Whether the list may be paged by `offset` alone: its pages carry `has_more` but no
   * `continuation_token` nor `next_offset`, and the next offset is counted from the items received
   * (default true). False for a list that takes no `offset`: there such a page is a `ParseError`,
   * where a server ignoring the offset would hand back its first page for ever.
   */
  offsetPages?: boolean
}

/** One page of a token-paged list. */
export interface PaginatedList<T> {
  /** The page's items. */
  items: T[]
  /** Whether another page follows. */
  has_more: boolean
  /** Token of the next page (`null` on the last page). */
  continuation_token: number | null
}

/** Query parameters every token-paged list takes. */
export interface ListParams {
  /** Items per page (each list has its own maximum). */
  limit?: number
  /** Token of the page to read (from the previous page's `continuation_token`). */
  continuation_token?: number
}

/** A page as {@link paginate} reads it: the token may be any value the API hands out, or absent. */
export interface TokenPage<T, Token> {
  /** The page's items. */
  items: T[]
  /** True when another page follows; anything else ends the walk. */
  has_more?: boolean
  /** What to send as `continuation_token` to read the next page. */
  continuation_token?: Token | null
}

const clampLimit = (params: Record<string, unknown>, max: number | undefined): PageCursor => {
  const cursor: PageCursor = { ...params }
  // Only a limit the caller set is clamped; leaving it out lets the API use its own default. Text
  // such as '50' compares as its number, so it is clamped too.
  if (max !== undefined && (cursor.limit as number) > max) cursor.limit = max
  return cursor
}

/**
 * Walks a token-paged list and yields its items: `fetchPage` gets `undefined` for the first page,
 * then each page's `continuation_token`. It stops after a page without `has_more`, without a token,
 * or with a token it was already given (a server cycling its tokens would otherwise loop forever). A
 * page is fetched only when the loop asks for its first item, so `break` stops all further requests.
 *
 * @example
 * for await (const agent of paginate((token) => client.agents.list({ continuation_token: token }))) {}
 */
export async function* paginate<T, Token = number>(
  fetchPage: (continuationToken?: Token) => Promise<TokenPage<T, Token>>,
): AsyncGenerator<T, void, undefined> {
  let token: Token | undefined
  // Tokens by value: an object token is parsed anew with every page, so its identity never repeats.
  const sent = new Set<unknown>()
  const key = (t: Token | undefined) => (typeof t === 'object' && t !== null ? JSON.stringify(t) : t)
  for (;;) {
    sent.add(key(token))
    const page = await fetchPage(token)
    if (!Array.isArray(page?.items))
      throw new ParseError('paginate: the page fetchPage returned has no items array')
    yield* page.items
    const next = page.continuation_token
    if (!page.has_more || next === undefined || next === null || sent.has(key(next))) return
    token = next
  }
}

/**
 * Walks a list of any of the API's page shapes (see page-shape.ts) and yields the items of every
 * page, one by one, keeping the first request's query parameters on every later one. Lazy: a page
 * is fetched only when an item of it is asked for, and `break`/`return()` stops further requests.
 * Each item is yielded on its own: `yield*` over a page would add a resume per item for the array's
 * async wrapper (bench: auto-paging, 20 items per page).
 */
export async function* autoPage<Item>(
  fetchPage: (cursor: PageCursor) => Promise<unknown>,
  opts: PaginateOptions = {},
): AsyncIterableIterator<Item> {
  let cursor: PageCursor | undefined = clampLimit(opts.params ?? {}, opts.maxPageSize)
  const tokens = new Set<unknown>()
  while (cursor !== undefined) {
    const sent: PageCursor = cursor
    tokens.add(sent.continuation_token)
    const page = await fetchPage(sent)
    for (const item of pageItems(page, opts.itemsKey)) yield item as Item
    cursor = nextCursor(page, sent, opts.itemsKey, opts.offsetPages)
    // Offsets only move forward (nextCursor), but tokens may come round again (A, B, A, ...): a token
    // already sent ends the walk. An offset cursor has no token, and `?? tokens` then matches nothing.
    if (tokens.has(cursor?.continuation_token ?? tokens)) return
  }
}
