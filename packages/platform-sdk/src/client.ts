import { ConfigurationError, type RequestOptions, Transport, type TypedMethod } from '@amigo-ai/core'
import { type AmigoClientConfig, DEFAULT_API_BASE_URL, SDK_USER_AGENT } from './client-config'
import type { paths } from './generated/openapi'
import type { ClientConnection, ResourceContext } from './resources/base'
import { type ClientResources, createResources } from './resources/registry'

const HTTP_HELPERS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const

/** Resource properties of the client; the list lives in resources/registry.ts. */
export interface AmigoClient extends ClientResources {}

/**
 * The Amigo Platform API client. Resources (`client.agents`, `client.world`, ...) and the typed
 * low-level helpers (`client.GET(path, init)`, ...) all send through one core `Transport`, so retries,
 * timeouts, errors, hooks and response metadata behave the same everywhere.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface only types the resource properties assigned in `attach`
export class AmigoClient {
  /** Typed GET of any spec path; resolves to `{ data, response, requestId, rateLimit }`. */
  declare readonly GET: TypedMethod<paths, 'get'>
  /** Typed POST of any spec path. */
  declare readonly POST: TypedMethod<paths, 'post'>
  /** Typed PUT of any spec path. */
  declare readonly PUT: TypedMethod<paths, 'put'>
  /** Typed PATCH of any spec path. */
  declare readonly PATCH: TypedMethod<paths, 'patch'>
  /** Typed DELETE of any spec path. */
  declare readonly DELETE: TypedMethod<paths, 'delete'>
  /** Typed HEAD of any spec path. */
  declare readonly HEAD: TypedMethod<paths, 'head'>
  /** Typed OPTIONS of any spec path. */
  declare readonly OPTIONS: TypedMethod<paths, 'options'>
  /** The configured workspace id (every workspace-scoped call uses it). */
  declare readonly workspaceId: string
  /** The API base URL in use. */
  declare readonly baseUrl: string
  declare private readonly _context: ResourceContext

  /** Creates a client; throws `ConfigurationError` naming a missing or invalid option. */
  constructor(config: AmigoClientConfig) {
    if (typeof config !== 'object' || config === null) {
      throw new ConfigurationError('AmigoClient needs a config object with apiKey and workspaceId')
    }
    if (config.agentBaseUrl !== undefined && typeof config.agentBaseUrl !== 'string') {
      throw new ConfigurationError('agentBaseUrl must be a string')
    }
    if (config.baseUrl !== undefined && typeof config.baseUrl !== 'string') {
      throw new ConfigurationError('baseUrl must be a string')
    }
    const baseUrl = (config.baseUrl ?? DEFAULT_API_BASE_URL).replace(/\/+$/, '')
    const transport = new Transport<paths>({
      ...config,
      baseUrl,
      userAgent: config.userAgent ?? SDK_USER_AGENT,
    })
    const connection = {
      baseUrl,
      workspaceId: config.workspaceId,
      ...(config.agentBaseUrl !== undefined ? { agentBaseUrl: config.agentBaseUrl } : {}),
      ...(config.fetch !== undefined ? { fetch: config.fetch } : {}),
    } as ClientConnection
    // The key stays reachable for the realtime helpers but out of every enumeration and JSON.
    Object.defineProperty(connection, 'apiKey', { value: config.apiKey, enumerable: false })
    attach(this, { transport, connection })
  }

  /** A client whose every call (resources and low-level helpers) carries these options too. */
  withOptions(options: RequestOptions): AmigoClient {
    const scoped = Object.create(AmigoClient.prototype) as AmigoClient
    attach(scoped, { ...this._context, transport: this._context.transport.withOptions(options) })
    return scoped
  }
}

/** Wires a client instance to a context: low-level helpers, identity fields and every resource. */
function attach(client: AmigoClient, ctx: ResourceContext): void {
  const define = (key: string, value: unknown) =>
    Object.defineProperty(client, key, { value, enumerable: false, writable: false, configurable: false })
  define('_context', ctx)
  define('workspaceId', ctx.connection.workspaceId)
  define('baseUrl', ctx.connection.baseUrl)
  // Typed as a plain function table here: indexing the generic helper types per method is too deep for tsc.
  const helpers = ctx.transport as unknown as Record<string, (...args: unknown[]) => unknown>
  for (const method of HTTP_HELPERS) define(method, helpers[method]?.bind(ctx.transport))
  for (const [name, resource] of Object.entries(createResources(ctx))) {
    Object.defineProperty(client, name, {
      value: resource,
      enumerable: true,
      writable: false,
      configurable: false,
    })
  }
}
