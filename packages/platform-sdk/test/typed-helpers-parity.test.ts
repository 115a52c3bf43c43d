// core's typed helpers (client.GET/POST/...) are typed by core's own types, written so that a
// consumer's type-check never loads openapi-fetch's declarations. This checks, for every operation of
// the spec, that they accept the same `params`/`body` and give the same `data` as openapi-fetch's
// client types (which AmigoClient used before and the official SDK uses).
import type { HttpMethod, SuccessData, TypedInit, WithInjectedParams } from '@amigo-ai/core'
import type { FetchOptions, FetchResponse } from 'openapi-fetch'
import { describe, expectTypeOf, it } from 'vitest'
import type { paths } from '../src/generated/openapi'

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Op<P extends keyof paths, M extends HttpMethod> = paths[P][M & keyof paths[P]]

type TheirData<O> = Extract<
  FetchResponse<O & Record<string | number, unknown>, {}, `${string}/${string}`>,
  { data: unknown }
>['data']
type TheirInit<P extends keyof paths, M extends HttpMethod> = Pick<
  FetchOptions<WithInjectedParams<Op<P, M>>>,
  'params' | 'body'
>

/** Paths with method M whose data or init differ from openapi-fetch's (never when all agree). */
type Mismatches<M extends HttpMethod> = {
  [P in keyof paths]: paths[P] extends { [K in M]: unknown }
    ? Same<SuccessData<Op<P, M>, {}>, TheirData<Op<P, M>>> extends false
      ? P
      : Same<Pick<TypedInit<paths, P, M>, 'params' | 'body'>, TheirInit<P, M>> extends false
        ? P
        : never
    : never
}[keyof paths]

describe('typed helpers match openapi-fetch for every operation', () => {
  it('GET, POST, PUT, PATCH and DELETE agree on params, body and data', () => {
    expectTypeOf<Mismatches<'get'>>().toEqualTypeOf<never>()
    expectTypeOf<Mismatches<'post'>>().toEqualTypeOf<never>()
    expectTypeOf<Mismatches<'put'>>().toEqualTypeOf<never>()
    expectTypeOf<Mismatches<'patch'>>().toEqualTypeOf<never>()
    expectTypeOf<Mismatches<'delete'>>().toEqualTypeOf<never>()
  })
})
