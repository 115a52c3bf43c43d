import { ParseError } from '@amigo-ai/core'
import type { TokenPayload } from './types'

/** Checks a 200 `/token` body; a body without `access_token` is a `ParseError` (its content is not echoed). */
export function parseTokenPayload(body: unknown): TokenPayload {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
  if (typeof b.access_token !== 'string' || b.access_token.length === 0) {
    throw new ParseError('The token response has no access_token')
  }
  // It is sent back as a Bearer header (profile lookup, API calls): one that fetch would refuse
  // would fail later with a TypeError quoting it.
  try {
    new Headers({ authorization: `Bearer ${b.access_token}` })
  } catch {
    throw new ParseError('The token response has an access_token that cannot be sent in an HTTP header')
  }
  const expiresIn = typeof b.expires_in === 'number' && Number.isFinite(b.expires_in) ? b.expires_in : 3600
  return {
    ...b,
    access_token: b.access_token,
    token_type: typeof b.token_type === 'string' ? b.token_type : 'Bearer',
    expires_in: expiresIn,
  } as TokenPayload
}
