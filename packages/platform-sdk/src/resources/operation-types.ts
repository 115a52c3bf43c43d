// Type-level helpers that read request and response shapes out of the generated OpenAPI types, so
// resource signatures never restate a schema by hand. Nothing here exists at runtime.
import type { HttpMethod } from '@amigo-ai/core'
import type { operations, paths } from '../generated/openapi'

/** A path template of the spec, e.g. `'/v1/{workspace_id}/agents'`. */
export type ApiPath = keyof paths & string

/** The operation object at `paths[P][M]` (never when the path has no such method). */
export type OperationAt<P extends ApiPath, M extends HttpMethod> = NonNullable<paths[P][M]>

/** Query parameters of an operation object (`{}` when it takes none). */
export type QueryOf<O> = O extends { parameters: { query?: infer Q } }
  ? [Q] extends [never]
    ? {}
    : NonNullable<Q>
  : {}

/** Path parameters of an operation object, without `workspace_id` (the client fills that in). */
export type PathParamsOf<O> = O extends { parameters: { path: infer PP } }
  ? [PP] extends [never]
    ? {}
    : Omit<PP, 'workspace_id'>
  : {}

/** Request body of an operation object (JSON preferred over other media types). */
export type BodyOf<O> = O extends { requestBody?: infer RB }
  ? NonNullable<RB> extends { content: infer C }
    ? C extends { 'application/json': infer J }
      ? J
      : C[keyof C]
    : never
  : never

type ContentOf<R> = R extends { content: infer C }
  ? [C] extends [never]
    ? undefined
    : C extends { 'application/json': infer J }
      ? J
      : C[keyof C]
  : undefined

/** The parsed success body of an operation object (`undefined` for 204 / empty answers). */
export type SuccessOf<O> = O extends { responses: infer R }
  ? R extends { 200: infer S }
    ? ContentOf<S>
    : R extends { 201: infer S }
      ? ContentOf<S>
      : R extends { 202: infer S }
        ? ContentOf<S>
        : undefined
  : undefined

/** Query parameters of the operation with this operationId. */
export type OperationQuery<K extends keyof operations> = QueryOf<operations[K]>
/** Request body of the operation with this operationId. */
export type OperationBody<K extends keyof operations> = BodyOf<operations[K]>
/** Parsed success body of the operation with this operationId. */
export type OperationResult<K extends keyof operations> = SuccessOf<operations[K]>

/** The element type of the array a page keeps under `K` (default `items`). */
export type PageItem<Page, K extends string = 'items'> = Page extends { [P in K]?: infer A }
  ? NonNullable<A> extends ReadonlyArray<infer I>
    ? I
    : never
  : never

/**
 * List parameters for an auto-paging call: the list's query. A `continuation_token` or `offset` in
 * it is where the walk starts (the single-package SDK took them too); the pager moves it on.
 */
export type AutoPagingParams<Q> = Q
