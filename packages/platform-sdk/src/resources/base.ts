// The one base class every resource extends. A resource is a thin, typed map from method names to
// spec operations: it never builds URLs, retries or parses errors itself; everything goes through
// the shared core Transport (the single request path), and results get hidden response metadata.
//
// Adding a resource (see also ./registry.ts):
//   1. `class FooResource extends APIResource` in its own file; each method calls
//      `this._op(method, path, { path, query, body }, options)` with the spec's path template,
//      and each list gets a `...AutoPaging` twin over that one-page method,
//      `this._autoPage((query) => this.list(query, options), params, maxPageSize)`, passing the
//      operation's maximum `limit` from the spec (test/api-md.test.ts checks it against openapi.json).
//   2. Register it in ./registry.ts. It then appears on `AmigoClient`, in api.md and in `withOptions`.
//   A group of sub-resources (`crm.contacts`, `settings.voice`) is a getter returning
//   `this._sub(CrmContactsResource)`: built on first access, then the same object.

import type {
  HttpMethod,
  RequestOptions,
  ScopedRequestOptions,
  Transport,
  WithResponseMetadata,
} from '@amigo-ai/core'
import { autoPage, ConfigurationError, kindOf, withResponseMetadata } from '@amigo-ai/core'
import type { paths } from '../generated/openapi'
import type { ClientConnection } from '../realtime/client-connection'
import { officialClientContext } from './official-client-form'
import type { BodyOf, OperationAt, PageItem, QueryOf, SuccessOf } from './operation-types'
import type { PathArgs, ResourcePath, SpecPath } from './resource-path'

/** What every resource is built from. */
export interface ResourceContext {
  /** The shared request path (possibly a `withOptions` view of it). */
  readonly transport: Transport<paths>
  /** Connection facts for the realtime helpers. */
  readonly connection: ClientConnection
}

/** Per-request transport switches a resource method may set (beyond the caller's RequestOptions). */
interface TransportSwitches {
  /** `false` sends no Authorization header on this request. */
  auth?: boolean
  /** The Accept header this method needs (wins over caller headers). */
  accept?: string
  /** How to read the success body. */
  parseAs?: 'json' | 'text' | 'blob' | 'arrayBuffer' | 'stream'
  /** Content type of the body (with `bodySerializer` for non-JSON bodies). */
  contentType?: string
  /** Serialises the body (e.g. to a form). */
  bodySerializer?: (body: unknown) => NonNullable<RequestInit['body']>
  /** The body carries credentials: hooks see the request without it. */
  sensitiveBody?: boolean
  /** The credentials in the body, kept out of errors and hook output. */
  secret?: string | readonly string[]
  /** Headers this method must send as given, over the caller's (`null` removes one, e.g. Authorization). */
  forceHeaders?: HeaderRecord
}

/**
 * The typed pieces of one call: path parameters in the order of the template `P`'s placeholders
 * (minus workspace_id, e.g. `[agentId]` for `'agents/{agent_id}'`), query and body.
 */
export interface CallInit<O, P extends string = string> {
  path?: string extends P ? readonly (string | number)[] : PathArgs<P>
  query?: QueryOf<O> | undefined
  body?: BodyOf<O>
  transport?: TransportSwitches
}

/**
 * `P` as given, never inferred from this position: TypeScript's `NoInfer`, in a form compilers
 * before 5.4 read too (declarations compile from TypeScript 4.9).
 */
type NotInferred<P> = [P][P extends unknown ? 0 : never]

/** Header values as RequestOptions takes them (`null` removes a default header). */
type HeaderRecord = Record<string, string | null | undefined>

/** Base class of every resource: holds the transport and offers typed call and paging helpers. */
export abstract class APIResource {
  /** Shared context; not part of the public API. */
  declare protected readonly _ctx: ResourceContext

  /** Builds a resource over a client's context (the client does this; users rarely need to). */
  constructor(ctx: ResourceContext)
  /**
   * The single-package SDK's form: over an openapi-fetch client of the API (its base URL, headers
   * and fetch apply) and the workspace id; `agentBaseUrl` is the origin of the WebSocket helpers.
   */
  constructor(client: unknown, workspaceId: string, agentBaseUrl?: string)
  constructor(ctxOrClient: ResourceContext | unknown, workspaceId?: string, agentBaseUrl?: string) {
    const ctx =
      workspaceId === undefined
        ? (ctxOrClient as ResourceContext)
        : officialClientContext(ctxOrClient, workspaceId, agentBaseUrl)
    // A config or a client passed in its place would fail only at the first call, as a TypeError.
    if (typeof (ctx as Partial<ResourceContext> | undefined)?.transport?.request !== 'function')
      throw new ConfigurationError('a resource class takes what createAmigo(config) returns')
    // Not enumerable: printing or serialising a resource (or the client holding it) must never
    // reach the connection, whose apiKey is a secret.
    Object.defineProperty(this, '_ctx', { value: ctx }) // not writable, enumerable nor configurable
  }

  /** Sub-resources built so far, by class (a resource builds each on first access). */
  #subs: Map<unknown, APIResource> | undefined

  /** A copy of this resource whose calls carry extra options (timeout, maxRetries, headers, ...). */
  withOptions(options: ScopedRequestOptions): this {
    const Ctor = this.constructor as new (ctx: ResourceContext) => this
    return new Ctor({ ...this._ctx, transport: this._ctx.transport.withOptions(options) })
  }

  /** The sub-resource of class `Ctor` over this resource's context: built on first access, then reused. */
  protected _sub<R extends APIResource>(Ctor: new (ctx: ResourceContext) => R): R {
    this.#subs ??= new Map()
    let sub = this.#subs.get(Ctor)
    if (!sub) {
      sub = new Ctor(this._ctx)
      this.#subs.set(Ctor, sub)
    }
    return sub as R
  }

  /**
   * Sends one spec operation (`op`) through the transport and attaches response metadata to the
   * result. `path` is the spec's template, written without `/v1/{workspace_id}/` for the workspace's
   * own routes (see WorkspacePath); `init.path` lists its parameters in order. A short name: every
   * method of every resource calls it, about four hundred calls in each bundle of the client.
   */
  protected _op<P extends ResourcePath, M extends HttpMethod>(
    method: M,
    path: P,
    init: CallInit<OperationAt<SpecPath<P>, M>, NotInferred<P>> = {},
    options: RequestOptions = {},
  ): Promise<WithResponseMetadata<SuccessOf<OperationAt<SpecPath<P>, M>>>> {
    // Spread below, a string would become options named 0, 1, 2, ... (a rejection, as every failure
    // of a call is).
    if (typeof options !== 'object')
      return Promise.reject(new ConfigurationError(`options must be an object, got ${kindOf(options)}`))
    const { forceHeaders, accept, ...switches } = init.transport ?? {}
    // An Accept chosen by the method (JSON for createTurn, SSE for streams, PDF bytes) is part of the
    // method's contract, so it goes with the forced headers, which the transport applies over the
    // caller's (and checks like them before anything is sent).
    const forced = accept === undefined ? forceHeaders : { ...forceHeaders, accept }
    // The spec's template (hooks report it as `schemaPath`).
    const template = path.startsWith('/') ? path : `/v1/{workspace_id}/${path}`
    return this._ctx.transport
      .request(method, template, {
        // `null` means no options, as the official SDK's spread of it did. The method's own switches
        // come after them: a call's options cannot turn off what keeps a credential out of hooks
        // and errors (`secret`, `sensitiveBody`), nor change how the method sends or reads.
        ...options,
        ...switches,
        params: { path: init.path, query: init.query as Record<string, unknown> | undefined, header: forced },
        body: init.body,
      })
      .then((result) => withResponseMetadata(result.data, result) as never)
  }

  /**
   * Walks every page of a list lazily and yields its items: `fetchPage` is the list's one-page method
   * called with this call's query (`query`) plus the page cursor; `maxPageSize` is the spec's maximum
   * `limit` for the list (a larger requested limit is clamped to it) and `itemsKey` the array field
   * holding the items (default `items`); `offsetPages` is true for a list paged by `offset` whose
   * pages carry neither `continuation_token` nor `next_offset` (see autoPage). Positional rather than
   * an options object: the call is written once per list, about sixty times in every bundle of the
   * client. E.g. `this._autoPage((query) => this.list(query, options), params, 20)`.
   */
  protected _autoPage<Page, K extends string = 'items'>(
    // `never`: the cursor is the list's own query (the caller's `query` plus a cursor field).
    fetchPage: (query: never) => Promise<Page>,
    query: object | undefined,
    maxPageSize: number,
    itemsKey?: K,
    offsetPages?: true,
  ): AsyncIterableIterator<PageItem<Page, K>> {
    return autoPage(fetchPage as (cursor: object) => Promise<Page>, {
      maxPageSize,
      itemsKey,
      params: (query ?? {}) as Record<string, unknown>,
      // Any other list (token pages, or pages with next_offset) takes no offset of ours: a page
      // without its cursor there must not be walked by offsets the server ignores.
      offsetPages: offsetPages === true,
    })
  }
}
