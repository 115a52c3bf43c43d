import { ConfigurationError } from '../errors/client-errors'
import { isAbortSignal } from '../options/is-abort-signal'
import { kindOf } from '../options/kind-of'
import { MAX_TIMER_MS, type RetryOptions, validateRetry } from '../retry/policy'
import { assertHeaderValue, headerLayer } from './header-checks'
import type { HeaderLayer } from './headers'
import type { ClientHooks } from './hooks'
import { pathSegmentProblem } from './path-segment'
import type { RequestExtras } from './types'

/** An API key or token, or a getter called before every attempt (so a token manager can refresh). */
export type ApiKeySource = string | (() => string | Promise<string>)

/** Client configuration. `apiKey` and `workspaceId` are required. */
export interface ClientConfig {
  /** API key or JWT sent as `Authorization: Bearer ...`, or a getter returning one. */
  apiKey: ApiKeySource
  /** Workspace every `{workspace_id}` path parameter is filled with. */
  workspaceId: string
  /** API origin, or a relative path such as `/api/platform` together with a custom `fetch`. */
  baseUrl?: string
  /** Retry settings for transient failures. */
  retry?: RetryOptions
  /** Retries after the first attempt (`maxRetries: 2` = up to 3 attempts); wins over `retry.maxAttempts`. */
  maxRetries?: number
  /** Per-attempt timeout in milliseconds (none by default). */
  timeout?: number
  /** Headers added to every request (numbers, booleans and lists of values are sent as text). */
  headers?: HeaderValues
  /** Lifecycle hooks. */
  hooks?: ClientHooks
  /** Custom fetch (BFF proxies, cookie forwarding, tests). */
  fetch?: typeof fetch
  /** Names the calling SDK in `x-amigo-client`/`User-Agent`, e.g. `@amigo-ai/platform-sdk/1.2.3`. */
  userAgent?: string
}

/** Options that can be layered per call or with `withOptions`. */
export interface RequestOptions {
  /** Per-attempt timeout in milliseconds. */
  timeout?: number
  /** Retries after the first attempt. */
  maxRetries?: number
  /** Extra headers (a `null` value in a record removes a default header). */
  headers?: HeaderValues
  /** Retry settings for these calls, over the client's (`maxRetries` wins over `retry.maxAttempts`). */
  retry?: RetryOptions
  /** Aborts the call (including any wait between retries); the signal's reason is thrown, with no retry. */
  signal?: AbortSignal | null
  /** Sends `Idempotency-Key` (same value on every attempt) and lets a non-GET call be retried like a GET. */
  idempotencyKey?: string
  // The fetch option types are read off `RequestInit`, which both the DOM library and @types/node
  // declare: their own names (`RequestCache`, `HeadersInit`, ...) are the DOM library's only, so a
  // Node project compiled without it could not read these declarations. Node's has no `cache`.
  /** Passed to `fetch` as given. */
  cache?: 'default' | 'force-cache' | 'no-cache' | 'no-store' | 'only-if-cached' | 'reload'
  /** Passed to `fetch` as given (e.g. `include` to send cookies to a proxy on another origin). */
  credentials?: RequestInit['credentials']
  /** Passed to `fetch` as given. */
  integrity?: string
  /** Passed to `fetch` as given. */
  keepalive?: boolean
  /** Passed to `fetch` as given. */
  mode?: RequestInit['mode']
  /**
   * Passed to `fetch` as given. Default `manual`: a redirect fails the call (status 3xx, or 0 in a
   * browser) rather than re-sending the request elsewhere; `follow` follows redirects.
   */
  redirect?: RequestInit['redirect']
  /** Passed to `fetch` as given. */
  referrer?: string
  /** Passed to `fetch` as given. */
  referrerPolicy?: RequestInit['referrerPolicy']
  /** Passed to `fetch` as given (spelt out: the DOM library's `RequestPriority` is TypeScript 5.4+). */
  priority?: 'high' | 'low' | 'auto'
}

/**
 * Options a client view (`withOptions`) or a call carries: the request options and any other `fetch`
 * option. The single-package SDK's name for them.
 */
export type ScopedRequestOptions = Omit<RequestInit, 'body' | 'headers' | 'method' | 'signal'> &
  RequestOptions

/** Header values as callers pass them: a `Headers`, pairs, or a record (`null` removes a default header). */
export type HeaderValues =
  | NonNullable<RequestInit['headers']>
  | Record<string, string | number | boolean | (string | number | boolean)[] | null | undefined>

/** The `fetch` options a call may pass through (see RequestOptions). */
export const FETCH_OPTIONS = [
  'cache',
  'credentials',
  'integrity',
  'keepalive',
  'mode',
  'redirect',
  'referrer',
  'referrerPolicy',
  'priority',
] as const

/** Throws a ConfigurationError saying what `name` must be and what kind of value it got (never the value). */
function must(ok: boolean, name: string, expected: string, value: unknown): asserts ok {
  if (!ok) throw new ConfigurationError(`${name} must be ${expected}, got ${kindOf(value)}`)
}

/** Checks an optional text that goes into a header as it is (`userAgent`, `accept`, ...). */
function optionalHeaderText(value: unknown, name: string): void {
  if (value === undefined) return
  must(typeof value === 'string', name, 'a string', value)
  assertHeaderValue(value, name)
}

/**
 * Validates the constructor config; errors name the field and never include its value. Returns the
 * client's headers, checked (see headerLayer).
 */
export function validateConfig(config: unknown): HeaderLayer | undefined {
  must(typeof config === 'object' && config !== null, 'client config', 'an object', config)
  const c = config as Record<string, unknown>
  if (c.apiKey == null || c.apiKey === '')
    throw new ConfigurationError(
      'apiKey is required (an API key or token string, or a function returning one)',
    )
  must(
    typeof c.apiKey === 'string' || typeof c.apiKey === 'function',
    'apiKey',
    'a string or a function',
    c.apiKey,
  )
  if (typeof c.apiKey === 'string') checkApiKey(c.apiKey, 'apiKey')
  if (c.workspaceId == null || c.workspaceId === '')
    throw new ConfigurationError('workspaceId is required (the id of the workspace to act in)')
  must(typeof c.workspaceId === 'string', 'workspaceId', 'a string', c.workspaceId)
  // Checked once here: it fills `{workspace_id}` of every request, where fillPath trusts it.
  const workspaceProblem = pathSegmentProblem(c.workspaceId)
  if (workspaceProblem !== undefined) throw new ConfigurationError(`workspaceId ${workspaceProblem}`)
  must(c.fetch === undefined || typeof c.fetch === 'function', 'fetch', 'a function', c.fetch)
  const { hooks } = c
  must(hooks === undefined || (typeof hooks === 'object' && hooks !== null), 'hooks', 'an object', hooks)
  for (const name in hooks) {
    const hook = (hooks as Record<string, unknown>)[name]
    must(hook === undefined || typeof hook === 'function', `hooks.${name}`, 'a function', hook)
  }
  // Other SDKs' spellings (`baseURL`, `base_url`) would be ignored, sending the key to the default origin.
  for (const key in c)
    if (/^(agentB|b)ase(URL|_url)$/.test(key))
      throw new ConfigurationError(`unknown option ${key} (did you mean ${key.replace(/URL|_url/, 'Url')}?)`)
  optionalHeaderText(c.userAgent, 'userAgent')
  // Not a layer: the client's headers are sent as given (a null there removes nothing yet, so it is
  // refused), and its own options are its to name.
  return validateOptions(c as RequestOptions, '', false)
}

/**
 * Refuses, in a call's options or a view's, the options that belong to the client alone: there they
 * would be ignored, and the call sent with the client's key, to its workspace and origin.
 */
function refuseClientOptions(o: object, where: string): void {
  for (const key of ['apiKey', 'workspaceId', 'baseUrl'])
    if (key in o) throw new ConfigurationError(`${where}${key} is the client's: make another client`)
}

/**
 * Validates layered request options (the client's, `withOptions` and per call); returns their
 * headers, checked (see headerLayer). A `layer` over the client's own (a view's, a call's) may remove
 * a default header with `null`, and may not name an option of the client alone.
 */
export function validateOptions(o: RequestOptions, where: string, layer = true): HeaderLayer | undefined {
  must(typeof o === 'object' && o !== null, `${where}options`, 'an object', o)
  const { timeout } = o
  if (timeout !== undefined && !(typeof timeout === 'number' && timeout > 0 && timeout <= MAX_TIMER_MS))
    throw new ConfigurationError(
      `${where}timeout must be a positive number of milliseconds, at most ${MAX_TIMER_MS}`,
    )
  validateRetry(o.retry, o.maxRetries, where)
  if (o.idempotencyKey === '')
    throw new ConfigurationError(`${where}idempotencyKey must be a non-empty string`)
  optionalHeaderText(o.idempotencyKey, `${where}idempotencyKey`)
  if (o.signal != null && !isAbortSignal(o.signal))
    throw new ConfigurationError(`${where}signal must be an AbortSignal`)
  checkFetchOptions(o, where)
  const headers = headerLayer(o.headers, `${where}headers`, layer)
  if (layer) refuseClientOptions(o, where)
  return headers
}

/**
 * Refuses the `fetch` options fetch itself would refuse (`credentials: 'bogus'`, `mode: 'navigate'`)
 * before anything is sent: fetch would reject every attempt, and that rejection reads like a network
 * failure, which is retried. Each runtime's own Request says what it takes. The message names the
 * options given, not their values nor the runtime's words, which quote them.
 */
function checkFetchOptions(o: RequestOptions, where: string): void {
  const given: Record<string, unknown> = {}
  for (const key of FETCH_OPTIONS) if (o[key] !== undefined) given[key] = o[key]
  const names = Object.keys(given)
  // Most calls pass none: no Request is built for them.
  if (names.length === 0) return
  try {
    new Request('http://localhost/', given)
  } catch {
    throw new ConfigurationError(`${where}${names.join(', ')}: fetch refuses these values`)
  }
}

/**
 * Checks an API key or token before it goes into `Authorization`: a `ConfigurationError` naming
 * `what` (an option, an environment variable) when it is only whitespace or holds characters no
 * header can carry. The error never includes the key.
 */
export function checkApiKey(key: string, what: string): void {
  if (key.trim() === '') throw new ConfigurationError(`${what} is empty or only whitespace`)
  assertHeaderValue(key, what)
}

/**
 * Checks the header-bound request extras of a low-level call (`params.header`, `accept`,
 * `contentType`) before any attempt, as `headers` is checked, so a bad value is a ConfigurationError
 * naming the field rather than a fetch TypeError quoting it; returns `params.header`, checked.
 */
export function validateExtras(
  init: RequestExtras & { params?: { header?: unknown } },
): HeaderLayer | undefined {
  optionalHeaderText(init.accept, 'accept')
  optionalHeaderText(init.contentType, 'contentType')
  return headerLayer(init.params?.header, 'params.header', true)
}
