import {
  type AmigoError,
  errorFromResponse,
  ParseError,
  parseRetryAfter,
  readOAuthError,
  redactSecrets,
} from '@amigo-ai/core'
import { DeviceCodeDeniedError, DeviceCodeExpiredError } from '../errors/device-code-errors'
import { canSendAsBearer } from '../identity/bearer-header'
import { failedStatus } from '../identity/failed-status'
import { isTokenAnswer } from '../identity/oauth-error-body'
import { parseTokenPayload, type TokenPayload } from '../identity/parse-token-payload'
import type { IdentityResponse } from '../identity/read-identity-response'
import { parseWorkspaces } from './parse-workspaces'
import type { WorkspaceChoice } from './types'

/** How polling ended: a token, or the identity service asking which workspace (HTTP 300). */
export type PollOutcome =
  | { kind: 'token'; payload: TokenPayload }
  | { kind: 'workspace'; workspaces: WorkspaceChoice[]; refreshToken?: string; accessToken?: string }

/** What one answer to a device-code poll means for the loop. */
export type PollAnswer =
  | { kind: 'approved'; outcome: PollOutcome }
  | { kind: 'authorization_pending' }
  | { kind: 'slow_down' }
  /** A bare 429: wait what the server asks (`retryAfterMs`, when it said). */
  | { kind: 'rate_limited'; retryAfterMs?: number }
  /** A 5xx: worth a few more tries before `error` is thrown. */
  | { kind: 'transient'; error: AmigoError }
  /** Final: `error` ends the login (`expired` and `denied` say which status to report). */
  | { kind: 'failed'; error: AmigoError; status?: 'expired' | 'denied' }

/**
 * Reads one answer of `POST /token` during device-code polling (RFC 8628 §3.5). `secrets` (the
 * device code, a token the client already holds, in every form `secretForms` lists) stay out of
 * every error it makes.
 */
export function readPollAnswer(res: IdentityResponse, secrets: string[], nowMs: number): PollAnswer {
  if (isTokenAnswer(res))
    return { kind: 'approved', outcome: { kind: 'token', payload: parseTokenPayload(res.body) } }
  if (res.status === 300) return { kind: 'approved', outcome: workspaceOutcome(res.body) }
  const { error, error_description: text } = readOAuthError(res.body)
  // The device code is what polls for the token; a server echo of it stays out of every message.
  const description = text && redactSecrets(text, secrets)
  if (error === 'authorization_pending' || error === 'slow_down') return { kind: error }
  // A 5xx is the server failing whatever its body says (RFC 6749 §5.2 errors are 4xx answers): it is
  // ridden out like any other 5xx, not taken for an expired or denied request.
  const serverFault = res.status >= 500
  if (error === 'expired_token' && !serverFault) {
    const message = description
      ? `Device code expired before it was approved (${description}); start the login again`
      : undefined
    return { kind: 'failed', error: new DeviceCodeExpiredError(message), status: 'expired' }
  }
  if (error === 'access_denied' && !serverFault) {
    const message = description ? `Authorization request was denied (${description})` : undefined
    return { kind: 'failed', error: new DeviceCodeDeniedError(message), status: 'denied' }
  }
  if (res.status === 429)
    return { kind: 'rate_limited', retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), nowMs) }
  const failure = errorFromResponse({
    status: res.status,
    headers: res.headers,
    body: res.body,
    secrets,
    message: `Device code polling failed with ${failedStatus(res.status)}${error ? ` (${error})` : ''}${
      description ? `: ${description}` : ''
    }`,
  })
  return serverFault ? { kind: 'transient', error: failure } : { kind: 'failed', error: failure }
}

function workspaceOutcome(body: unknown): PollOutcome {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
  const accessToken = typeof b.access_token === 'string' && b.access_token ? b.access_token : undefined
  // It may be sent to /self/profile as a Bearer header, as a token answer's is.
  if (accessToken !== undefined && !canSendAsBearer(accessToken)) {
    throw new ParseError(
      'The workspace selection answer has an access_token that cannot be sent in an HTTP header',
    )
  }
  return {
    kind: 'workspace',
    workspaces: parseWorkspaces(body),
    refreshToken: typeof b.refresh_token === 'string' && b.refresh_token ? b.refresh_token : undefined,
    accessToken,
  }
}
