// Repeats under a time budget: the machines this runs on are shared, so a slow run does fewer
// repeats (never less work per repeat) and says how many it did.

/**
 * Calls `once(rep)` for rep = 0, 1, ... at least `min` and at most `max` times, stopping early
 * once `budgetMs` has been spent. Returns the number of repeats done.
 */
export async function repeatWithin({ min = 1, max, budgetMs }, once) {
  const start = performance.now()
  let rep = 0
  while (rep < max && (rep < min || performance.now() - start < budgetMs)) {
    await once(rep)
    rep++
  }
  return rep
}
