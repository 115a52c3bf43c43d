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
 */
export class ReplayGuard {
  declare private resumePoint: string | undefined
  declare private newest: string | undefined
  // The first event delivered with the newest id (usually the only one): compared as it is.
  declare private firstType: string | undefined
  declare private firstData: string
  // Keys (`type NUL data`) of the events with the newest id, made once a second one arrives.
  declare private many: Set<string> | undefined

  /** Starts a connection that resumes after `id` (undefined: a fresh stream). */
  resume(id: string | undefined): void {
    this.resumePoint = id
  }

  /** False for a message whose id precedes the resume point: the server replayed it. */
  isPastResumePoint(id: string): boolean {
    if (this.resumePoint === undefined) return true
    const order = compareNumericIds(id, this.resumePoint)
    if (order !== undefined && order < 0) return false
    // Beyond the resume point (or unordered ids): everything after this is new.
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
