import type { RequestOptions, ScopedRequestOptions } from './config'
import type { AmigoResponse } from './response-meta'

/** HTTP methods the transport sends (lower case, as OpenAPI path items name them). */
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options'

/** How a success body is read: parsed JSON (default), text, binary, or the untouched body stream (SSE). */
export type ParseAs = 'json' | 'text' | 'blob' | 'arrayBuffer' | 'stream'

/** Transport-specific request fields on top of the per-call RequestOptions. */
export interface RequestExtras {
  /** Replaces the JSON body serializer (e.g. for form or binary uploads). */
  bodySerializer?: (body: unknown) => NonNullable<RequestInit['body']>
  /** Content-Type of the serialized body (default `application/json` when there is a body). */
  contentType?: string
  /** How to read a success body; `stream` returns `response.body` untouched. */
  parseAs?: ParseAs
  /** `false` sends no Authorization header on this call (e.g. token exchanges that carry their own). */
  auth?: boolean
  /** Accept header (default `application/json`). */
  accept?: string
  /** The body carries credentials (a token exchange): hooks get the request without it. */
  sensitiveBody?: boolean
  /**
   * The credentials this call sends in its body (an API key or refresh token being exchanged, an
   * integration's keys): kept out of its errors and hook output, and hooks get the request without
   * the body.
   */
  secret?: string | readonly string[]
}

/** The untyped init of `Transport.request`. */
export type RequestInit_ = RequestOptions &
  RequestExtras & {
    params?: {
      /** By name, or a list in the order of the template's placeholders (those the transport fills skipped). */
      path?: Record<string, unknown> | readonly unknown[]
      query?: Record<string, unknown>
      /** Header parameters, applied over every other header layer (`null` removes a header). */
      header?: Record<string, string | null | undefined>
    }
    body?: unknown
  }

// The typed helpers below read openapi-typescript's output directly (path items, operations with
// `parameters`, `requestBody` and `responses`), with the conventions openapi-fetch uses for its
// `GET`/`POST`/...: `params` and `body` typed per operation, `data` from the 2xx response. They are
// this package's own, so a consumer's type-check never loads another library's declarations.

type RequiredKeysOf<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T]

type Simplify<T> = { [K in keyof T]: T[K] } & {}

/** A media type such as `application/json`. */
type MediaType = `${string}/${string}`

/** Response statuses whose body is the call's `data`. */
type OkStatus = 200 | 201 | 202 | 203 | 204 | 206 | 207 | '2XX'

/** Path templates of `Paths` that define `M`. */
type PathsWith<Paths, M extends HttpMethod> = {
  [P in keyof Paths]: Paths[P] extends { [K in M]: unknown } ? P : never
}[keyof Paths]

/** Path parameters the transport fills in itself, so callers never have to pass them. */
type InjectedPathParams = 'workspace_id'

// `path` without the injected keys; optional as a whole once nothing required is left in it.
type InjectedPath<PP> = Simplify<
  Omit<PP, InjectedPathParams> & Partial<Pick<PP, InjectedPathParams & keyof PP>>
>
type PathOption<PP> =
  RequiredKeysOf<InjectedPath<PP>> extends never ? { path?: InjectedPath<PP> } : { path: InjectedPath<PP> }

/** An operation whose `{workspace_id}` path parameter is optional (the transport injects it). */
export type WithInjectedParams<Op> = Op extends { parameters: infer Params }
  ? Params extends { path: infer PP }
    ? Omit<Op, 'parameters'> & { parameters: Simplify<Omit<Params, 'path'> & PathOption<PP>> }
    : Op
  : Op

/** `params`: required when any parameter the caller must give is required. */
type ParamsOption<Op> = Op extends { parameters: infer Params }
  ? RequiredKeysOf<Params> extends never
    ? { params?: Params }
    : { params: Params }
  : { params?: { query?: Record<string, unknown> } }

/** The bodies a `content` map accepts, one per media type. */
type ContentBody<C> = C extends { content: infer M } ? M[keyof M & MediaType] : never

/** `body`: required, optional or absent, as the operation's `requestBody` says. */
type BodyOption<Op> = Op extends { requestBody: infer RB }
  ? { body: ContentBody<RB> }
  : Op extends { requestBody?: infer RB }
    ? [ContentBody<NonNullable<RB>>] extends [never]
      ? { body?: never }
      : { body?: ContentBody<NonNullable<RB>> }
    : { body?: never }

type OperationOf<Paths, P extends keyof Paths, M extends HttpMethod> = Paths[P][M & keyof Paths[P]]

/**
 * The init of a typed helper for one operation: typed `params` (with `{workspace_id}` optional) and
 * `body`, the request options (`timeout`, `maxRetries`, `retry`, `headers`, `signal`, ...) and the
 * other `fetch` options. The single-package SDK's name for it; `AmigoRequestOptions` without an
 * operation takes any params and body.
 */
export type AmigoRequestOptions<Operation = unknown> = (unknown extends Operation
  ? {
      params?: {
        path?: Record<string, unknown>
        query?: Record<string, unknown>
        header?: Record<string, string>
      }
      body?: unknown
    }
  : ParamsOption<WithInjectedParams<Operation>> & BodyOption<Operation>) &
  ScopedRequestOptions &
  RequestExtras

/** The init a typed helper takes for path `P`. */
export type TypedInit<Paths, P extends keyof Paths, M extends HttpMethod> = AmigoRequestOptions<
  OperationOf<Paths, P, M>
>

/** The JSON (or other media type) body of one response object; `undefined` when it has none. */
type ResponseBody<R> = R extends { content?: infer C }
  ? [NonNullable<C>] extends [never]
    ? undefined
    : C extends Record<string, unknown>
      ? [C[keyof C & MediaType]] extends [never]
        ? C
        : C[keyof C & MediaType]
      : C
  : undefined

/** The parsed body of an operation's success responses (any 2xx it declares). */
type SuccessBody<Op> = Op extends { responses: infer R }
  ? { [S in keyof R & OkStatus]: ResponseBody<R[S]> }[keyof R & OkStatus]
  : unknown

/** What a success body reads as for each `parseAs`. */
interface ParsedAs<T> {
  json: T
  text: string
  blob: Blob
  arrayBuffer: ArrayBuffer
  stream: ReadableStream<Uint8Array> | null
}

/** Success data of an operation, honouring `parseAs`. */
export type SuccessData<Op, I> =
  Op extends Record<string | number, any>
    ? I extends { parseAs: infer A extends ParseAs }
      ? ParsedAs<SuccessBody<Op>>[A]
      : SuccessBody<Op>
    : unknown

/** A typed low-level helper: the path picks the operation, whose params, body and result are typed. */
export type TypedMethod<Paths extends {}, M extends HttpMethod> = <
  P extends PathsWith<Paths, M>,
  I extends TypedInit<Paths, P, M>,
>(
  path: P,
  ...init: RequiredKeysOf<TypedInit<Paths, P, M>> extends never ? [I?] : [I]
) => Promise<AmigoResponse<SuccessData<OperationOf<Paths, P, M>, I>>>

/** One path's typed helper, bound: what `defineRoute(method, path)` returns. */
export type TypedRoute<Paths extends {}, M extends HttpMethod, P extends PathsWith<Paths, M>> = <
  I extends TypedInit<Paths, P, M>,
>(
  ...init: RequiredKeysOf<TypedInit<Paths, P, M>> extends never ? [I?] : [I]
) => Promise<AmigoResponse<SuccessData<OperationOf<Paths, P, M>, I>>>

/** Path templates of `Paths` that define method `M`. */
export type PathsWithMethod<Paths, M extends HttpMethod> = PathsWith<Paths, M>
