import { errorFromResponse, isNetworkError, parseRetryAfter } from '@amigo-ai/core'
import { DeviceAccessDeniedError, DeviceCodeExpiredError } from '../errors/device-code-errors'
import { postForm } from './identity-request'
import { identityUrl } from './identity-url'
import { readOAuthError } from './oauth-error-body'
import { parseTokenPayload } from './parse-token-payload'
import { parseWorkspaces } from './parse-workspaces'
import type {
  DeviceCodeClock,
  DeviceCodeIssuance,
  DeviceCodePollEvent,
  TokenPayload,
  WorkspaceChoice,
} from './types'

/** RFC 8628 §3.5: each `slow_down` adds 5 seconds to the polling interval, for good. */
const SLOW_DOWN_STEP_MS = 5_000
/** Network errors and 5xx answers in a row that polling rides out before giving up. */
const MAX_TRANSIENT_FAILURES = 3

/** How polling ended: a token, or the identity service asking which workspace (HTTP 300). */
export type PollOutcome =
  | { kind: 'token'; payload: TokenPayload }
  | { kind: 'workspace'; workspaces: WorkspaceChoice[]; refreshToken?: string; accessToken?: string }

/** Everything one polling run needs. */
export interface PollContext {
  identityBaseUrl: string
  issuance: DeviceCodeIssuance
  grantType: string
  scope?: string
  workspaceId?: string
  fetch?: typeof fetch
  signal?: AbortSignal
  timeoutMs?: number
  clock: DeviceCodeClock
  /** Absolute time (ms) when the device code expires. */
  deadline: number
  onPoll?: (event: DeviceCodePollEvent) => void
  /** Poll once right away (after a workspace was chosen the user has already approved). */
  immediate?: boolean
}

/** Polls `POST /token` until the user approves, denies, or the code expires (RFC 8628 §3.4–3.5). */
export async function pollForToken(ctx: PollContext): Promise<PollOutcome> {
  const { clock, signal, issuance } = ctx
  const url = identityUrl(ctx.identityBaseUrl, '/token')
  let intervalMs = issuance.interval * 1000
  let waitMs = ctx.immediate ? 0 : intervalMs
  let reason: DeviceCodePollEvent['reason'] = 'start'
  let transientFailures = 0
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted()
    const remainingMs = ctx.deadline - clock.now()
    if (remainingMs <= 0) throw new DeviceCodeExpiredError()
    ctx.onPoll?.({ attempt, intervalMs: waitMs, remainingMs, reason })
    if (waitMs > 0) await clock.sleep(waitMs, signal)
    if (ctx.deadline - clock.now() <= 0) throw new DeviceCodeExpiredError()
    waitMs = intervalMs

    let res: Awaited<ReturnType<typeof postForm>>
    try {
      res = await postForm(
        url,
        {
          grant_type: ctx.grantType,
          device_code: issuance.device_code,
          scope: ctx.scope,
          workspace_id: ctx.workspaceId,
        },
        { fetch: ctx.fetch, signal, timeoutMs: ctx.timeoutMs },
      )
    } catch (error) {
      if (isNetworkError(error) && ++transientFailures <= MAX_TRANSIENT_FAILURES) {
        reason = 'retry'
        continue
      }
      throw error
    }

    if (res.status === 200) return { kind: 'token', payload: parseTokenPayload(res.body) }
    if (res.status === 300) return workspaceOutcome(res.body)

    const { error, error_description } = readOAuthError(res.body)
    if (error === 'authorization_pending') {
      transientFailures = 0
      reason = 'authorization_pending'
      continue
    }
    if (error === 'slow_down') {
      transientFailures = 0
      intervalMs += SLOW_DOWN_STEP_MS
      waitMs = intervalMs
      reason = 'slow_down'
      continue
    }
    if (error === 'expired_token') throw new DeviceCodeExpiredError(error_description)
    if (error === 'access_denied') throw new DeviceAccessDeniedError(error_description)
    if (res.status === 429) {
      // Rate limited without an OAuth error: wait what the server asks, at least one interval.
      const retryAfter = parseRetryAfter(res.headers.get('retry-after'), clock.now())
      waitMs = Math.max(intervalMs, retryAfter ?? 0)
      reason = 'slow_down'
      continue
    }
    if (res.status >= 500 && ++transientFailures <= MAX_TRANSIENT_FAILURES) {
      reason = 'retry'
      continue
    }
    throw errorFromResponse({
      status: res.status,
      headers: res.headers,
      body: res.body,
      // The device code is what polls for the token; a server echo of it stays out of the error.
      secrets: [issuance.device_code],
      message: `Device code polling failed with HTTP ${res.status}${error ? ` (${error})` : ''}${
        error_description ? `: ${error_description}` : ''
      }`,
    })
  }
}

function workspaceOutcome(body: unknown): PollOutcome {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
  return {
    kind: 'workspace',
    workspaces: parseWorkspaces(body),
    refreshToken: typeof b.refresh_token === 'string' && b.refresh_token ? b.refresh_token : undefined,
    accessToken: typeof b.access_token === 'string' && b.access_token ? b.access_token : undefined,
  }
}
