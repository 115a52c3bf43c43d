/** Context of `onRequest`: the outgoing request (Authorization redacted). */
export interface RequestHookContext {
  /** The request about to be sent: URL, method, headers and, unless it holds a secret, its body. */
  request: Request
  /** The path template, e.g. `/v1/{workspace_id}/agents`. */
  schemaPath: string
  /** 0-based attempt number. */
  attempt: number
}

/** Context of `onResponse`: called for every response received, including ones that will be retried. */
export interface ResponseHookContext {
  /** The request this answers, as `onRequest` saw it. */
  request: Request
  /**
   * The response as received. Its body is read by the SDK after the hook: to look at it, read a copy
   * (`ctx.response.clone().text()`); reading this one leaves the SDK nothing to parse.
   */
  response: Response
  /** The path template, e.g. `/v1/{workspace_id}/agents`. */
  schemaPath: string
  /** The response's `x-request-id`, to quote to support. */
  requestId?: string
  /** 0-based attempt number. */
  attempt: number
  /** Time from sending the attempt to receiving its headers. */
  durationMs: number
}

/** Context of `onError`: a failed attempt (HTTP error, network failure, timeout, parse error). */
export interface ErrorHookContext {
  /** The request that failed, as `onRequest` saw it; absent when it could not be built. */
  request?: Request
  /** What failed: an `AmigoError` subclass (thrown when no retry follows), or the caller's abort reason. */
  error: unknown
  /** The path template, e.g. `/v1/{workspace_id}/agents`. */
  schemaPath: string
  /** 0-based attempt number. */
  attempt: number
  /** True when the transport will try again after this error. */
  willRetry: boolean
}

/** Lifecycle hooks for logging, tracing and metrics. A hook that throws never breaks the request. */
export interface ClientHooks {
  /** Before each attempt is sent (retries included); the request waits for it. */
  onRequest?(ctx: RequestHookContext): void | Promise<void>
  /** When each attempt's response headers arrive, whatever the status. */
  onResponse?(ctx: ResponseHookContext): void | Promise<void>
  /** After each failed attempt, before the retry wait or the throw. */
  onError?(ctx: ErrorHookContext): void | Promise<void>
  /** Receives errors thrown by the other hooks; without it they are reported once with console.warn. */
  onHookError?(ctx: {
    /** The hook that threw: `onRequest`, `onResponse` or `onError`. */
    hook: string
    /** What it threw. */
    error: unknown
  }): void
}

let warned = false

/**
 * Runs one hook, awaiting it; a throw or rejection is reported, never propagated: to `onHookError`
 * when set (which itself may not throw either), else with one console.warn per process, so that a
 * hook that throws on every request does not flood the logs.
 */
export async function runHook<K extends 'onRequest' | 'onResponse' | 'onError'>(
  hooks: ClientHooks | undefined,
  name: K,
  ctx: Parameters<NonNullable<ClientHooks[K]>>[0],
  redact: (text: string) => string,
): Promise<void> {
  const fn = hooks?.[name] as ((c: typeof ctx) => unknown) | undefined
  if (!fn) return
  try {
    await fn.call(hooks, ctx)
  } catch (error) {
    try {
      // Awaited: an async handler's rejection must not reject the request instead.
      if (hooks?.onHookError) return await hooks.onHookError({ hook: name, error })
    } catch {
      return // An error handler that itself throws has nowhere left to report to.
    }
    if (warned) return
    warned = true
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    console.warn(
      `@amigo-ai/core: the ${name} hook threw (${redact(text)}); the request went on. Set hooks.onHookError to handle these.`,
    )
  }
}

/** A copy of `request` safe to hand to hooks: same URL, method and body, Authorization redacted. */
export function redactRequest(
  request: { url: string; method: string; headers: Record<string, string> },
  body: unknown,
): Request {
  const { url, method, headers } = request
  // Only bodies that can be read twice are copied; a one-shot stream stays with the real request.
  // (A GET or HEAD has none: the attempt refuses one before any hook runs.)
  const reusable =
    typeof body === 'string' ||
    body instanceof Blob ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body) ||
    body instanceof FormData ||
    body instanceof URLSearchParams
  return new Request(url, {
    method,
    // The record's names are lower-case.
    headers:
      headers.authorization === undefined ? headers : { ...headers, authorization: 'Bearer [REDACTED]' },
    body: reusable ? (body as BodyInit) : null,
  })
}
