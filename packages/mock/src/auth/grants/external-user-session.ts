import { createHash } from 'node:crypto'
import {
  canAccessWorkspace,
  EXTERNAL_USER_SESSION_CREATE_SCOPE,
  hasScope,
  type Principal,
} from '../principal'
import { oauthError, type TokenReply } from '../token-form'
import { accessToken, type GrantContext, newSessionId } from './context'

/** Lifetime of an external-user access token when the grant names none (within the 900-3600 s range). */
const DEFAULT_TTL = 1800

/** A deterministic id for an external subject (the platform keeps only a keyed hash of the key). */
const consumerSubjectId = (workspaceId: string, subjectType: string, key: string): string =>
  `csub_${createHash('sha256').update(`${workspaceId}\n${subjectType}\n${key}`).digest('hex').slice(0, 24)}`

/** The parent token (the request's Bearer) when it may create sessions, else the error answer. */
function parentOf(ctx: GrantContext): Principal | TokenReply {
  if (!ctx.bearer)
    return oauthError(401, 'invalid_client', 'parent access token required as the Bearer token')
  const parent = ctx.resolve(ctx.bearer)
  if (parent === 'expired') return oauthError(401, 'invalid_token', 'token_expired')
  if (!parent) return oauthError(401, 'invalid_token', 'parent access token is not valid')
  if (!hasScope(parent, EXTERNAL_USER_SESSION_CREATE_SCOPE))
    return oauthError(403, 'insufficient_scope', `parent token lacks ${EXTERNAL_USER_SESSION_CREATE_SCOPE}`)
  return parent
}

/** The requested subject, service and lifetime, checked against the parent token. */
function sessionRequest(ctx: GrantContext, parent: Principal) {
  const { form } = ctx
  const workspaceId = form.str('workspace_id')!
  if (!canAccessWorkspace(parent, workspaceId))
    return oauthError(403, 'invalid_grant', 'workspace_id is not allowed for this parent token')
  const subjectType = form.str('subject_type')!
  if (subjectType !== 'user' && subjectType !== 'anonymous')
    return oauthError(400, 'invalid_request', "subject_type must be 'user' or 'anonymous'")
  const serviceId = form.str('service_id')!
  if (parent.serviceIds && !parent.serviceIds.includes(serviceId))
    return oauthError(403, 'invalid_scope', 'service_id is not allowed for this credential')
  const ttlRaw = form.raw('ttl_seconds')
  const ttl = ttlRaw === undefined ? DEFAULT_TTL : Number(ttlRaw)
  if (!Number.isInteger(ttl) || ttl < 900 || ttl > 3600)
    return oauthError(400, 'invalid_request', 'ttl_seconds must be an integer between 900 and 3600')
  return { workspaceId, subjectType, serviceId, ttl, externalKey: form.str('external_subject_key')! }
}

/**
 * `external_user_session`: a parent token with the session scope (its own Bearer) mints a token for
 * one end user of one service, limited to that user's own conversations.
 */
export function externalUserSessionGrant(ctx: GrantContext): TokenReply {
  const bad = ctx.form.missing('workspace_id', 'external_subject_key', 'subject_type', 'service_id')
  if (bad) return bad
  const parent = parentOf(ctx)
  if ('status' in parent) return parent
  const req = sessionRequest(ctx, parent)
  if ('status' in req) return req
  const consumerEntityId = ctx.form.str('consumer_entity_id')
  const child: Principal = {
    kind: 'external_user',
    workspaces: [req.workspaceId],
    scopes: ['conversations:own'],
    subject: `ext:${req.subjectType}:${req.externalKey}`,
    serviceId: req.serviceId,
    entityId: consumerEntityId,
    sessionId: newSessionId(),
  }
  return {
    status: 200,
    body: {
      ...accessToken(ctx, child, req.ttl),
      refresh_token: ctx.refreshTokens.issue(child),
      session_id: child.sessionId,
      // Stable per workspace + subject, so the same end user maps to the same consumer subject.
      consumer_subject_id: consumerSubjectId(req.workspaceId, req.subjectType, req.externalKey),
      subject_type: req.subjectType,
      consumer_entity_id: consumerEntityId ?? null,
    },
  }
}
