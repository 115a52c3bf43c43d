import { type Client, defaultBodySerializer } from 'openapi-fetch'
import { type ClientHooks, redactRequest, runHook } from './hooks'
import { withoutMultipartType } from './multipart'
import { requestIdOf } from './rate-limit'
import type { ParseAs } from './types'
import { type BaseUrl, stripPlaceholder } from './url'

/** Everything one attempt needs; built fresh by the retry loop for each attempt. */
export interface AttemptInput {
  client: Client<any>
  method: string
  path: string
  params: { path: Record<string, unknown>; query?: Record<string, unknown> }
  body: unknown
  bodySerializer?: (body: unknown) => BodyInit
  headers: Headers
  parseAs: ParseAs
  signal: AbortSignal | undefined
  fetchImpl: typeof fetch
  base: BaseUrl
  hooks?: ClientHooks
  attempt: number
  redact: (text: string) => string
}

/** How one attempt ended. `request` is the redacted copy handed to hooks, when one was sent. */
export type AttemptOutcome =
  | { kind: 'ok'; data: unknown; response: Response; request?: Request }
  | { kind: 'http-error'; body: unknown; response: Response; request?: Request }
  | { kind: 'thrown'; error: unknown; response?: Response; request?: Request; sent: boolean }

/**
 * Sends one attempt through openapi-fetch (which builds the URL, serialises query and body, and
 * reads the body per `parseAs`). Our fetch wrapper only runs the hooks, strips the placeholder
 * origin of a relative base URL, and remembers the response so callers can tell a failure before
 * the response from one while reading its body.
 */
export async function runAttempt(input: AttemptInput): Promise<AttemptOutcome> {
  const { hooks, path: schemaPath, attempt, redact } = input
  let serialized: unknown
  let request: Request | undefined
  let response: Response | undefined
  let sent = false

  const serialize = (body: unknown) => {
    serialized = input.bodySerializer ? input.bodySerializer(body) : defaultBodySerializer(body)
    return serialized
  }

  const send = async (req: Request): Promise<Response> => {
    sent = true
    // The redacted copy costs a Request per attempt, so it is only built when someone listens.
    if (hooks) request = redactRequest(req, serialized)
    if (request) await runHook(hooks, 'onRequest', { request, schemaPath, attempt }, redact)
    const started = Date.now()
    const res = input.base.placeholderOrigin
      ? // A relative base: the custom fetch (a BFF proxy) gets the path it was configured with.
        await input.fetchImpl(stripPlaceholder(req.url, input.base), {
          method: req.method,
          headers: withoutMultipartType(req.headers, serialized),
          body: (serialized as BodyInit | undefined) ?? null,
          signal: req.signal,
          redirect: req.redirect,
        })
      : await input.fetchImpl(req)
    response = res
    await runHook(
      hooks,
      'onResponse',
      {
        request: request as Request,
        response: res,
        schemaPath,
        requestId: requestIdOf(res.headers),
        attempt,
        durationMs: Date.now() - started,
      },
      redact,
    )
    return res
  }

  try {
    const result = await input.client.request(
      input.method as 'get',
      input.path as never,
      {
        params: input.params,
        body: input.body,
        bodySerializer: serialize,
        headers: input.headers,
        parseAs: input.parseAs,
        signal: input.signal,
        fetch: send,
      } as never,
    )
    const res = result.response as Response
    if (!res.ok) {
      const raw = (result as { error?: unknown }).error
      return { kind: 'http-error', body: raw === '' ? undefined : raw, response: res, request }
    }
    return { kind: 'ok', data: (result as { data?: unknown }).data, response: res, request }
  } catch (error) {
    return { kind: 'thrown', error, response, request, sent }
  }
}
