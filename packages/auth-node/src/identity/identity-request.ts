import { isParseError, NetworkError, RequestTimeoutError, untilAborted } from '@amigo-ai/core'
import { type IdentityResponse, identityResponseOf } from './read-identity-response'

/** A hung identity service must not hang a CLI: each request gives up after this long. */
const DEFAULT_IDENTITY_TIMEOUT_MS = 30_000

interface IdentityRequestInit {
  fetch?: typeof fetch
  signal?: AbortSignal
  /** Bearer token for authenticated routes (`/self/profile`). */
  bearer?: string
  /** Per-request timeout in ms (default 30 000). */
  timeoutMs?: number
}

/**
 * POSTs an `application/x-www-form-urlencoded` body. `redirect: 'manual'` because the identity
 * service answers HTTP 300 to ask for a workspace, and fetch must hand that back, not follow it.
 */
export function postForm(
  url: string,
  fields: Record<string, string | undefined>,
  init: IdentityRequestInit = {},
): Promise<IdentityResponse> {
  const form = new URLSearchParams()
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== '') form.set(k, v)
  return send(url, { method: 'POST', body: form, contentType: 'application/x-www-form-urlencoded' }, init)
}

/** GETs an authenticated identity route with a Bearer token. */
export function getWithBearer(url: string, init: IdentityRequestInit): Promise<IdentityResponse> {
  return send(url, { method: 'GET' }, init)
}

/** Every identity request goes through here: one fetch call, one timeout, one way to read the answer. */
async function send(
  url: string,
  req: { method: string; body?: URLSearchParams; contentType?: string },
  init: IdentityRequestInit,
): Promise<IdentityResponse> {
  const doFetch = init.fetch ?? globalThis.fetch
  const headers = new Headers({ accept: 'application/json' })
  if (req.contentType) headers.set('content-type', req.contentType)
  if (init.bearer) headers.set('authorization', `Bearer ${init.bearer}`)
  // One controller for both the caller's signal and the timeout, cleared once the body is read.
  const controller = new AbortController()
  const timeoutMs = init.timeoutMs ?? DEFAULT_IDENTITY_TIMEOUT_MS
  let timedOut = false
  const onAbort = () => controller.abort(init.signal?.reason)
  if (init.signal?.aborted) controller.abort(init.signal.reason)
  else init.signal?.addEventListener('abort', onAbort, { once: true })
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeoutMs)
  const failed = (error: unknown, answered = false) =>
    transportFailure(error, url, { timedOut, timeoutMs, signal: init.signal, answered })
  try {
    let answer: unknown
    try {
      // Raced against the signal as well as given it (the body read below too): Node 20 and 22's
      // fetch, re-sending a request answered 421 whose body the server cut off, never settles, or
      // answers with a body that never ends, whatever its signal does.
      answer = await untilAborted(
        doFetch(url, {
          method: req.method,
          headers,
          body: req.body?.toString(),
          redirect: 'manual',
          signal: controller.signal,
        }),
        controller.signal,
      )
    } catch (error) {
      throw failed(error)
    }
    // Outside the network catch: a fetch that returns something unusable is the caller's to fix.
    const response = identityResponseOf(answer, url)
    let body: unknown
    try {
      body = await untilAborted(response.readBody(), controller.signal)
    } catch (error) {
      // An answer too large to read is the server's doing, not the network's.
      throw isParseError(error) ? error : failed(error, true)
    }
    return { status: response.status, headers: response.headers, body }
  } finally {
    clearTimeout(timer)
    init.signal?.removeEventListener('abort', onAbort)
  }
}

function transportFailure(
  error: unknown,
  url: string,
  state: { timedOut: boolean; timeoutMs: number; signal?: AbortSignal; answered: boolean },
): unknown {
  // An abort is the caller's decision, not a network failure: surface the signal's reason.
  if (state.signal?.aborted) return state.signal.reason
  const origin = new URL(url).origin
  if (state.timedOut) {
    return new RequestTimeoutError(
      `The identity service at ${origin} did not answer within ${state.timeoutMs} ms`,
      {
        cause: error,
        timeoutMs: state.timeoutMs,
      },
    )
  }
  // Reached, but its answer broke off (a dropped connection, a body that does not decode).
  if (state.answered)
    return new NetworkError(`The identity service at ${origin} answered, but its answer could not be read`, {
      cause: error,
    })
  return new NetworkError(`Could not reach the identity service at ${origin}`, { cause: error })
}
