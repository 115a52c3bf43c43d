import { parseFault } from './parse'
import type { MockFault } from './types'

/**
 * True when `pathname` starts with `path`, or `path` (a RegExp) matches it. `search` always starts at
 * the beginning: `test` on a RegExp with the g or y flag resumes where its last match ended, so every
 * other request to the same path would slip through.
 */
const pathMatches = (path: string | RegExp, pathname: string): boolean =>
  typeof path === 'string' ? pathname.startsWith(path) : pathname.search(path) >= 0

interface Armed {
  fault: MockFault
  remaining: number
}

/** Keeps server-wide faults and per-header counters; decides which fault applies to a request. */
export class FaultRegistry {
  private armed: Armed[] = []
  // Per-request faults with `times` count across requests carrying the same header on the same route.
  private readonly headerCounts = new Map<string, number>()

  constructor(initial: MockFault[] = []) {
    for (const f of initial) this.add(f)
  }

  /** Arms a server-wide fault; returns a function that disarms it. */
  add(fault: MockFault): () => void {
    const entry = { fault, remaining: fault.times ?? Number.POSITIVE_INFINITY }
    this.armed.push(entry)
    return () => {
      this.armed = this.armed.filter((a) => a !== entry)
    }
  }

  /** Disarms every server-wide fault. */
  clear(): void {
    this.armed = []
    this.headerCounts.clear()
  }

  /** The fault for this request (header first, then the first matching server-wide one), consuming one use. */
  take(method: string, pathname: string, header: string | undefined): MockFault | undefined {
    if (header) {
      const fault = parseFault(header)
      if (fault.times === undefined) return fault
      const key = `${method} ${pathname} ${header}`
      const used = this.headerCounts.get(key) ?? 0
      this.headerCounts.set(key, used + 1)
      return used < fault.times ? fault : undefined
    }
    for (const a of this.armed) {
      if (a.remaining <= 0) continue
      const f = a.fault
      if (f.method && f.method.toUpperCase() !== method.toUpperCase()) continue
      if (f.path !== undefined && !pathMatches(f.path, pathname)) continue
      a.remaining--
      return f
    }
    return undefined
  }
}
