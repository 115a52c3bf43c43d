import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import type { OperationQuery, OperationResult } from './operation-types'

/** Sensorium: connector health and the latency of the perception loop. */
export class SensoriumResource extends APIResource {
  /** Health of every connector (`GET /sensorium/connector-health`). */
  getConnectorHealth(
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-sensorium-connector-health'>>> {
    return this._op('get', 'sensorium/connector-health', {}, options)
  }

  /** Latency of the perception loop (`GET /sensorium/loop-latency`); `params` goes beyond the official SDK, which sends no query here. */
  getLoopLatency(
    params?: OperationQuery<'get-sensorium-loop-latency'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-sensorium-loop-latency'>>> {
    return this._op('get', 'sensorium/loop-latency', { query: params }, options)
  }
}
