import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import type { OperationQuery, OperationResult } from './operation-types'

/** Metrics: computed values, their catalog and trends. */
export class MetricsResource extends APIResource {
  /** Latest metric values, filtered (`GET /metrics`); `params` goes beyond the official SDK, which sends no query here. */
  listLatest(
    params?: OperationQuery<'list-metrics'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'list-metrics'>>> {
    return this._op('get', 'metrics', { query: params }, options)
  }

  /** Every metric the workspace can compute (`GET /metrics/catalog`). */
  getCatalog(options?: RequestOptions): Promise<WithResponseMetadata<OperationResult<'get-metric-catalog'>>> {
    return this._op('get', 'metrics/catalog', {}, options)
  }

  /** Values of one metric over a date range (`GET /metrics/{metric_key}`). */
  getValues(
    metricKey: string,
    params?: OperationQuery<'get-metric-values'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-metric-values'>>> {
    return this._op('get', 'metrics/{metric_key}', { path: [metricKey], query: params }, options)
  }

  /** Trend of one metric over recent days (`GET /metrics/{metric_key}/trend`). */
  getTrend(
    metricKey: string,
    params?: OperationQuery<'get-metric-trend'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-metric-trend'>>> {
    return this._op('get', 'metrics/{metric_key}/trend', { path: [metricKey], query: params }, options)
  }
}
