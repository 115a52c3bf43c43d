import type { RequestOptions, TypedMethod } from '@amigo-ai/core'
import { installResourceAccessors } from './client-accessors'
import type { AmigoClientConfig } from './client-config'
import { createContext } from './client-context'
import type { paths } from './generated/openapi'
import type { ResourceContext } from './resources/base'
import type { ClientResources } from './resources/registry'

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

  /** The configured workspace id (every workspace-scoped call uses it). */
  get workspaceId(): string {
    return this._context.connection.workspaceId
  }
  /** The API base URL in use. */
  get baseUrl(): string {
    return this._context.connection.baseUrl
  }

  // The typed low-level helpers are the transport's own, read through getters so that each
  // `withOptions` view sends through its own transport.
  /** Typed GET of any spec path; resolves to `{ data, response, requestId, rateLimit }`. */
  get GET(): TypedMethod<paths, 'get'> {
    return this._context.transport.GET
  }
  /** Typed POST of any spec path. */
  get POST(): TypedMethod<paths, 'post'> {
    return this._context.transport.POST
  }
  /** Typed PUT of any spec path. */
  get PUT(): TypedMethod<paths, 'put'> {
    return this._context.transport.PUT
  }
  /** Typed PATCH of any spec path. */
  get PATCH(): TypedMethod<paths, 'patch'> {
    return this._context.transport.PATCH
  }
  /** Typed DELETE of any spec path. */
  get DELETE(): TypedMethod<paths, 'delete'> {
    return this._context.transport.DELETE
  }
  /** Typed HEAD of any spec path. */
  get HEAD(): TypedMethod<paths, 'head'> {
    return this._context.transport.HEAD
  }
  /** Typed OPTIONS of any spec path. */
  get OPTIONS(): TypedMethod<paths, 'options'> {
    return this._context.transport.OPTIONS
  }
}

/** Wires a client instance to its context and an empty resource cache (two properties, whatever the registry holds). */
function attach(client: AmigoClient, ctx: ResourceContext): void {
  const define = (key: string, value: unknown) =>
    Object.defineProperty(client, key, { value, enumerable: false, writable: false, configurable: false })
  define('_context', ctx)
  define('_resources', Object.create(null))
}
