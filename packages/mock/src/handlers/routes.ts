import type { Handler, MockCore } from '../http/types'
import { indexOperations, opKey } from '../spec/operations'
import { Router } from '../spec/router'
import { registerHandlers } from './register-handlers'

/**
 * Every route of the mock: the hand-written handlers by operation key, and a router over the spec's
 * operations. Routes with a handler but absent from the spec (older documents) are still served,
 * unvalidated.
 */
export function buildRoutes(core: MockCore): { handlers: Map<string, Handler>; router: Router } {
  const handlers = new Map<string, Handler>()
  registerHandlers({ on: (method, path, handler) => handlers.set(opKey(method, path), handler) }, core)
  const { spec } = core
  const operations = [...spec.operations]
  const extra = [...handlers.keys()].filter((k) => !spec.operations.some((o) => o.key === k))
  if (extra.length) {
    const paths: Record<string, Record<string, object>> = {}
    for (const k of extra) {
      const [m, p] = k.split(' ') as [string, string]
      paths[p] = { ...(paths[p] ?? {}), [m.toLowerCase()]: { operationId: `mock:${k}`, responses: {} } }
    }
    operations.push(...indexOperations({ paths, security: spec.doc.security }))
  }
  return { handlers, router: new Router(operations) }
}
