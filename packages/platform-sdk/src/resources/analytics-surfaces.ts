import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import type { OperationQuery, OperationResult } from './operation-types'

/** Surface (form) analytics: completion, channels, abandoned fields and per-entity history. */
export class AnalyticsSurfacesResource extends APIResource {
  /** How often delivered surfaces are completed, over time (`GET /analytics/surfaces/completion-rates`). */
  getCompletionRates(
    params?: OperationQuery<'get-surface-completion-rates'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-surface-completion-rates'>>> {
    return this._op('get', 'analytics/surfaces/completion-rates', { query: params }, options)
  }

  /** Surface completion by delivery channel (`GET /analytics/surfaces/channel-effectiveness`). */
  getChannelEffectiveness(
    params?: OperationQuery<'get-surface-channel-effectiveness'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-surface-channel-effectiveness'>>> {
    return this._op('get', 'analytics/surfaces/channel-effectiveness', { query: params }, options)
  }

  /** Fields where patients abandon surfaces (`GET /analytics/surfaces/field-abandonment`). */
  getFieldAbandonment(
    params?: OperationQuery<'get-surface-field-abandonment'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-surface-field-abandonment'>>> {
    return this._op('get', 'analytics/surfaces/field-abandonment', { query: params }, options)
  }

  /** Surface history of one entity (`GET /analytics/surfaces/entity/{entity_id}`); `params` goes beyond the official SDK, which sends no query here. */
  getForEntity(
    entityId: string,
    params?: OperationQuery<'get-entity-surface-history'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-entity-surface-history'>>> {
    return this._op(
      'get',
      'analytics/surfaces/entity/{entity_id}',
      { path: [entityId], query: params },
      options,
    )
  }
}
