import type { HeaderRecord } from './headers'
import { type ClientHooks, redactRequest, runHook } from './hooks'
import { serializeQuery } from './query'
import { requestIdOf } from './rate-limit'
import { readBody } from './read-body'
import type { ParseAs } from './types'
import { type BaseUrl, stripPlaceholder } from './url'

/** Everything one attempt needs; built fresh by the retry loop for each attempt. */
export interface AttemptInput {
  method: string
  /** The path template, as hooks report it. */
  path: string
  /** The path with its parameters filled in. */
  filledPath: string
  query?: Record<string, unknown>
  body: unknown
  bodySerializer?: (body: unknown) => BodyInit
  /** Keeps the body out of the copy handed to hooks (it carries credentials). */
  sensitiveBody: boolean
  /** This attempt's own copy: the attempt adds the body's Content-Type to it. */
  headers: HeaderRecord
  parseAs: ParseAs
  signal: AbortSignal | undefined
  fetchImpl: typeof fetch
  /** `fetch` options the caller passed (`cache`, `credentials`, ...), or undefined. */
  fetchOptions: RequestInit | undefined
  /** A fetch passed by the caller gets a `Request` (as documented); the global one a URL and init. */
  customFetch: boolean
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
 * Sends one attempt: URL, body and headers written the way openapi-fetch's client writes them, then
 * handed to fetch as a plain URL, init and header record, as a hand-written call would (its client
 * merged the headers twice and built a `Request` per call: about 10% of a loopback GET, see bench/).
 */
export async function runAttempt(input: AttemptInput): Promise<AttemptOutcome> {
  const { hooks, path: schemaPath, attempt, redact, headers, method } = input
  let request: Request | undefined
  let response: Response | undefined
  let sent = false
  try {
    const search = serializeQuery(input.query)
    const url = `${input.base.absolute}${input.filledPath}${search ? `?${search}` : ''}`
    const body = serializeBody(input, headers)
    // What fetch would refuse, refused before anything counts as sent.
    if (body !== undefined && (method === 'GET' || method === 'HEAD'))
      throw new TypeError(`a ${method} request cannot have a body`)
    const init: RequestInit = {
      redirect: 'follow',
      ...input.fetchOptions,
      method,
      headers,
      body,
      signal: input.signal,
    }
    sent = true
    // The redacted copy costs a Request per attempt, so it is only built when someone listens.
    if (hooks) request = redactRequest({ url, method, headers }, input.sensitiveBody ? undefined : body)
    if (request) await runHook(hooks, 'onRequest', { request, schemaPath, attempt }, redact)
    const started = hooks?.onResponse ? Date.now() : 0
    response = input.base.placeholderOrigin
      ? // A relative base: the custom fetch (a BFF proxy) gets the path it was configured with.
        await input.fetchImpl(stripPlaceholder(url, input.base), init)
      : input.customFetch
        ? await input.fetchImpl(new Request(url, init))
        : await input.fetchImpl(url, init)
    const res = response
    if (hooks?.onResponse)
      await runHook(
        hooks,
        'onResponse',
        {
          request: request as Request,
          response: res,
          schemaPath,
          requestId: requestIdOf(res.headers) || undefined,
          attempt,
          durationMs: Date.now() - started,
        },
        redact,
      )
    const read = await readBody(res, method, input.parseAs)
    if (!res.ok) return { kind: 'http-error', body: read, response: res, request }
    return { kind: 'ok', data: read, response: res, request }
  } catch (error) {
    return { kind: 'thrown', error, response, request, sent }
  }
}

/**
 * The request body as fetch takes it, and its Content-Type in `headers`: JSON unless the caller's
 * serializer or headers say otherwise. FormData gets none, so fetch writes one with its boundary.
 */
function serializeBody(input: AttemptInput, headers: HeaderRecord): BodyInit | undefined {
  if (input.body === undefined) return undefined
  const body = input.bodySerializer
    ? input.bodySerializer(input.body)
    : input.body instanceof FormData
      ? input.body
      : JSON.stringify(input.body)
  if (body instanceof FormData) delete headers['content-type']
  else if (body !== undefined) headers['content-type'] ??= 'application/json'
  return body as BodyInit | undefined
}
