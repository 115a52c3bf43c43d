import { hasScope, type Principal } from '../auth/principal'
import type { Operation } from '../spec/operations'

/** Operations an `external_user` token may call (its own service-bound conversation only). */
const EXTERNAL_USER_OPS = new Set([
  'POST /v1/{workspace_id}/conversations',
  'GET /v1/{workspace_id}/conversations/{conversation_id}',
  'DELETE /v1/{workspace_id}/conversations/{conversation_id}',
  'POST /v1/{workspace_id}/conversations/{conversation_id}/turns',
  'POST /v1/{workspace_id}/conversations/{conversation_id}/turns/stream',
  'POST /v1/{workspace_id}/conversations/messages',
])

/** `agents` from `/v1/{workspace_id}/agents/...`; world routes count as `entities`. */
function resourceOf(op: Operation): string | undefined {
  const m = /^\/v1\/\{workspace_id\}\/([^/{]+)/.exec(op.path)
  if (!m) return undefined
  return m[1] === 'world' ? 'entities' : m[1]
}

/** Returns why the principal may not call `op` (undefined when allowed). */
export function checkScope(p: Principal, op: Operation, query: Record<string, unknown>): string | undefined {
  if (p.kind === 'external_user') {
    if (!EXTERNAL_USER_OPS.has(op.key)) return 'external_user tokens can only use their own conversation'
    if (query.include_tool_calls === true) return 'external_user tokens cannot request include_tool_calls'
    return undefined
  }
  if (p.kind === 'integration') {
    return op.path.startsWith('/self') ? undefined : 'integration tokens can only mint external-user sessions'
  }
  if (hasScope(p, '*')) return undefined
  const resource = resourceOf(op)
  if (!resource) return undefined
  const need = `${resource}:${op.method === 'get' || op.method === 'head' ? 'read' : 'write'}`
  if (hasScope(p, need) || (need.endsWith(':read') && hasScope(p, `${resource}:write`))) return undefined
  return `token scope does not include ${need}`
}
