const isDigits = (id: string) => /^\d+$/.test(id)

// Drops leading zeros (keeping one digit) so that digit strings compare by length first.
const trimZeros = (id: string) => id.replace(/^0+(?=\d)/, '')

/** Compares two decimal-digit ids (any length); undefined when either is not purely digits. */
export function compareNumericIds(a: string, b: string): number | undefined {
  if (!isDigits(a) || !isDigits(b)) return undefined
  const x = trimZeros(a)
  const y = trimZeros(b)
  if (x.length !== y.length) return x.length - y.length
  return x < y ? -1 : x > y ? 1 : 0
}

/**
 * The exactly-once check across reconnects. The platform's ids are increasing epoch milliseconds and
 * several events may share one, so after resuming from id R the server's replay holds only two kinds
 * of old events: ids below R (skipped by order, however far back the replay goes), and events with id
 * R itself, which are told apart by type and data from the events delivered with the newest id (the
 * only ones remembered, usually one). Once an id above R arrives the connection is live and an event
 * costs one string comparison, not a hash of its payload. Ids that are not decimal digits carry no
 * order, so they end the catch-up at once and only a repeat of the newest id is recognised.
 *
 * Order alone cannot tell a replay from a live event of a server whose ids never reach R (a cursor
 * from another server or made up, a server id far above the rest, ids that started over): skipping
 * every id below R would hide its events for good. So an id below R is skipped only when it is at or
 * below P, the id received before R: this stream received the two in a row, so in the sequence it
 * followed nothing lies between them, and an id that does shows the server is not replaying that
 * sequence, which ends the catch-up. With no P (a `lastEventId` given by the caller, where the
 * server alone decides what to send after it) nothing is skipped by order.
 */
export class ReplayGuard {
  declare private resumePoint: string | undefined
  // P above: ids below the resume point and at or below this are replays.
  declare private replayedUpTo: string | undefined
  declare private newest: string | undefined
  // The first event delivered with the newest id (usually the only one): compared as it is.
  declare private firstType: string | undefined
  declare private firstData: string
  // Keys (`type NUL data`) of the events with the newest id, made once a second one arrives.
  declare private many: Set<string> | undefined

  /** Starts a connection that resumes after `id` (undefined: a fresh stream), received after `before`. */
  resume(id: string | undefined, before: string | undefined): void {
    this.resumePoint = id
    this.replayedUpTo = before
  }

  /** False for a message the server replayed: an id below the resume point and not above `before`. */
  isPastResumePoint(id: string): boolean {
    if (this.resumePoint === undefined) return true
    const order = compareNumericIds(id, this.resumePoint)
    // Not digits (or no `before`): compares as above it, so nothing is skipped.
    const replayed = (compareNumericIds(id, this.replayedUpTo ?? '') ?? 1) <= 0
    if (order !== undefined && order < 0 && replayed) return false
    // Beyond the resume point, between it and `before`, or unordered ids: everything after this is new.
    if (order !== 0) this.resumePoint = undefined
    return true
  }

  /** Records an event about to be delivered; returns false when it was delivered before. */
  add(id: string, type: string | undefined, data: string): boolean {
    if (id !== this.newest) {
      this.newest = id
      this.firstType = type
      this.firstData = data
      this.many = undefined
      return true
    }
    if (!this.many) {
      if (data === this.firstData && type === this.firstType) return false
      this.many = new Set([key(this.firstType, this.firstData)])
    }
    const k = key(type, data)
    if (this.many.has(k)) return false
    this.many.add(k)
    return true
  }
}

const key = (type: string | undefined, data: string) => `${type ?? ''}\u0000${data}`
