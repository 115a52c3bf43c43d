import { ConfigurationError, InvalidRequestError } from '../errors/client-errors'
import { isRetrySafe, resolveRetry } from '../retry/policy'
import type { RetryPolicy } from '../retry/retry-delay'
import type { ClientState } from './client-state'
import { type RequestOptions, validateExtras, validateOptions } from './config'
import type { HeaderLayer } from './headers'
import { layerOptions } from './layer-options'
import { fillPath } from './path-params'
import type { HttpMethod, ParseAs, RequestInit_ } from './types'

/** One call, checked and prepared once before its first attempt: what every attempt reads. */
export interface Call extends RetryPolicy {
  /** Upper case, as sent. */
  method: string
  /** The path template, as hooks report it. */
  path: string
  /** The path with its parameters filled in. */
  filledPath: string
  /** The call's params, body, serializer and switches (`auth`, `accept`, `sensitiveBody`, ...). */
  init: RequestInit_
  /** The client's, the view's and the call's options, layered. */
  opts: RequestOptions
  /** The call's header parameters (`params.header`), checked: applied over every other layer. */
  header: HeaderLayer | undefined
  parseAs: ParseAs
  /** The caller's signal, if any. */
  signal: AbortSignal | undefined
}

/** The methods a call may use, as OpenAPI path items name them. */
export const METHODS: HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options']

/**
 * Checks a call's method, path, options and header-bound extras (a bad one throws before anything
 * is sent, naming what is wrong), then layers its options over the view's and fills its path.
 */
export function prepareCall(
  client: ClientState,
  scoped: RequestOptions,
  method: HttpMethod,
  path: string,
  init: RequestInit_,
): Call {
  if (!METHODS.includes((typeof method === 'string' ? method.toLowerCase() : method) as HttpMethod))
    throw new InvalidRequestError(`method must be one of ${METHODS.join(', ')}, got ${String(method)}`)
  if (typeof path !== 'string' || !path.startsWith('/'))
    throw new InvalidRequestError(`path must be a string starting with "/", got ${describePath(path)}`)
  const headers = validateOptions(init, '')
  const header = validateExtras(init)
  if (client.base.unusable) throw new ConfigurationError(client.base.unusable)
  const opts = layerOptions(scoped, init, headers)
  const upper = method.toUpperCase()
  return {
    method: upper,
    path,
    filledPath: fillPath(upper, path, init.params?.path, client.fixedPathParams),
    init,
    opts,
    header,
    parseAs: init.parseAs ?? 'json',
    signal: opts.signal ?? undefined,
    retry: resolveRetry(client.retry, opts.retry, opts.maxRetries),
    retrySafe: isRetrySafe(upper, opts.idempotencyKey !== undefined),
  }
}

const describePath = (p: unknown) => (typeof p === 'string' ? JSON.stringify(p.slice(0, 100)) : typeof p)
