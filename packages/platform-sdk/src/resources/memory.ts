import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import type { OperationQuery, OperationResult } from './operation-types'

/** Memory: what the platform has learned about an entity. */
export class MemoryResource extends APIResource {
  /** Memory dimension scores of an entity (`GET /memory/{entity_id}/dimensions`). */
  getEntityDimensions(
    entityId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-entity-dimension-scores'>>> {
    return this._op('get', 'memory/{entity_id}/dimensions', { path: [entityId] }, options)
  }

  /** Facts remembered about an entity (`GET /memory/{entity_id}/facts`). */
  getEntityFacts(
    entityId: string,
    params?: OperationQuery<'get-entity-memory-facts'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-entity-memory-facts'>>> {
    return this._op('get', 'memory/{entity_id}/facts', { path: [entityId], query: params }, options)
  }

  /** Memory statistics of the workspace (`GET /memory/analytics`). */
  getAnalytics(
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-memory-analytics'>>> {
    return this._op('get', 'memory/analytics', {}, options)
  }
}
