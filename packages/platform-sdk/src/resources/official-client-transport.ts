// The single-package SDK built resources from an openapi-fetch client and a workspace id
// (`new AgentsResource(client, workspaceId)`). A resource built that way sends through this small
// adapter instead of the SDK's transport: the client's own base URL, headers, fetch and middleware
// apply; path parameters are still checked (each must stay one URL segment) and failures are the
// SDK's error classes. Retries, timeouts and hooks are the client's business in this form.
import {
  ConfigurationError,
  credentialOf,
  errorFromResponse,
  type HttpMethod,
  InvalidRequestError,
  pathSegmentProblem,
  type RequestInit_,
  redactSecrets,
  requestIdOf,
  type ScopedRequestOptions,
  secretForms,
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

/**
 * The part of a transport a resource uses (`request`, `withOptions`), over an openapi-fetch client.
 * Resources pass their path parameters as a list in the template's order; openapi-fetch takes them
 * by name. A result carries what resources read of one: `data`, `response` and `requestId`.
 */
function officialClientTransport(
  client: unknown,
  workspaceId: string,
  scoped: ScopedRequestOptions,
): Transport<paths> {
  const request = async (method: HttpMethod, path: string, init: RequestInit_ = {}) => {
    const verb = method.toUpperCase()
    const send = (client as Record<string, unknown> | null)?.[verb]
    if (typeof send !== 'function')
      throw new ConfigurationError(
        `this resource was built from a client without ${verb}: pass an openapi-fetch client`,
      )
    const values = (init.params?.path ?? []) as unknown[]
    const byName: Record<string, unknown> = { workspace_id: workspaceId }
    let next = 0
    for (const [, name = ''] of path.matchAll(/\{([^{}]+)\}/g)) {
      if (name === 'workspace_id') continue
      const value = values[next++]
      const problem = pathSegmentProblem(value)
      if (problem !== undefined)
        throw new InvalidRequestError(`path parameter "${name}" of ${verb} ${path} ${problem}`)
      byName[name] = value
    }
    // The Authorization the request left with (the client's headers or middleware set it), read by
    // a middleware of this call's, which openapi-fetch runs after the client's own.
    let authorization: string | null = null
    const seeSent = {
      onRequest({ request }: { request: Request }) {
        authorization = request.headers.get('authorization')
      },
    }
    const { data, error, response } = await (send as OpenapiFetchMethod).call(client, path, {
      // The call as the transport takes it: body, parseAs, a form's bodySerializer, fetch options.
      ...init,
      params: { ...init.params, path: byName },
      headers: mergedHeaders(scoped.headers, init.headers),
      signal: init.signal ?? scoped.signal ?? undefined,
      // As the SDK's own transport: a redirect fails the call rather than re-sending the request
      // (a token exchange's form, the client's headers) elsewhere, unless `redirect` says follow.
      // openapi-fetch itself defaults to following.
      redirect: init.redirect ?? scoped.redirect ?? 'manual',
      middleware: [seeSent],
    })
    const { status, headers } = response
    // Kept out of errors and request ids, as the SDK's own transport does: that credential and the
    // ones the call carries in its body (a token exchange's, an integration's).
    const sent = authorization as string | null
    const secrets = secretForms([sent ? credentialOf(sent) : undefined, ...[init.secret ?? []].flat()])
    const requestId = redactSecrets(requestIdOf(headers), secrets)
    if (!response.ok) throw errorFromResponse({ status, headers, body: error, requestId, secrets })
    return { data, response, requestId }
  }
  const withOptions = (options: ScopedRequestOptions) =>
    officialClientTransport(client, workspaceId, {
      ...scoped,
      ...options,
      headers: mergedHeaders(scoped.headers, options?.headers),
    })
  return { request, withOptions } as unknown as Transport<paths>
}

/** Header layers as one `Headers` (later layers win); values are checked by `Headers` itself. */
function mergedHeaders(...layers: ScopedRequestOptions['headers'][]): Headers {
  const out = new Headers()
  try {
    for (const layer of layers)
      for (const [name, value] of new Headers((layer ?? {}) as HeadersInit)) out.set(name, value)
  } catch {
    throw new ConfigurationError('headers has an invalid name or value (line breaks, control characters)')
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
  const problem = pathSegmentProblem(workspaceId)
  if (typeof workspaceId !== 'string' || problem !== undefined)
    throw new ConfigurationError(`workspaceId ${problem ?? 'must be a string'}`)
  if (agentBaseUrl !== undefined && typeof agentBaseUrl !== 'string')
    throw new ConfigurationError('agentBaseUrl must be a string')
  return {
    transport: officialClientTransport(client, workspaceId, {}),
    connection: { baseUrl: agentBaseUrl ?? DEFAULT_API_BASE_URL, workspaceId, agentBaseUrl },
  }
}
