import type { RequestOptions, WithResponseMeta } from '@amigo-ai/core'
import type { Call, CallDetail } from '../types'
import { APIResource } from './base'
import type { AutoPagingParams, OperationQuery, OperationResult } from './operation-types'

/** Query of `calls.list`. */
export type CallListParams = OperationQuery<'list-calls'>
/** One page of calls. */
export type CallPage = OperationResult<'list-calls'>
/** Query of `calls.getBenchmarks`. */
export type CallBenchmarksParams = OperationQuery<'get-call-benchmarks'>
/** Result of `calls.getBenchmarks`. */
export type CallBenchmarks = OperationResult<'get-call-benchmarks'>

/** Calls (read-only: the voice pipeline creates them). */
export class CallsResource extends APIResource {
  /** Lists calls, one page. */
  list(params?: CallListParams, options?: RequestOptions): Promise<WithResponseMeta<CallPage>> {
    return this._request('get', '/v1/{workspace_id}/calls', { query: params }, options)
  }

  /** Iterates over every matching call. */
  listAutoPaging(
    params?: AutoPagingParams<CallListParams>,
    options?: RequestOptions,
  ): AsyncIterableIterator<Call> {
    return this._autoPage('get', '/v1/{workspace_id}/calls', { query: params }, { maxPageSize: 100 }, options)
  }

  /**
   * Fetches a call's full detail (transcript, intelligence, ...). Accepts a listed call's `call_sid`
   * as is (the API may leave it null); a missing id rejects with `InvalidRequestError`, nothing is sent.
   */
  get(callId: string | null | undefined, options?: RequestOptions): Promise<WithResponseMeta<CallDetail>> {
    return this._request(
      'get',
      '/v1/{workspace_id}/calls/{call_id}',
      { path: { call_id: callId as string } },
      options,
    )
  }

  /** Call benchmarks of the workspace over a period. */
  getBenchmarks(
    params?: CallBenchmarksParams,
    options?: RequestOptions,
  ): Promise<WithResponseMeta<CallBenchmarks>> {
    return this._request('get', '/v1/{workspace_id}/calls/benchmarks', { query: params }, options)
  }
}
