import type { Client, ClientPathsWithMethod, FetchOptions, FetchResponse } from 'openapi-fetch'
import type { RequestOptions } from './config'
import type { ApiResult } from './response-meta'

/** HTTP methods the transport sends (lower case, as OpenAPI path items name them). */
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options'

/** How a success body is read: parsed JSON (default), text, binary, or the untouched body stream (SSE). */
export type ParseAs = 'json' | 'text' | 'blob' | 'arrayBuffer' | 'stream'

/** Transport-specific request fields on top of the per-call RequestOptions. */
export interface RequestExtras {
  /** Replaces the JSON body serializer (e.g. for form or binary uploads). */
  bodySerializer?: (body: unknown) => BodyInit
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
}

/** The untyped init of `Transport.request`. */
export type RequestInit_ = RequestOptions &
  RequestExtras & {
    params?: {
      path?: Record<string, unknown>
      query?: Record<string, unknown>
      header?: Record<string, string>
    }
    body?: unknown
  }

type RequiredKeysOf<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T]

type Simplify<T> = { [K in keyof T]: T[K] } & {}

/** Path parameters the transport fills in itself, so callers never have to pass them. */
export type InjectedPathParams = 'workspace_id'

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

// openapi-fetch's `bodySerializer` is typed per operation; ours is looser, so drop theirs first.
type TypedInit<Paths extends {}, P extends keyof Paths, M extends HttpMethod> = Omit<
  FetchOptions<WithInjectedParams<Paths[P][M & keyof Paths[P]]>>,
  | 'bodySerializer'
  | 'parseAs'
  | 'headers'
  | 'fetch'
  | 'baseUrl'
  | 'middleware'
  | 'querySerializer'
  | 'pathSerializer'
  | 'signal'
  | 'method'
> &
  RequestOptions &
  RequestExtras

/** Success data of an operation, honouring `parseAs`. */
export type SuccessData<Op, I> =
  Op extends Record<string | number, any>
    ? I extends { parseAs: 'stream' }
      ? ReadableStream<Uint8Array> | null
      : Extract<FetchResponse<Op, I, `${string}/${string}`>, { data: any }>['data']
    : unknown

/** A typed low-level helper: the path picks the operation, whose params, body and result are typed. */
export type TypedMethod<Paths extends {}, M extends HttpMethod> = <
  P extends ClientPathsWithMethod<Client<Paths>, M>,
  I extends TypedInit<Paths, P, M>,
>(
  path: P,
  ...init: RequiredKeysOf<TypedInit<Paths, P, M>> extends never ? [I?] : [I]
) => Promise<ApiResult<SuccessData<Paths[P][M & keyof Paths[P]], I>>>
