import { redactSecrets } from '../errors/redact'
import { untilAborted } from '../retry/until-aborted'
import { attemptHeaders, attemptSecrets } from './attempt-headers'
import { attemptSignal } from './attempt-signal'
import type { ClientState } from './client-state'
import { FETCH_OPTIONS } from './config'
import { type FailedAttempt, statusFailure, thrownFailure } from './failure'
import type { HeaderRecord } from './headers'
import { redactRequest, runHook } from './hooks'
import type { Call } from './prepare-call'
import { serializeQuery } from './query'
import { requestIdOf } from './rate-limit'
import { readBody } from './read-body'
import { asResponse } from './response-like'
import type { RequestInit_ } from './types'

/** How one attempt ended: its data, or why it failed (see FailedAttempt). */
export type AttemptOutcome =
  | { kind: 'ok'; data: unknown; response: Response; requestId: string }
  | FailedAttempt

/**
 * Sends one attempt of `call`: its headers (an apiKey getter is called for each attempt), its
 * signal (the caller's, linked to the attempt's timeout), the hooks around the fetch, and the body
 * read. URL, body and headers are written the way openapi-fetch's client writes them, then handed to
 * fetch as a plain URL, init and header record, as a hand-written call would (its client merged the
 * headers twice and built a `Request` per call: about 10% of a loopback GET, see bench/).
 * A failure comes back as an outcome with its error; it throws only when the caller had already
 * aborted or an apiKey getter fails, before anything is sent. The attempt's signal (timeout or caller)
 * also ends a getter or hook that is still pending.
 */
export async function runAttempt(client: ClientState, call: Call, attempt: number): Promise<AttemptOutcome> {
  const { hooks, base } = client
  const { method, path: schemaPath, init, signal: callerSignal } = call
  if (callerSignal?.aborted) throw callerSignal.reason
  const link = attemptSignal(callerSignal, call.opts.timeout)
  let outcome: AttemptOutcome
  let headers: HeaderRecord | undefined
  let request: Request | undefined
  let response: Response | undefined
  let sent = false
  // Built once needed: the credentials this attempt sends.
  const redact = (text: string) => redactSecrets(text, attemptSecrets(init, headers))
  try {
    // Awaited only for an apiKey getter: under a burst of concurrent calls an await here lets every
    // other call run its own preparation before this one is sent (bench: 50-concurrent latency).
    const built = attemptHeaders(client, call)
    headers = built instanceof Promise ? await untilAborted(built, link.signal) : built
    const search = serializeQuery(init.params?.query)
    const target = `${call.filledPath}${search ? `?${search}` : ''}`
    const url = base.absolute + target
    const fetchInit = buildFetchInit(call, headers, link.signal)
    sent = true
    // The redacted copy costs a Request per attempt, so it is only built when someone listens.
    if (hooks) {
      const body = init.sensitiveBody || init.secret ? undefined : fetchInit.body
      request = redactRequest({ url, method, headers }, body)
      await untilAborted(runHook(hooks, 'onRequest', { request, schemaPath, attempt }, redact), link.signal)
    }
    const started = Date.now()
    // A relative base: the custom fetch (a BFF proxy) gets the path it was configured with. Any
    // other custom fetch gets a `Request` (as documented); the global fetch, looked up per call
    // (instrumentation may replace it after construction), the URL and init.
    const custom = client.fetch
    // Raced against the signal as well as given it (the body read below too): Node 20 and 22's
    // fetch, re-sending a GET answered 421 whose body the server cut off, never settles, or
    // answers with a body that never ends, whatever its signal does.
    response = await untilAborted(
      base.relative !== undefined
        ? (custom as typeof fetch)(base.relative + target, fetchInit)
        : custom
          ? custom(new Request(url, fetchInit))
          : globalThis.fetch(url, fetchInit),
      link.signal,
    )
    // A custom fetch may be a test's stub that resolves to a plain object.
    if (custom) response = await asResponse(response)
    const res = response
    // A server may echo a credential in its request id, which callers log.
    const requestId = redact(requestIdOf(res.headers))
    if (hooks) {
      const durationMs = Date.now() - started
      const ctx = {
        request: request as Request,
        response: res,
        schemaPath,
        requestId: requestId || undefined,
        attempt,
        durationMs,
      }
      await untilAborted(runHook(hooks, 'onResponse', ctx, redact), link.signal)
    }
    const read = await untilAborted(readBody(res, method, call.parseAs), link.signal)
    outcome = res.ok
      ? { kind: 'ok', data: read, response: res, requestId }
      : statusFailure(res, read, request, attemptSecrets(init, headers))
  } catch (error) {
    // A getter's own failure is the caller's to see as it is, with nothing sent.
    if (!headers && !link.signal?.aborted) {
      link.dispose()
      throw error
    }
    outcome = thrownFailure(error, { response, request, sent, timedOut: link.timedOut }, call, redact)
  }
  // A stream outlives this call: only its timer stops, so the caller's signal can still cancel it.
  if (outcome.kind === 'ok' && call.parseAs === 'stream') link.stopTimer()
  else link.dispose()
  return outcome
}

/**
 * The fetch init of one attempt: method, headers, body (JSON unless the caller's serializer says
 * otherwise, its Content-Type added to `headers`), signal and the `fetch` options the caller passed.
 * Throws for what fetch would refuse, before anything counts as sent.
 */
function buildFetchInit(call: Call, headers: HeaderRecord, signal: AbortSignal | undefined): RequestInit {
  const { method, opts } = call
  const body = serializeBody(call.init, headers)
  if (body !== undefined && (method === 'GET' || method === 'HEAD'))
    throw new TypeError(`a ${method} request cannot have a body`)
  // Redirects are not followed unless the caller asks: fetch would re-send the body (a token
  // exchange's credential included) to wherever `Location` points, or turn a POST into a GET.
  const fetchInit: Record<string, unknown> = { method, headers, body, signal, redirect: 'manual' }
  for (const key of FETCH_OPTIONS) if (opts[key] !== undefined) fetchInit[key] = opts[key]
  return fetchInit
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
      : jsonText(init.body)
  if (body instanceof FormData) delete headers['content-type']
  else if (body !== undefined) headers['content-type'] ??= 'application/json'
  return body as BodyInit | undefined
}

/**
 * `body` as JSON, refusing what JSON cannot write: a function or a Symbol would go as no body at
 * all; bytes, a Blob, a Map, a Set or a stream as `{}` or an object of numbered keys (their data is
 * not in plain own properties). A value inside it that JSON cannot carry is refused by refuseLossy.
 */
function jsonText(body: unknown): string {
  const text = JSON.stringify(body, refuseLossy)
  if (
    text === undefined ||
    ArrayBuffer.isView(body) ||
    (text === '{}' && Object.getPrototypeOf(body) !== Object.prototype)
  )
    throw new TypeError(
      `a ${Object.prototype.toString.call(body).slice(8, -1)} body cannot be sent as JSON: pass a bodySerializer`,
    )
  return text
}

/**
 * A JSON.stringify replacer refusing, by its field name, a value JSON would silently change or fail
 * on without naming it: NaN, ±Infinity and an invalid Date would be sent as `null` (which a PUT or
 * PATCH reads as "clear this field"), and a BigInt fails in the engine's words. A BigInt's digits are
 * not quoted.
 */
function refuseLossy(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const big = typeof value === 'bigint'
  // A Date reaches here as its toJSON text: null when it is invalid.
  const badDate = value === null && this[key] instanceof Date
  if (big || badDate || (typeof value === 'number' && !Number.isFinite(value)))
    throw new TypeError(
      `body${key && ` field ${JSON.stringify(key)}`} (${big ? 'a BigInt' : badDate ? 'an invalid Date' : value}) cannot be sent as JSON`,
    )
  return value
}
