import type { IncomingMessage } from 'node:http'
import { canAccessWorkspace, type Principal } from '../auth/principal'
import type { AuthService } from '../auth/service'
import type { Operation } from '../spec/operations'
import { Ending } from './ending'
import { checkScope } from './scopes'

/**
 * The token of an `Authorization: Bearer …` header ('' for another scheme, undefined without one).
 * The scheme is matched in any case (RFC 9110 §11.1).
 */
export function bearerOf(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization
  if (!h) return undefined
  const m = /^Bearer\s+(.+)$/i.exec(h.trim())
  return m ? m[1]!.trim() : ''
}

/**
 * Who the request acts as: the principal of its Bearer token (undefined on a public route without
 * one), or the 401 answer of a missing, unknown or expired token on a protected route.
 */
export function authenticate(
  auth: AuthService,
  req: IncomingMessage,
  op: Operation,
): { principal: Principal | undefined } | Ending {
  const token = bearerOf(req)
  if (!token) {
    if (op.isPublic) return { principal: undefined }
    return Ending.answer(401, { detail: 'Not authenticated' }, { 'www-authenticate': 'Bearer' })
  }
  const resolved = auth.resolve(token)
  if (resolved && resolved !== 'expired') return { principal: resolved }
  if (op.isPublic) return { principal: undefined }
  if (resolved === 'expired')
    return Ending.answer(
      401,
      { detail: 'Token expired', error_code: 'token_expired' },
      { 'www-authenticate': 'Bearer error="invalid_token"' },
    )
  return Ending.answer(
    401,
    { detail: 'Invalid authentication credentials' },
    { 'www-authenticate': 'Bearer' },
  )
}

/** The 403 answer when the principal may not use this workspace or lacks the operation's scope. */
export function authorize(
  principal: Principal | undefined,
  op: Operation,
  parsed: { path: Record<string, any>; query: Record<string, any> },
): Ending | undefined {
  if (!principal) return undefined
  const workspace = parsed.path.workspace_id
  if (typeof workspace === 'string' && !canAccessWorkspace(principal, workspace))
    return Ending.answer(403, { detail: 'This token cannot access the workspace' })
  if (op.isPublic) return undefined
  const denied = checkScope(principal, op, parsed.query)
  return denied ? Ending.answer(403, { detail: denied }) : undefined
}
