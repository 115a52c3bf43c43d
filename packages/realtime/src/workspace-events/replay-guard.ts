// A loop rather than /^\d+$/: it runs for every replayed event and ids are short.
function isDigits(id: string): boolean {
  if (id.length === 0) return false
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i)
    if (c < 48 || c > 57) return false
  }
  return true
}

// Drops leading zeros (keeping one digit) so that digit strings compare by length first.
const trimZeros = (id: string) =>
  id.length > 1 && id.charCodeAt(0) === 48 ? id.replace(/^0+(?=\d)/, '') : id

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
  // The events delivered with the newest id: their types and data in slots [0, count).
  private types: (string | undefined)[] = []
  private data: string[] = []
  private count = 0
  // Past this many events on one id a linear scan would turn quadratic, so keys move to a set.
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
      this.many = undefined
      this.types[0] = type
      this.data[0] = data
      this.count = 1
      return true
    }
    if (!this.many) {
      for (let i = 0; i < this.count; i++) if (this.data[i] === data && this.types[i] === type) return false
      if (this.count < 32) {
        this.types[this.count] = type
        this.data[this.count++] = data
        return true
      }
      this.many = new Set(this.data.map((d, i) => `${this.types[i] ?? ''}\u0000${d}`))
    }
    const key = `${type ?? ''}\u0000${data}`
    if (this.many.has(key)) return false
    this.many.add(key)
    return true
  }
}
