/**
 * A connection that stayed open this long proves the endpoint works: when it ends, the count of
 * failed connections in a row starts over. A shorter one (even one that delivered data) counts as a
 * failure, so a server that answers and drops at once still runs out the reconnect budget.
 */
const STABLE_CONNECTION_MS = 10_000

/**
 * True when a connection opened at `openedAt` (ms since the epoch) was stable; undefined (never
 * opened) makes the difference NaN, which is never stable.
 */
export const wasStable = (openedAt: number | undefined): boolean =>
  Date.now() - (openedAt as number) >= STABLE_CONNECTION_MS
