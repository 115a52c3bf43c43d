const DIGITS = /^\d+$/

/** Compares two decimal-digit ids (any length); undefined when either is not purely digits. */
export function compareNumericIds(a: string, b: string): number | undefined {
  if (!DIGITS.test(a) || !DIGITS.test(b)) return undefined
  const x = a.replace(/^0+(?=\d)/, '')
  const y = b.replace(/^0+(?=\d)/, '')
  if (x.length !== y.length) return x.length - y.length
  return x < y ? -1 : x > y ? 1 : 0
}

/**
 * True when an event is certainly a replay of something delivered before this connection: the
 * platform's ids are increasing epoch milliseconds, so an id below the one we resumed from is old
 * even if the server replays further back than asked (the recent-keys window alone only remembers
 * the last few thousand). Equal ids are left to the recent-keys check (two events can share a ms).
 */
export function isOlderThanResumePoint(id: string, resumedFrom: string | undefined): boolean {
  if (resumedFrom === undefined) return false
  const order = compareNumericIds(id, resumedFrom)
  return order !== undefined && order < 0
}
