import { ConfigurationError } from '../errors/client-errors'
import { redactSecrets } from '../errors/redact'
import { DEFAULT_RETRY, resolveRetry } from '../retry/policy'
import { retryDelay } from '../retry/retry-delay'
import { sleep } from '../retry/sleep'
import { untilAborted } from '../retry/until-aborted'
import { runAttempt } from './attempt'
import { attemptSignal } from './attempt-signal'
import type { ClientState } from './client-state'
import {
  type ClientConfig,
  type RequestOptions,
  type ScopedRequestOptions,
  validateConfig,
  validateOptions,
} from './config'
import { clientHeaders } from './headers'
import { runHook } from './hooks'
import { layerOptions } from './layer-options'
import { type Call, METHODS, prepareCall } from './prepare-call'
import { type AmigoResponse, HttpResult, withResponseMetadata } from './response-meta'
import type { HttpMethod, RequestInit_, TypedMethod } from './types'
import { resolveBaseUrl } from './url'

/**
 * The one request path of the SDK, generic over an OpenAPI `paths` type. Adds auth,
 * `{workspace_id}`, identification headers, timeouts, retries, error mapping, response metadata
 * and hooks around fetch, typed and serialised with openapi-fetch's conventions.
 */
export class Transport<Paths extends {} = {}> {
  /** State shared with every view; internal. */
  declare protected shared: ClientState
  /** The client's `timeout` and `headers`, then each `withOptions` layer (a call's go on top); internal. */
  declare protected scoped: RequestOptions

  /** Validates `config` (throwing ConfigurationError naming the bad field) and prepares the client. */
  constructor(config: ClientConfig) {
    const headers = validateConfig(config)
    const base = resolveBaseUrl(config.baseUrl, config.fetch !== undefined)
    if (config.fetch === undefined && typeof globalThis.fetch !== 'function')
      throw new ConfigurationError('fetch is not available in this runtime: pass the fetch option')
    this.shared = {
      base,
      fetch: config.fetch,
      apiKey: config.apiKey,
      fixedPathParams: { workspace_id: config.workspaceId },
      hooks: config.hooks,
      retry: resolveRetry(DEFAULT_RETRY, config.retry, config.maxRetries),
      clientHeaders: clientHeaders(config.userAgent),
      // The key as sent: fetch strips the spaces around a header value.
      redact: (text) => redactSecrets(text, [typeof config.apiKey === 'string' && config.apiKey.trim()]),
    }
    // The client's own options are the bottom layer of every call's.
    this.scoped = { timeout: config.timeout, headers }
    // An own (enumerable) property, so withOptions views get it too through Object.assign.
    ;(this as unknown as Record<symbol, unknown>)[INSPECT] = inspectTransport
    installHelpers()
  }

  /** A cheap view whose calls carry these options too (later layers and per-call options win). */
  withOptions(options: ScopedRequestOptions): this {
    const headers = validateOptions(options ?? {}, 'withOptions: ')
    const view = Object.create(Object.getPrototypeOf(this)) as this
    Object.assign(view, this)
    view.scoped = layerOptions(this.scoped, options ?? {}, headers)
    return view
  }

  // The typed helpers, getters on the prototype (see installHelpers).
  /** Typed GET of a spec path; resolves to `{ data, response, requestId, rateLimit }`. */
  declare readonly GET: TypedMethod<Paths, 'get'>
  /** Typed POST of a spec path. */
  declare readonly POST: TypedMethod<Paths, 'post'>
  /** Typed PUT of a spec path. */
  declare readonly PUT: TypedMethod<Paths, 'put'>
  /** Typed PATCH of a spec path. */
  declare readonly PATCH: TypedMethod<Paths, 'patch'>
  /** Typed DELETE of a spec path. */
  declare readonly DELETE: TypedMethod<Paths, 'delete'>
  /** Typed HEAD of a spec path (data is always undefined). */
  declare readonly HEAD: TypedMethod<Paths, 'head'>
  /** Typed OPTIONS of a spec path. */
  declare readonly OPTIONS: TypedMethod<Paths, 'options'>

  /** The configured workspace id. */
  get workspaceId(): string {
    return this.shared.fixedPathParams.workspace_id as string
  }

  /**
   * Sends a request through retries, timeouts, hooks and error mapping; the untyped form of
   * GET/POST/...: the call is checked and prepared once, then each attempt is sent and, when it
   * fails, either retried after a wait or its error thrown.
   */
  async request(method: HttpMethod, path: string, init: RequestInit_ = {}): Promise<AmigoResponse<unknown>> {
    const { shared } = this
    const call = prepareCall(shared, this.scoped, method, path, init)
    for (let attempt = 0; ; attempt++) {
      const outcome = await runAttempt(shared, call, attempt)
      if (outcome.kind === 'ok') {
        const { response } = outcome
        return new HttpResult(outcome.data as never, response, outcome.requestId)
      }
      const delay = retryDelay(outcome, attempt, call)
      const { error } = outcome
      const ctx = {
        request: outcome.request,
        error,
        schemaPath: path,
        attempt,
        willRetry: delay !== undefined,
      }
      await settleOnError(runHook(shared.hooks, 'onError', ctx, shared.redact), call)
      if (delay === undefined) throw error
      await sleep(delay, call.signal)
    }
  }

  /** What `JSON.stringify` shows of a client: where it points, never its key, getter or headers. */
  toJSON(): { baseUrl: string; workspaceId: string } {
    const { base } = this.shared
    return { baseUrl: base.relative ?? base.absolute, workspaceId: this.workspaceId }
  }
}

/**
 * Waits for the onError hook, which must not hold the call: the caller's abort ends the wait (its
 * reason is thrown, as everywhere), and so does the call's timeout, after which the call goes on
 * (its error thrown or the next attempt) without the hook.
 */
async function settleOnError(hook: Promise<void>, call: Call): Promise<void> {
  const link = attemptSignal(call.signal, call.opts.timeout)
  try {
    await untilAborted(hook, link.signal)
  } catch (reason) {
    if (!link.timedOut) throw reason
  } finally {
    link.dispose()
  }
}

let helpersInstalled = false

/**
 * Puts the typed helpers on the prototype, once: `GET` is `(path, init) => request('get', path,
 * init)`, its data carrying `_request_id` and `lastResponse` as resource results do. Getters, so that
 * `withOptions` views (which share the prototype) send through their own options. Installed by the
 * first constructor call rather than at module level, where the loop would be a side effect keeping
 * the whole transport in the bundle of an app that only imports, say, an error class.
 */
function installHelpers(): void {
  if (helpersInstalled) return
  helpersInstalled = true
  for (const method of METHODS)
    Object.defineProperty(Transport.prototype, method.toUpperCase(), {
      get(this: Transport) {
        return (path: string, init?: RequestInit_) =>
          this.request(method, path, init).then((result) => {
            withResponseMetadata(result.data, result)
            return result
          })
      },
    })
}

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
