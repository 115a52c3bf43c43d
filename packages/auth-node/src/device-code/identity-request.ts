import { NetworkError, RequestTimeoutError } from '@amigo-ai/core'

/** A hung identity service must not hang a CLI: each request gives up after this long. */
export const DEFAULT_IDENTITY_TIMEOUT_MS = 30_000

/** A parsed identity-service answer: status, headers and the JSON body (or text when not JSON). */
export interface IdentityResponse {
  status: number
  headers: Headers
  body: unknown
}

interface RequestInit_ {
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
  init: RequestInit_ = {},
): Promise<IdentityResponse> {
  const form = new URLSearchParams()
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== '') form.set(k, v)
  return send(url, { method: 'POST', body: form, contentType: 'application/x-www-form-urlencoded' }, init)
}

/** GETs an authenticated identity route with a Bearer token. */
export function getWithBearer(url: string, init: RequestInit_): Promise<IdentityResponse> {
  return send(url, { method: 'GET' }, init)
}

async function send(
  url: string,
  req: { method: string; body?: URLSearchParams; contentType?: string },
  init: RequestInit_,
): Promise<IdentityResponse> {
  const doFetch = init.fetch ?? globalThis.fetch
  const headers = new Headers({ accept: 'application/json' })
  if (req.contentType) headers.set('content-type', req.contentType)
  if (init.bearer) headers.set('authorization', `Bearer ${init.bearer}`)
  // One controller for both the caller's signal and the timeout, cleared when the body is read.
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
  let response: Response
  let text: string
  try {
    response = await doFetch(url, {
      method: req.method,
      headers,
      body: req.body?.toString(),
      redirect: 'manual',
      signal: controller.signal,
    })
    text = await response.text()
  } catch (error) {
    // An abort is the caller's decision, not a network failure: surface the signal's reason.
    if (init.signal?.aborted) throw init.signal.reason
    const origin = new URL(url).origin
    if (timedOut) {
      throw new RequestTimeoutError(
        `The identity service at ${origin} did not answer within ${timeoutMs} ms`,
        {
          cause: error,
          timeoutMs,
        },
      )
    }
    throw new NetworkError(`Could not reach the identity service at ${origin}`, { cause: error })
  } finally {
    clearTimeout(timer)
    init.signal?.removeEventListener('abort', onAbort)
  }
  let body: unknown
  if (text.length > 0) {
    try {
      body = JSON.parse(text)
    } catch {
      // Not JSON: keep the text so error messages can show what came back.
      body = text
    }
  }
  return { status: response.status, headers: response.headers, body }
}
