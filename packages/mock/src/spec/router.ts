import type { Operation } from './operations'
import { hasDotSegment } from './request-target'

/** What the router found for a method + path. */
export type RouteMatch =
  | { kind: 'match'; operation: Operation; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'not-found' }

/** Matches request paths against the spec's path templates. */
export class Router {
  private readonly ops: Operation[]

  constructor(operations: Operation[]) {
    // Literal segments first: `/agents/dashboard` must win over `/agents/{agent_id}`.
    this.ops = [...operations].sort((a, b) => b.specificity - a.specificity)
  }

  /**
   * Finds the operation for `method` and `pathname` (the raw path, no query string). A path with a
   * dot segment matches nothing: resolved, it would name a neighbouring route.
   */
  match(method: string, pathname: string): RouteMatch {
    if (hasDotSegment(pathname)) return { kind: 'not-found' }
    const m = method.toLowerCase()
    const allow = new Set<string>()
    for (const op of this.ops) {
      const found = op.regex.exec(pathname)
      if (!found) continue
      if (op.method !== m && !(m === 'head' && op.method === 'get')) {
        allow.add(op.method.toUpperCase())
        continue
      }
      const params: Record<string, string> = {}
      op.paramNames.forEach((name, i) => {
        params[name] = safeDecode(found[i + 1]!)
      })
      return { kind: 'match', operation: op, params }
    }
    return allow.size ? { kind: 'method-not-allowed', allow: [...allow].sort() } : { kind: 'not-found' }
  }
}

/** `s` percent-decoded, or as sent when it is not valid percent-encoding. */
export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}
