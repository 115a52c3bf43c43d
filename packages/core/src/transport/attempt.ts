import { type Client, defaultBodySerializer } from 'openapi-fetch'
import type { HeaderRecord } from './headers'
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
  headers: HeaderRecord
  parseAs: ParseAs
  signal: AbortSignal | undefined
  fetchImpl: typeof fetch
  /** A fetch passed by the caller gets a `Request` (as documented); the global one a URL and init. */
  customFetch: boolean
  base: BaseUrl
  hooks?: ClientHooks
  attempt: number
  redact: (text: string) => string
}

/**
 * What openapi-fetch builds in place of a `Request` (its `Request` option): the URL and init as it
 * made them. Handing fetch a ready `Request` made it build a second one from it (the headers copied
 * again, and a signal created to follow the first one's), which was most of openapi-fetch's cost
 * over a plain fetch call (bench: request overhead); the global fetch now gets the URL and init.
 */
export class PendingRequest {
  constructor(
    readonly url: string,
    readonly init: RequestInit & { headers: Headers },
  ) {}
  /** The method, upper case (openapi-fetch reads it to skip the body of a HEAD). */
  get method(): string {
    return this.init.method ?? 'GET'
  }
  /** The headers openapi-fetch merged (content type included). */
  get headers(): Headers {
    return this.init.headers
  }
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

  const send = async (req: PendingRequest): Promise<Response> => {
    const { url, init } = req
    // What the Request constructor would have refused, refused before anything counts as sent.
    if (init.body != null && (init.method === 'GET' || init.method === 'HEAD'))
      throw new TypeError(`a ${init.method} request cannot have a body`)
    sent = true
    // The redacted copy costs a Request per attempt, so it is only built when someone listens.
    if (hooks) request = redactRequest(req, serialized)
    if (request) await runHook(hooks, 'onRequest', { request, schemaPath, attempt }, redact)
    const started = hooks?.onResponse ? Date.now() : 0
    const res = input.base.placeholderOrigin
      ? // A relative base: the custom fetch (a BFF proxy) gets the path it was configured with.
        await input.fetchImpl(stripPlaceholder(url, input.base), {
          method: req.method,
          headers: withoutMultipartType(init.headers, serialized),
          body: (serialized as BodyInit | undefined) ?? null,
          signal: init.signal ?? null,
          redirect: init.redirect ?? 'follow',
        })
      : input.customFetch
        ? await input.fetchImpl(new Request(url, init))
        : await input.fetchImpl(url, init)
    response = res
    // Without an onResponse hook its context (and the await) would be built for nothing.
    if (!hooks?.onResponse) return res
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
