/**
 * Resolves once `check()` returns true, polling every 2 ms; rejects naming `what` after `timeoutMs`.
 * For state that changes without an event to await: connections a server accepted, items a
 * callback collected.
 */
export async function waitFor(check: () => boolean, timeoutMs = 3000, what = 'condition'): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 2))
  }
}
