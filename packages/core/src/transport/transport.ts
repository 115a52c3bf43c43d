import {
  ConfigurationError,
  InvalidRequestError,
  NetworkError,
  RequestTimeoutError,
} from '../errors/client-errors'
import { errorFromResponse } from '../errors/from-response'
import { redactSecrets } from '../errors/redact'
import { backoffDelay } from '../retry/backoff'
import {
  DEFAULT_RETRY,
  isRetrySafe,
  type ResolvedRetry,
  resolveRetry,
  shouldRetryStatus,
} from '../retry/policy'
import { parseRetryAfter } from '../retry/retry-after'
import { sleep } from '../retry/sleep'
import { type AttemptClient, runAttempt } from './attempt'
import { attemptSignal } from './attempt-signal'
import {
  type ApiKeySource,
  type ClientConfig,
  checkApiKey,
  FETCH_OPTIONS,
  type HeaderValues,
  type RequestOptions,
  type ScopedRequestOptions,
  validateConfig,
  validateExtras,
  validateOptions,
} from './config'
import { errorFromThrown } from './failure'
import { applyHeaders, clientHeaders, type HeaderRecord, mergeLayers } from './headers'
import { runHook } from './hooks'
import { fillPath } from './path-params'
import { requestIdOf } from './rate-limit'
import { type AmigoResponse, HttpResult, withResponseMetadata } from './response-meta'
import type { HttpMethod, RequestInit_, TypedMethod } from './types'
import { resolveBaseUrl, stripPlaceholder } from './url'

/** State shared by a transport and every `withOptions` view of it. */
interface Shared extends AttemptClient {
  apiKey: ApiKeySource
  /** `Bearer <key>` for a fixed key (undefined with a getter, which is called per attempt). */
  bearer?: string
  fixedPathParams: Record<string, string>
  retry: ResolvedRetry
  timeout?: number
  headers?: HeaderValues
  /** `x-amigo-client` and `user-agent`, built once: they do not change between requests. */
  clientHeaders: HeaderRecord
  /** Credentials seen so far, kept only to scrub them from messages; `redact` scrubs them from a text. */
  secrets: Set<string>
}

/**
 * The one request path of the SDK, generic over an OpenAPI `paths` type. Adds auth,
 * `{workspace_id}`, identification headers, timeouts, retries, error mapping, response metadata
 * and hooks around fetch, typed and serialised with openapi-fetch's conventions.
 */
export class Transport<Paths extends {} = {}> {
  /** State shared with every view; internal. */
  declare protected shared: Shared
  /** Options layered by `withOptions` (per-call options go on top); internal. */
  declare protected scoped: RequestOptions

  /** Validates `config` (throwing ConfigurationError naming the bad field) and prepares the client. */
  constructor(config: ClientConfig) {
    validateConfig(config)
    const base = resolveBaseUrl(config.baseUrl, config.fetch !== undefined)
    const custom = config.fetch
    if (custom === undefined && typeof globalThis.fetch !== 'function')
      throw new ConfigurationError('fetch is not available in this runtime: pass the fetch option')
    this.shared = {
      base,
      // The global fetch is looked up per call (instrumentation may replace it after construction),
      // and called unbound: browser fetch rejects a `this` other than the global object.
      fetchImpl: (input, init) => (custom ?? globalThis.fetch)(input, init),
      customFetch: custom !== undefined,
      apiKey: config.apiKey,
      bearer: typeof config.apiKey === 'string' ? `Bearer ${config.apiKey}` : undefined,
      fixedPathParams: { workspace_id: config.workspaceId },
      hooks: config.hooks,
      retry: resolveRetry(DEFAULT_RETRY, config.retry, config.maxRetries),
      timeout: config.timeout,
      headers: config.headers,
      clientHeaders: clientHeaders(config.userAgent),
      secrets: new Set(typeof config.apiKey === 'string' ? [config.apiKey] : []),
      redact: (text) => redactSecrets(text, [...this.shared.secrets]),
    }
    this.scoped = {}
    // An own (enumerable) property, so withOptions views get it too through Object.assign.
    ;(this as unknown as Record<symbol, unknown>)[INSPECT] = inspectTransport
  }

  /** A cheap view whose calls carry these options too (later layers and per-call options win). */
  withOptions(options: ScopedRequestOptions): this {
    validateOptions(options ?? {}, 'withOptions: ')
    const view = Object.create(Object.getPrototypeOf(this)) as this
    Object.assign(view, this)
    view.scoped = layer(this.scoped, options ?? {})
    return view
  }

  // The typed helpers are getters on the prototype, so `withOptions` views (which share the
  // prototype) dispatch through their own options. They are class members rather than a loop over
  // the prototype after the class: such a top-level statement is a side effect that keeps the whole
  // transport in the bundle of an app that only imports, say, an error class.
  /** Typed GET of a spec path; resolves to `{ data, response, requestId, rateLimit }`. */
  get GET(): TypedMethod<Paths, 'get'> {
    return this.helper('get')
  }
  /** Typed POST of a spec path. */
  get POST(): TypedMethod<Paths, 'post'> {
    return this.helper('post')
  }
  /** Typed PUT of a spec path. */
  get PUT(): TypedMethod<Paths, 'put'> {
    return this.helper('put')
  }
  /** Typed PATCH of a spec path. */
  get PATCH(): TypedMethod<Paths, 'patch'> {
    return this.helper('patch')
  }
  /** Typed DELETE of a spec path. */
  get DELETE(): TypedMethod<Paths, 'delete'> {
    return this.helper('delete')
  }
  /** Typed HEAD of a spec path (data is always undefined). */
  get HEAD(): TypedMethod<Paths, 'head'> {
    return this.helper('head')
  }
  /** Typed OPTIONS of a spec path. */
  get OPTIONS(): TypedMethod<Paths, 'options'> {
    return this.helper('options')
  }

  private helper(method: HttpMethod): never {
    return ((path: string, init?: RequestInit_) =>
      this.request(method, path, init).then(withDataMetadata)) as never
  }

  /** The configured workspace id. */
  get workspaceId(): string {
    return this.shared.fixedPathParams.workspace_id as string
  }

  /** Sends a request through retries, timeouts, hooks and error mapping; the untyped form of GET/POST/... */
  async request(method: HttpMethod, path: string, init: RequestInit_ = {}): Promise<AmigoResponse<unknown>> {
    const { shared } = this
    if (!METHODS.has((typeof method === 'string' ? method.toLowerCase() : method) as HttpMethod))
      throw new InvalidRequestError(`method must be one of ${[...METHODS].join(', ')}, got ${String(method)}`)
    if (typeof path !== 'string' || !path.startsWith('/'))
      throw new InvalidRequestError(`path must be a string starting with "/", got ${describePath(path)}`)
    validateOptions(init, '')
    if (init.params?.header !== undefined || init.accept !== undefined || init.contentType !== undefined)
      validateExtras(init)
    if (shared.base.unusable) throw new ConfigurationError(shared.base.unusable)
    // Most calls carry no per-call options: the view's own layer is then used as is, not copied.
    const opts = hasOptions(init) ? layer(this.scoped, init) : this.scoped
    const upper = method.toUpperCase()
    const filledPath = fillPath(upper, path, init.params?.path, shared.fixedPathParams)
    const retry =
      opts.maxRetries === undefined && opts.retry === undefined
        ? shared.retry
        : resolveRetry(shared.retry, opts.retry, opts.maxRetries)
    const fetchOptions = pickFetchOptions(opts)
    const timeout = opts.timeout ?? shared.timeout
    const retrySafe = isRetrySafe(upper, opts.idempotencyKey !== undefined)
    const userSignal = opts.signal ?? undefined
    const { redact } = shared
    const parseAs = init.parseAs ?? 'json'

    for (let attempt = 0; ; attempt++) {
      if (userSignal?.aborted) throw userSignal.reason
      // Awaited only for an apiKey getter: under a burst of concurrent calls an await here lets every
      // other call run its own preparation before this one is sent (bench: 50-concurrent latency).
      const built = this.buildHeaders(init, opts)
      const headers = built instanceof Promise ? await built : built
      const signal = attemptSignal(userSignal, timeout)
      const outcome = await runAttempt(shared, {
        method: upper,
        path,
        filledPath,
        init,
        headers,
        parseAs,
        signal: signal.signal,
        fetchOptions,
        attempt,
      })
      const canRetry = attempt + 1 < retry.maxAttempts

      if (outcome.kind === 'ok') {
        // A stream outlives this call: stop the timer, but keep the caller's signal linked to it.
        if (parseAs === 'stream') signal.stopTimer()
        else signal.dispose()
        const { response } = outcome
        const data = response.status === 205 ? undefined : outcome.data
        return new HttpResult(data as never, response, requestIdOf(response.headers))
      }
      const timedOut = signal.timedOut
      signal.dispose()

      let error: unknown
      let willRetry = false
      let retryAfterMs: number | undefined
      if (outcome.kind === 'thrown' && userSignal?.aborted && !timedOut) {
        // The caller gave up: the signal's reason is thrown as it is, never retried.
        error = userSignal.reason
      } else if (outcome.kind === 'http-error') {
        const { response } = outcome
        retryAfterMs = parseRetryAfter(response.headers.get('retry-after'))
        error = errorFromResponse({
          status: response.status,
          headers: response.headers,
          body: outcome.body,
          requestId: requestIdOf(response.headers) || undefined,
          secrets: [...shared.secrets],
        })
        willRetry = canRetry && shouldRetryStatus(response.status, retrySafe, retryAfterMs !== undefined)
      } else {
        error = errorFromThrown(outcome.error, outcome.response, outcome.sent, timedOut, timeout, redact)
        // Timeouts and unreadable success bodies are final; connection failures are retried when safe.
        willRetry =
          canRetry && retrySafe && error instanceof NetworkError && !(error instanceof RequestTimeoutError)
      }
      await runHook(
        shared.hooks,
        'onError',
        { request: outcome.request, error, schemaPath: path, attempt, willRetry },
        redact,
      )
      if (!willRetry) throw error
      // Retry-After is honoured but capped at maxDelayMs, so a server cannot park a call for hours.
      const delay =
        retryAfterMs !== undefined
          ? Math.min(retryAfterMs, retry.maxDelayMs)
          : backoffDelay(attempt, { baseDelayMs: retry.baseDelayMs, maxDelayMs: retry.maxDelayMs })
      await sleep(delay, userSignal)
    }
  }

  /** What `JSON.stringify` shows of a client: where it points, never its key, getter or headers. */
  toJSON(): { baseUrl: string; workspaceId: string } {
    const { base } = this.shared
    return { baseUrl: stripPlaceholder(base.absolute, base), workspaceId: this.workspaceId }
  }

  /** Headers of one attempt; the API key getter is called here, so each attempt gets a fresh token. */
  private buildHeaders(init: RequestInit_, opts: RequestOptions): HeaderRecord | Promise<HeaderRecord> {
    const { shared } = this
    const headers = applyHeaders(
      { accept: init.accept ?? 'application/json' },
      shared.headers,
      opts.headers,
      init.params?.header,
    )
    if (init.contentType) headers['content-type'] = init.contentType
    if (opts.idempotencyKey !== undefined) headers['idempotency-key'] = opts.idempotencyKey
    // The identification headers unless the caller set them (a null in a layer does not remove them).
    for (const name in shared.clientHeaders) headers[name] ??= shared.clientHeaders[name]!
    // An explicit Authorization header from the caller is kept as is.
    if (init.auth === false || headers.authorization !== undefined) return headers
    const { apiKey } = shared
    if (typeof apiKey !== 'function') {
      // A fixed key was checked when the client was made; the header value is built once.
      headers.authorization = shared.bearer as string
      return headers
    }
    return Promise.resolve(apiKey()).then((key) => this.authorize(headers, key))
  }

  /** Sets the bearer key (checked: a getter may return anything) and remembers it for redaction. */
  private authorize(headers: HeaderRecord, key: unknown): HeaderRecord {
    const { shared } = this
    if (typeof key !== 'string' || key === '')
      throw new ConfigurationError('apiKey getter must return a non-empty string')
    checkApiKey(key, 'the key returned by the apiKey getter')
    if (shared.secrets.size > 16) shared.secrets.clear()
    shared.secrets.add(key)
    if (typeof shared.apiKey === 'string') shared.secrets.add(shared.apiKey)
    headers.authorization = `Bearer ${key}`
    return headers
  }
}

/** The low-level helpers' data carries `_request_id` and `lastResponse`, as resource results do. */
const withDataMetadata = (result: AmigoResponse<unknown>): AmigoResponse<unknown> => {
  withResponseMetadata(result.data, result)
  return result
}

const METHODS = new Set<HttpMethod>(['get', 'post', 'put', 'patch', 'delete', 'head', 'options'])

const describePath = (p: unknown) => (typeof p === 'string' ? JSON.stringify(p.slice(0, 100)) : typeof p)

// util.inspect's hook, keyed by its registered symbol (no node: import). It is set per instance in the
// constructor, not declared as a computed class member: bundlers count a class with a computed
// `Symbol.for(...)` key as a side effect, and then keep the transport in every
// bundle that imports anything at all from this package (bench: realtime browser SSE app size).
const INSPECT = Symbol.for('nodejs.util.inspect.custom')

/** `console.log` and `util.inspect` show the same safe summary as `toJSON`. */
function inspectTransport(
  this: Transport,
  _depth: number,
  options: unknown,
  inspect?: (value: unknown, options: unknown) => string,
): string {
  const summary = this.toJSON()
  const body = inspect ? inspect(summary, options) : JSON.stringify(summary)
  return `${this.constructor.name} ${body}`
}

// The options a view or a call puts over the layers below it (`retry` and `headers` merge instead),
// as two lists: a spread into one would be a top-level statement every bundle keeps.
const LAYERED = [['timeout', 'maxRetries', 'signal', 'idempotencyKey'], FETCH_OPTIONS] as const

/** True when a call passes any option that {@link layer} would put over the view's own. */
const hasOptions = (init: RequestOptions): boolean =>
  init.retry !== undefined ||
  init.headers !== undefined ||
  LAYERED.some((keys) => keys.some((key) => init[key] != null))

/** The `fetch` options among request options, or undefined when there are none (the usual case). */
function pickFetchOptions(opts: RequestOptions): RequestInit | undefined {
  let out: Record<string, unknown> | undefined
  for (const key of FETCH_OPTIONS) {
    if (opts[key] === undefined) continue
    out ??= {}
    out[key] = opts[key]
  }
  return out as RequestInit | undefined
}

/** Layers request options: later values win, headers merge (a `null` header value removes one). */
function layer(base: RequestOptions, next: RequestOptions): RequestOptions {
  const out: Record<string, unknown> = { ...base }
  for (const keys of LAYERED) for (const key of keys) if (next[key] != null) out[key] = next[key]
  if (next.retry !== undefined) out.retry = { ...base.retry, ...next.retry }
  const headers = mergeLayers(base.headers, next.headers)
  if (headers !== undefined) out.headers = headers
  return out
}
