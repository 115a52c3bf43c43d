// The single-package SDK built resources from an openapi-fetch client and a workspace id
// (`new AgentsResource(client, workspaceId)`). A resource built that way sends through this small
// adapter instead of the SDK's transport: the client's own base URL, headers, fetch and middleware
// apply; path parameters are still checked (each must stay one URL segment) and failures are the
// SDK's error classes. Retries, timeouts and hooks are the client's business in this form.
import {
  type AmigoResponse,
  ConfigurationError,
  errorFromResponse,
  type HttpMethod,
  InvalidRequestError,
  parseRateLimitHeaders,
  pathSegmentProblem,
  type RequestInit_,
  type ScopedRequestOptions,
  type Transport,
} from '@amigo-ai/core'
import { DEFAULT_API_BASE_URL } from '../client-config'
import type { paths } from '../generated/openapi'
import type { ResourceContext } from './base'

/** What a resource needs of an openapi-fetch client: one method per HTTP verb. */
type OpenapiFetchMethod = (
  path: string,
  init: Record<string, unknown>,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>

/** A transport over an openapi-fetch client (the official form of constructing a resource). */
function officialClientTransport(
  client: unknown,
  workspaceId: string,
  scoped: ScopedRequestOptions = {},
): Transport<paths> {
  const problem = pathSegmentProblem(workspaceId)
  if (typeof workspaceId !== 'string' || problem !== undefined)
    throw new ConfigurationError(`workspaceId ${problem ?? 'must be a string'}`)
  const request = async (method: HttpMethod, path: string, init: RequestInit_ = {}) => {
    const send = (client as Record<string, unknown> | null)?.[method.toUpperCase()]
    if (typeof send !== 'function')
      throw new ConfigurationError(
        `this resource was built from a client without ${method.toUpperCase()}: pass an openapi-fetch client`,
      )
    const pathParams = byName(path, init.params?.path)
    for (const [name, value] of Object.entries(pathParams)) {
      const problem = pathSegmentProblem(value)
      if (problem !== undefined)
        throw new InvalidRequestError(
          `path parameter "${name}" of ${method.toUpperCase()} ${path} ${problem}`,
        )
    }
    const params = { ...init.params, path: { ...pathParams, workspace_id: workspaceId } }
    const { data, error, response } = await (send as OpenapiFetchMethod).call(client, path, {
      params,
      ...(init.body !== undefined ? { body: init.body } : {}),
      ...(init.parseAs ? { parseAs: init.parseAs } : {}),
      headers: mergedHeaders(scoped.headers, init.headers),
      signal: init.signal ?? scoped.signal ?? undefined,
    })
    const requestId = response.headers.get('x-request-id') ?? ''
    if (!response.ok)
      throw errorFromResponse({ status: response.status, headers: response.headers, body: error, requestId })
    const result: AmigoResponse<unknown> = {
      data,
      response,
      requestId,
      rateLimit: parseRateLimitHeaders(response.headers),
    }
    return result
  }
  const withOptions = (options: ScopedRequestOptions) =>
    officialClientTransport(client, workspaceId, {
      ...scoped,
      ...options,
      headers: mergedHeaders(scoped.headers, options.headers),
    })
  return { request, withOptions, workspaceId } as unknown as Transport<paths>
}

/** Path parameters by name, as openapi-fetch takes them (a list follows the template's placeholders). */
function byName(template: string, params: Record<string, unknown> | readonly unknown[] = {}) {
  if (!Array.isArray(params)) return params as Record<string, unknown>
  const names = [...template.matchAll(/\{([^{}]+)\}/g)].flatMap((m) =>
    m[1] === 'workspace_id' ? [] : [m[1]],
  )
  return Object.fromEntries(names.map((name, i) => [name, params[i]]))
}

/** Header layers as one `Headers` (later layers win); values are checked by `Headers` itself. */
function mergedHeaders(...layers: Array<ScopedRequestOptions['headers']>): Headers {
  const out = new Headers()
  for (const layer of layers) {
    if (layer === undefined) continue
    try {
      for (const [name, value] of new Headers(layer as HeadersInit)) out.set(name, value)
    } catch {
      throw new ConfigurationError('headers has an invalid name or value (line breaks, control characters)')
    }
  }
  return out
}

/**
 * The context of a resource built the single-package SDK's way: requests go through the given
 * openapi-fetch client; the WebSocket helpers use `agentBaseUrl` (default: the API's origin) and a
 * token passed to each call, since such a client has no key the SDK can read.
 */
export function officialClientContext(
  client: unknown,
  workspaceId: string,
  agentBaseUrl: unknown,
): ResourceContext {
  if (agentBaseUrl !== undefined && typeof agentBaseUrl !== 'string')
    throw new ConfigurationError('agentBaseUrl must be a string')
  return {
    transport: officialClientTransport(client, workspaceId),
    connection: {
      baseUrl: agentBaseUrl ?? DEFAULT_API_BASE_URL,
      workspaceId,
      ...(agentBaseUrl !== undefined ? { agentBaseUrl } : {}),
    },
  }
}
