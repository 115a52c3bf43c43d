import { isNetworkError, secretForms } from '@amigo-ai/core'
import { DeviceCodeExpiredError } from '../errors/device-code-errors'
import { postForm } from '../identity/identity-request'
import { identityUrl } from '../identity/identity-url'
import { type PollAnswer, type PollOutcome, readPollAnswer } from './poll-answer'
import type { DeviceCodeClock, DeviceCodeIssuance, DeviceCodePollEvent, DeviceCodeStatus } from './types'

export type { PollOutcome } from './poll-answer'

/** RFC 8628 §3.5: each `slow_down` adds 5 seconds to the polling interval, for good. */
const SLOW_DOWN_STEP_MS = 5_000
/** Network errors and 5xx answers in a row that polling rides out before giving up. */
const MAX_TRANSIENT_FAILURES = 3

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
  onStatus?: (status: DeviceCodeStatus) => void
  /** Poll once right away (after a workspace was chosen the user has already approved). */
  immediate?: boolean
  /** Tokens already received (the unbound access token of a workspace answer): kept out of errors. */
  held?: string[]
}

/** Polls `POST /token` until the user approves, denies, or the code expires (RFC 8628 §3.4–3.5). */
export async function pollForToken(ctx: PollContext): Promise<PollOutcome> {
  const { clock, signal } = ctx
  let intervalMs = ctx.issuance.interval * 1000
  let waitMs = ctx.immediate ? 0 : intervalMs
  let reason: DeviceCodePollEvent['reason'] = 'start'
  let transientFailures = 0
  const status = (s: DeviceCodeStatus) => ctx.onStatus?.(s)
  const expired = () => {
    status('expired')
    return new DeviceCodeExpiredError()
  }
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted()
    const remainingMs = ctx.deadline - clock.now()
    if (remainingMs <= 0) throw expired()
    // No wait outlasts the code: a huge interval or Retry-After ends at the deadline, not days later.
    const wait = Math.min(waitMs, remainingMs)
    ctx.onPoll?.({ attempt, intervalMs: wait, remainingMs, reason })
    if (wait > 0) await clock.sleep(wait, signal)
    if (ctx.deadline - clock.now() <= 0) throw expired()
    waitMs = intervalMs
    status('polling')
    const answer = await pollOnce(ctx)
    if (answer.kind === 'approved') {
      status('approved')
      return answer.outcome
    }
    if (answer.kind === 'failed') {
      if (answer.status) status(answer.status)
      throw answer.error
    }
    if (answer.kind === 'transient') {
      if (++transientFailures > MAX_TRANSIENT_FAILURES) throw answer.error
      reason = 'retry'
      continue
    }
    transientFailures = 0
    reason = answer.kind === 'authorization_pending' ? 'authorization_pending' : 'slow_down'
    status(reason)
    if (answer.kind === 'slow_down') intervalMs += SLOW_DOWN_STEP_MS
    // A bare 429 waits what the server asks, at least one interval.
    waitMs = answer.kind === 'rate_limited' ? Math.max(intervalMs, answer.retryAfterMs ?? 0) : intervalMs
  }
}

// One poll; a network failure (or timeout) becomes a transient answer the loop may ride out.
async function pollOnce(ctx: PollContext): Promise<PollAnswer> {
  try {
    const res = await postForm(
      identityUrl(ctx.identityBaseUrl, '/token'),
      {
        grant_type: ctx.grantType,
        device_code: ctx.issuance.device_code,
        scope: ctx.scope,
        workspace_id: ctx.workspaceId,
      },
      { fetch: ctx.fetch, signal: ctx.signal, timeoutMs: ctx.timeoutMs },
    )
    return readPollAnswer(res, secretForms([ctx.issuance.device_code, ...(ctx.held ?? [])]), ctx.clock.now())
  } catch (error) {
    if (isNetworkError(error)) return { kind: 'transient', error }
    throw error
  }
}
