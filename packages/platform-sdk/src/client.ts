import type { RequestOptions, TypedMethod } from '@amigo-ai/core'
import { installResourceAccessors } from './client-accessors'
import type { AmigoClientConfig } from './client-config'
import { createContext } from './client-context'
import type { paths } from './generated/openapi'
import type { ResourceContext } from './resources/base'
import type { ClientResources } from './resources/registry'

const HTTP_HELPERS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const

/** Resource properties of the client; the list lives in resources/registry.ts. */
export interface AmigoClient extends ClientResources {}

/**
 * The Amigo Platform API client. Resources (`client.agents`, `client.world`, ...) and the typed
 * low-level helpers (`client.GET(path, init)`, ...) all send through one core `Transport`, so retries,
 * timeouts, errors, hooks and response metadata behave the same everywhere. Each resource is built on
 * first access and then reused, so a client (and each `withOptions` view) is cheap to create.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface only types the resource accessors installed on the prototype
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
    const context = createContext(config)
    installResourceAccessors(AmigoClient.prototype)
    attach(this, context)
  }

  /** A client whose every call (resources and low-level helpers) carries these options too. */
  withOptions(options: RequestOptions): AmigoClient {
    const scoped = Object.create(AmigoClient.prototype) as AmigoClient
    attach(scoped, { ...this._context, transport: this._context.transport.withOptions(options) })
    return scoped
  }
}

/** Wires a client instance to a context: identity fields, low-level helpers, an empty resource cache. */
function attach(client: AmigoClient, ctx: ResourceContext): void {
  const define = (key: string, value: unknown) =>
    Object.defineProperty(client, key, { value, enumerable: false, writable: false, configurable: false })
  define('_context', ctx)
  define('_resources', Object.create(null))
  define('workspaceId', ctx.connection.workspaceId)
  define('baseUrl', ctx.connection.baseUrl)
  // Typed as a plain function table here: indexing the generic helper types per method is too deep for tsc.
  const helpers = ctx.transport as unknown as Record<string, (...args: unknown[]) => unknown>
  for (const method of HTTP_HELPERS) define(method, helpers[method]?.bind(ctx.transport))
}
