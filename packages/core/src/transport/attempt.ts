import type { HeaderRecord } from './headers'
import { type ClientHooks, redactRequest, runHook } from './hooks'
import { serializeQuery } from './query'
import { requestIdOf } from './rate-limit'
import { readBody } from './read-body'
import type { ParseAs, RequestInit_ } from './types'
import { type BaseUrl, stripPlaceholder } from './url'

/** What one attempt uses of its client (the same for every attempt of every call). */
export interface AttemptClient {
  fetchImpl: typeof fetch
  /** A fetch passed by the caller gets a `Request` (as documented); the global one a URL and init. */
  customFetch: boolean
  base: BaseUrl
  hooks?: ClientHooks
  redact: (text: string) => string
}

/** What one attempt sends; built fresh by the retry loop for each attempt. */
export interface AttemptInput {
  method: string
  /** The path template, as hooks report it. */
  path: string
  /** The path with its parameters filled in. */
  filledPath: string
  /** The call's query, body, body serializer and `sensitiveBody` (which keeps the body from hooks). */
  init: RequestInit_
  /** This attempt's own copy: the attempt adds the body's Content-Type to it. */
  headers: HeaderRecord
  parseAs: ParseAs
  signal: AbortSignal | undefined
  /** `fetch` options the caller passed (`cache`, `credentials`, ...), or undefined. */
  fetchOptions: RequestInit | undefined
  attempt: number
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
export async function runAttempt(client: AttemptClient, input: AttemptInput): Promise<AttemptOutcome> {
  const { hooks, redact, base } = client
  const { path: schemaPath, attempt, headers, method, init } = input
  let request: Request | undefined
  let response: Response | undefined
  let sent = false
  try {
    const search = serializeQuery(init.params?.query)
    const url = `${base.absolute}${input.filledPath}${search ? `?${search}` : ''}`
    const body = serializeBody(init, headers)
    // What fetch would refuse, refused before anything counts as sent.
    if (body !== undefined && (method === 'GET' || method === 'HEAD'))
      throw new TypeError(`a ${method} request cannot have a body`)
    const fetchInit: RequestInit = {
      redirect: 'follow',
      ...input.fetchOptions,
      method,
      headers,
      body,
      signal: input.signal,
    }
    sent = true
    // The redacted copy costs a Request per attempt, so it is only built when someone listens.
    if (hooks) request = redactRequest({ url, method, headers }, init.sensitiveBody ? undefined : body)
    if (request) await runHook(hooks, 'onRequest', { request, schemaPath, attempt }, redact)
    const started = hooks?.onResponse ? Date.now() : 0
    response = base.placeholderOrigin
      ? // A relative base: the custom fetch (a BFF proxy) gets the path it was configured with.
        await client.fetchImpl(stripPlaceholder(url, base), fetchInit)
      : client.customFetch
        ? await client.fetchImpl(new Request(url, fetchInit))
        : await client.fetchImpl(url, fetchInit)
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
function serializeBody(init: RequestInit_, headers: HeaderRecord): BodyInit | undefined {
  if (init.body === undefined) return undefined
  const body = init.bodySerializer
    ? init.bodySerializer(init.body)
    : init.body instanceof FormData
      ? init.body
      : JSON.stringify(init.body)
  if (body instanceof FormData) delete headers['content-type']
  else if (body !== undefined) headers['content-type'] ??= 'application/json'
  return body as BodyInit | undefined
}
