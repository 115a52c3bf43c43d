/** Credentials as `TokenManager` keeps them (the `loginWithDeviceCode` result minus `raw`). */
export interface StoredCredentials {
  /** The access token. */
  accessToken: string
  /** The refresh token, when one was issued. */
  refreshToken?: string
  /** When `accessToken` expires, in milliseconds since the epoch. */
  expiresAt: number
  /** The workspace the token is for. */
  workspaceId: string
  /** Granted scope. */
  scope?: string
  /** `Bearer` or `DPoP`. */
  tokenType: string
  /** Identity service that issued the token; refreshes go there. */
  identityBaseUrl?: string
  /** Identity session id, when issued. */
  sessionId?: string
}

/** The on-disk (JSON) shape: snake_case, `expires_at` as an ISO 8601 string, plus a format version. */
export interface StoredCredentialsJson {
  version: 1
  access_token: string
  refresh_token?: string
  expires_at: string
  workspace_id: string
  scope?: string
  token_type: string
  identity_base_url?: string
  session_id?: string
}

/** Accepts `expiresAt` as ms since the epoch, a `Date` or an ISO 8601 string; returns ms (NaN when unusable). */
export function toEpochMs(value: unknown): number {
  if (typeof value === 'number') return value
  if (value instanceof Date) return value.getTime()
  if (typeof value === 'string') return Date.parse(value)
  return Number.NaN
}

/** Copies only the known fields (drops `raw` and anything else a caller passed in). */
export function pickCredentials(input: StoredCredentials): StoredCredentials {
  const out: StoredCredentials = {
    accessToken: input.accessToken,
    expiresAt: toEpochMs(input.expiresAt),
    workspaceId: input.workspaceId,
    tokenType: input.tokenType ?? 'Bearer',
  }
  if (input.refreshToken) out.refreshToken = input.refreshToken
  if (input.scope) out.scope = input.scope
  if (input.identityBaseUrl) out.identityBaseUrl = input.identityBaseUrl
  if (input.sessionId) out.sessionId = input.sessionId
  return out
}

/** Problems with a credentials object, as field names (empty when it is usable). */
export function credentialProblems(c: Partial<StoredCredentials> | undefined): string[] {
  if (!c || typeof c !== 'object') return ['credentials']
  const problems: string[] = []
  if (typeof c.accessToken !== 'string' || !c.accessToken) problems.push('accessToken')
  if (typeof c.workspaceId !== 'string' || !c.workspaceId) problems.push('workspaceId')
  if (!Number.isFinite(toEpochMs(c.expiresAt))) problems.push('expiresAt')
  if (c.refreshToken !== undefined && typeof c.refreshToken !== 'string') problems.push('refreshToken')
  return problems
}

/** Serialises credentials to the on-disk JSON shape. */
export function credentialsToJson(c: StoredCredentials): StoredCredentialsJson {
  const json: StoredCredentialsJson = {
    version: 1,
    access_token: c.accessToken,
    expires_at: new Date(c.expiresAt).toISOString(),
    workspace_id: c.workspaceId,
    token_type: c.tokenType,
  }
  if (c.refreshToken) json.refresh_token = c.refreshToken
  if (c.scope) json.scope = c.scope
  if (c.identityBaseUrl) json.identity_base_url = c.identityBaseUrl
  if (c.sessionId) json.session_id = c.sessionId
  return json
}

/** Reads the on-disk JSON shape; returns the names of bad fields instead when it is not valid. */
export function credentialsFromJson(value: unknown): StoredCredentials | { problems: string[] } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { problems: ['not a JSON object'] }
  const j = value as Record<string, unknown>
  const expiresAt =
    typeof j.expires_at === 'string'
      ? Date.parse(j.expires_at)
      : typeof j.expires_at === 'number'
        ? j.expires_at
        : Number.NaN
  const c: StoredCredentials = {
    accessToken: j.access_token as string,
    expiresAt,
    workspaceId: j.workspace_id as string,
    tokenType: typeof j.token_type === 'string' ? j.token_type : 'Bearer',
  }
  if (j.refresh_token !== undefined) c.refreshToken = j.refresh_token as string
  if (typeof j.scope === 'string') c.scope = j.scope
  if (typeof j.identity_base_url === 'string') c.identityBaseUrl = j.identity_base_url
  if (typeof j.session_id === 'string') c.sessionId = j.session_id
  const problems = credentialProblems(c).map((f) => f.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`))
  return problems.length > 0 ? { problems } : c
}
