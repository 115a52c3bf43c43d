import { ParseError, pathSegmentProblem } from '@amigo-ai/core'
import { canSendAsBearer } from './bearer-header'

/** A checked 200 `/token` body: the fields this package uses, and the body as received in `raw`. */
export interface TokenPayload {
  access_token: string
  token_type: string
  /** Lifetime in seconds, when the server sent a usable one. */
  expires_in?: number
  scope?: string
  session_id?: string
  refresh_token?: string
  /** Workspace the token is bound to, when the server says. */
  workspace_id?: string
  raw: Record<string, unknown>
}

const optionalString = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined)

/** Checks a 200 `/token` body; a body without `access_token` is a `ParseError` (its content is not echoed). */
export function parseTokenPayload(body: unknown): TokenPayload {
  // Text is what an answer that is not JSON reads as (an HTML error page behind a 200, say).
  if (typeof body === 'string') throw new ParseError('The token response is not JSON')
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
  if (typeof b.access_token !== 'string' || b.access_token.length === 0) {
    throw new ParseError('The token response has no access_token')
  }
  // It is sent back as a Bearer header (profile lookup, API calls).
  if (!canSendAsBearer(b.access_token)) {
    throw new ParseError('The token response has an access_token that cannot be sent in an HTTP header')
  }
  const payload: TokenPayload = {
    access_token: b.access_token,
    token_type: optionalString(b.token_type) ?? 'Bearer',
    raw: { ...b },
  }
  if (typeof b.expires_in === 'number' && Number.isFinite(b.expires_in) && b.expires_in >= 0)
    payload.expires_in = b.expires_in
  for (const key of ['scope', 'session_id', 'refresh_token', 'workspace_id'] as const) {
    const value = optionalString(b[key])
    if (value !== undefined) payload[key] = value
  }
  // Every API path the token is used on starts `/v1/{workspace_id}/`: an id that cannot be exactly
  // one segment there (`..`, one with `/`) would send those calls to another route. Refused as it
  // arrives, like an unsendable token, before it is stored; the problem quotes no id but a dot segment.
  const workspaceProblem =
    payload.workspace_id === undefined ? undefined : pathSegmentProblem(payload.workspace_id)
  if (workspaceProblem !== undefined)
    throw new ParseError(`The token response's workspace_id ${workspaceProblem}`)
  return payload
}
