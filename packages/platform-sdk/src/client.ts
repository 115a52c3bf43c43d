import {
  type HttpMethod,
  InvalidRequestError,
  type PathsWithMethod,
  type ScopedRequestOptions,
  type TypedMethod,
  type TypedRoute,
} from '@amigo-ai/core'
import { HELPERS, installResourceAccessors } from './client-accessors'
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
  withOptions(options: ScopedRequestOptions): AmigoClient {
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
  /** The agent engine origin of the WebSocket helpers, when one was configured. */
  get agentBaseUrl(): string | undefined {
    return this._context.connection.agentBaseUrl
  }

  /**
   * Binds one method and spec path into a reusable typed function:
   * `const getAgent = client.defineRoute('GET', '/v1/{workspace_id}/agents/{agent_id}')`, then
   * `await getAgent({ params: { path: { agent_id } } })`. The route sends through this client (or
   * view) like `client.GET(...)` would.
   */
  defineRoute<M extends Uppercase<HttpMethod>, P extends PathsWithMethod<paths, Lowercase<M>>>(
    method: M,
    path: P,
  ): TypedRoute<paths, Lowercase<M>, P> {
    const m = typeof method === 'string' ? method.toUpperCase() : method
    const send = (HELPERS as readonly unknown[]).includes(m)
      ? (this[m as (typeof HELPERS)[number]] as (p: string, init?: unknown) => Promise<never>)
      : undefined
    // Refused when the route is called, as a rejected promise like any other bad call (the
    // transport refuses a bad path the same way).
    if (!send) {
      const error = new InvalidRequestError(`defineRoute: method must be one of ${HELPERS.join(', ')}`)
      return (() => Promise.reject(error)) as never
    }
    return ((init?: unknown) => send(path, init)) as TypedRoute<paths, Lowercase<M>, P>
  }

  // The typed low-level helpers are the transport's own, read through getters (installed with the
  // resource accessors) so that each `withOptions` view sends through its own transport.
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
}

/** Wires a client instance to its context and an empty resource cache (two properties, whatever the registry holds). */
function attach(client: AmigoClient, ctx: ResourceContext): void {
  // Not writable, enumerable nor configurable (defineProperty's defaults).
  Object.defineProperties(client, {
    _context: { value: ctx },
    _resources: { value: Object.create(null) },
  })
}
