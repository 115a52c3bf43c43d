import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from '../base'
import type { OperationBody, OperationResult } from '../operation-types'

/** The workspace's Metric settings. */
export type MetricSettings = OperationResult<'get-metric-settings'>
/** Body of `settings.metrics.update`. */
export type MetricSettingsUpdateParams = OperationBody<'update-metric-settings'>

/** Metric settings of the workspace. */
export class MetricSettingsResource extends APIResource {
  /** Reads the metric settings. */
  get(options?: RequestOptions): Promise<WithResponseMetadata<MetricSettings>> {
    return this._op('get', 'settings/metrics', {}, options)
  }

  /** Replaces the metric settings. */
  update(
    body: MetricSettingsUpdateParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<MetricSettings>> {
    return this._op('put', 'settings/metrics', { body }, options)
  }
}
