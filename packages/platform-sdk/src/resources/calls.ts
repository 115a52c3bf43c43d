import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import type { Call, CallDetail } from '../types'
import { APIResource } from './base'
import type {
  AutoPagingParams,
  OperationBody,
  OperationQuery,
  OperationResult,
  PageItem,
} from './operation-types'

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
  list(params?: CallListParams, options?: RequestOptions): Promise<WithResponseMetadata<CallPage>> {
    return this._op('get', 'calls', { query: params }, options)
  }

  /** Iterates over every matching call. */
  listAutoPaging(
    params?: AutoPagingParams<CallListParams>,
    options?: RequestOptions,
  ): AsyncIterableIterator<Call> {
    return this._autoPage((query) => this.list(query, options), params, 100)
  }

  /**
   * Fetches a call's full detail (transcript, intelligence, ...). Accepts a listed call's `call_sid`
   * as is (the API may leave it null); a missing id rejects with `InvalidRequestError`, nothing is sent.
   */
  get(
    callId: string | null | undefined,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<CallDetail>> {
    return this._op('get', 'calls/{call_id}', { path: [callId as string] }, options)
  }

  /** Call benchmarks of the workspace over a period. */
  getBenchmarks(
    params?: CallBenchmarksParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<CallBenchmarks>> {
    return this._op('get', 'calls/benchmarks', { query: params }, options)
  }

  /** Playback timeline of a call (turns, events, audio offsets) (`GET /calls/{call_id}/timeline`). */
  getTimeline(
    callId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-call-timeline'>>> {
    return this._op('get', 'calls/{call_id}/timeline', { path: [callId] }, options)
  }

  /** Intelligence extracted from a call (`GET /calls/{call_id}/intelligence`). */
  getIntelligence(
    callId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-call-intelligence'>>> {
    return this._op('get', 'calls/{call_id}/intelligence', { path: [callId] }, options)
  }

  /** Live intelligence of the calls in progress (`GET /calls/active/intelligence`). */
  getActiveIntelligence(
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'list-active-calls-intelligence'>>> {
    return this._op('get', 'calls/active/intelligence', {}, options)
  }

  /** Call volume per phone number (`GET /calls/phone-volume`). */
  getPhoneVolume(
    params?: OperationQuery<'get-phone-call-volume'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-phone-call-volume'>>> {
    return this._op('get', 'calls/phone-volume', { query: params }, options)
  }

  /** Trace analysis of a call (`GET /calls/{call_id}/trace-analysis`). */
  getTraceAnalysis(
    callId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-call-trace-analysis'>>> {
    return this._op('get', 'calls/{call_id}/trace-analysis', { path: [callId] }, options)
  }

  /** Lists traces, one page (`GET /calls/traces`). */
  listTraces(
    params?: OperationQuery<'list-call-traces'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'list-call-traces'>>> {
    return this._op('get', 'calls/traces', { query: params }, options)
  }

  /** Iterates over every item of `listTraces`, fetching pages as needed (not in the official SDK). */
  listTracesAutoPaging(
    params?: AutoPagingParams<OperationQuery<'list-call-traces'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'list-call-traces'>>> {
    return this._autoPage((query) => this.listTraces(query, options), params, 100)
  }

  /** Metric values computed for a call (`GET /calls/{call_id}/metrics`). */
  getMetrics(
    callId: string,
    params?: OperationQuery<'list-call-metric-values'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'list-call-metric-values'>>> {
    return this._op('get', 'calls/{call_id}/metrics', { path: [callId], query: params }, options)
  }

  /** Places an outbound call (`POST /calls/outbound`). */
  createOutbound(
    body: OperationBody<'create-outbound-call'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'create-outbound-call'>>> {
    return this._op('post', 'calls/outbound', { body }, options)
  }
}
