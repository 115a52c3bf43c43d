/** Who a Bearer token stands for. */
export interface Principal {
  /** `api_key` (a workspace key), `user` (device-code login), `integration` (client_credentials parent), `external_user`. */
  kind: 'api_key' | 'user' | 'integration' | 'external_user'
  /** Workspaces the token may address (`'*'` = any). */
  workspaces: string[] | '*'
  /** Granted scopes (`'*'` = everything). */
  scopes: string[]
  /** Stable subject id (key id, user id, credential id, external subject key). */
  subject: string
  /** Epoch ms after which the token is refused (undefined = never). */
  expiresAt?: number
  /** External-user binding. */
  serviceId?: string
  entityId?: string
  /** For integration parents: the services its credential may mint sessions for. */
  serviceIds?: string[]
  sessionId?: string
}

/** Scope an integration parent token needs to mint external-user sessions. */
export const EXTERNAL_USER_SESSION_CREATE_SCOPE = 'external_user_sessions:create'

/** True when the principal holds `scope` (or everything). */
export function hasScope(p: Principal, scope: string): boolean {
  return p.scopes.includes('*') || p.scopes.includes(scope)
}

/** True when the principal may address `workspaceId`. */
export function canAccessWorkspace(p: Principal, workspaceId: string): boolean {
  return p.workspaces === '*' || p.workspaces.includes(workspaceId)
}
