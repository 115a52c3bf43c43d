import { looksLikeMilliseconds } from '../identity/token-expiry'

/**
 * Credentials as a `TokenStorage` keeps them: the official SDK's shape (snake_case, `expires_at` in
 * seconds since the epoch), so files and storages written for it work here and the other way round.
 */
export interface StoredCredentials {
  /** The token sent as `Authorization: Bearer …`. */
  access_token: string
  /** An empty string when the server issued none. */
  refresh_token: string
  /** The workspace the token is bound to. */
  workspace_id: string
  /** When `access_token` expires, in seconds since the epoch. */
  expires_at: number
  /** Granted scope, space-separated. */
  scope?: string
  /** Identity service that issued the token; refreshes go there. */
  identity_base_url?: string
  /** `Bearer` or `DPoP`. */
  token_type?: string
  /** Identity session id, when issued. */
  session_id?: string
}

const OPTIONAL_FIELDS = ['scope', 'identity_base_url', 'token_type', 'session_id'] as const

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0

/**
 * Reads credentials from storage (or a file's JSON), keeping only the known fields. Also reads the
 * first file format of this package, whose `expires_at` was an ISO 8601 string. Returns the names
 * of the missing or invalid fields instead when they are not usable.
 *
 * An `expires_at` past the year 5000 (milliseconds written where seconds belong by another tool, or
 * an absurd value) reads as 0, already expired: taken at its word, a token that may have expired
 * long ago would be handed out for ever. Expired, it is refreshed before use (or, without a refresh
 * token, the user is asked to sign in again), which costs one refresh if it was still valid; a
 * guessed unit could instead hand out a dead token, and refusing the file would lose a refresh token
 * that still works.
 */
export function readStoredCredentials(value: unknown): StoredCredentials | { problems: string[] } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { problems: ['not an object'] }
  const v = value as Record<string, unknown>
  const expiresAt =
    typeof v.expires_at === 'string' ? Math.floor(Date.parse(v.expires_at) / 1000) : v.expires_at
  const problems: string[] = []
  if (!nonEmpty(v.access_token)) problems.push('access_token')
  if (v.refresh_token !== undefined && typeof v.refresh_token !== 'string') problems.push('refresh_token')
  if (!nonEmpty(v.workspace_id)) problems.push('workspace_id')
  if (typeof expiresAt !== 'number' || !Number.isFinite(expiresAt)) problems.push('expires_at')
  if (problems.length > 0) return { problems }
  const creds: StoredCredentials = {
    access_token: v.access_token as string,
    refresh_token: (v.refresh_token as string | undefined) ?? '',
    workspace_id: v.workspace_id as string,
    expires_at: looksLikeMilliseconds(expiresAt as number) ? 0 : (expiresAt as number),
  }
  for (const key of OPTIONAL_FIELDS) if (typeof v[key] === 'string') creds[key] = v[key] as string
  return creds
}
