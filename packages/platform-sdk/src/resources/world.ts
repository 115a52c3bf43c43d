import type { RequestOptions, WithResponseMeta } from '@amigo-ai/core'
import type { Entity } from '../types'
import { APIResource } from './base'
import type { AutoPagingParams, OperationQuery, OperationResult, PageItem } from './operation-types'

/** Query of `world.listEntities`. */
export type EntityListParams = OperationQuery<'list-entities'>
/** One page of entities (`entities`, `has_more`, `next_offset`). */
export type EntityPage = OperationResult<'list-entities'>
/** Query of `world.getTimeline`. */
export type EntityTimelineParams = OperationQuery<'get-entity-timeline'>
/** One page of an entity's timeline (`events`, `has_more`, `next_offset`). */
export type EntityTimeline = OperationResult<'get-entity-timeline'>
/** One event of an entity's timeline. */
export type EntityTimelineEvent = PageItem<EntityTimeline, 'events'>
/** Query of `world.search` (`q` is required). */
export type WorldSearchParams = OperationQuery<'search-world-entities'>
/** Result of `world.search`. */
export type WorldSearchResult = OperationResult<'search-world-entities'>
/** Result of `world.getSyncStatusBySink`. */
export type SyncStatusBySink = OperationResult<'outbound-sync-by-sink'>

/** The world model: entities (patients, contacts, appointments, ...) and the events about them. */
export class WorldResource extends APIResource {
  /** Lists entities matching simple filters, one page. */
  listEntities(params?: EntityListParams, options?: RequestOptions): Promise<WithResponseMeta<EntityPage>> {
    return this._request('get', '/v1/{workspace_id}/world/entities', { query: params }, options)
  }

  /** Iterates over every matching entity. */
  listEntitiesAutoPaging(
    params?: AutoPagingParams<EntityListParams>,
    options?: RequestOptions,
  ): AsyncIterableIterator<Entity> {
    return this._autoPage(
      'get',
      '/v1/{workspace_id}/world/entities',
      { query: params },
      { maxPageSize: 100, itemsKey: 'entities' },
      options,
    )
  }

  /** Fetches one entity. */
  getEntity(entityId: string, options?: RequestOptions): Promise<WithResponseMeta<Entity>> {
    return this._request(
      'get',
      '/v1/{workspace_id}/world/entities/{entity_id}',
      { path: { entity_id: entityId } },
      options,
    )
  }

  /** Fetches one page of an entity's timeline. */
  getTimeline(
    entityId: string,
    params?: EntityTimelineParams,
    options?: RequestOptions,
  ): Promise<WithResponseMeta<EntityTimeline>> {
    return this._request(
      'get',
      '/v1/{workspace_id}/world/entities/{entity_id}/timeline',
      { path: { entity_id: entityId }, query: params },
      options,
    )
  }

  /** Iterates over an entity's whole timeline. */
  getTimelineAutoPaging(
    entityId: string,
    params?: AutoPagingParams<EntityTimelineParams>,
    options?: RequestOptions,
  ): AsyncIterableIterator<EntityTimelineEvent> {
    return this._autoPage(
      'get',
      '/v1/{workspace_id}/world/entities/{entity_id}/timeline',
      { path: { entity_id: entityId }, query: params },
      { maxPageSize: 200, itemsKey: 'events' },
      options,
    )
  }

  /** Semantic search over the world model. */
  search(params: WorldSearchParams, options?: RequestOptions): Promise<WithResponseMeta<WorldSearchResult>> {
    return this._request('get', '/v1/{workspace_id}/world/search', { query: params }, options)
  }

  /** Outbound sync status grouped by sink (connector). */
  getSyncStatusBySink(options?: RequestOptions): Promise<WithResponseMeta<SyncStatusBySink>> {
    return this._request('get', '/v1/{workspace_id}/world/sync/by-sink', {}, options)
  }
}
