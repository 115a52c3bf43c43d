import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
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
  listEntities(
    params?: EntityListParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<EntityPage>> {
    return this._op('get', 'world/entities', { query: params }, options)
  }

  /** Iterates over every matching entity. */
  listEntitiesAutoPaging(
    params?: AutoPagingParams<EntityListParams>,
    options?: RequestOptions,
  ): AsyncIterableIterator<Entity> {
    return this._autoPage((query) => this.listEntities(query, options), params, 100, 'entities')
  }

  /** Fetches one entity. */
  getEntity(entityId: string, options?: RequestOptions): Promise<WithResponseMetadata<Entity>> {
    return this._op('get', 'world/entities/{entity_id}', { path: [entityId] }, options)
  }

  /** Fetches one page of an entity's timeline. */
  getTimeline(
    entityId: string,
    params?: EntityTimelineParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<EntityTimeline>> {
    return this._op(
      'get',
      'world/entities/{entity_id}/timeline',
      { path: [entityId], query: params },
      options,
    )
  }

  /** Iterates over an entity's whole timeline. */
  getTimelineAutoPaging(
    entityId: string,
    params?: AutoPagingParams<EntityTimelineParams>,
    options?: RequestOptions,
  ): AsyncIterableIterator<EntityTimelineEvent> {
    return this._autoPage((query) => this.getTimeline(entityId, query, options), params, 200, 'events')
  }

  /** Semantic search over the world model. */
  search(
    params: WorldSearchParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<WorldSearchResult>> {
    return this._op('get', 'world/search', { query: params }, options)
  }

  /** Outbound sync status grouped by sink (connector). */
  getSyncStatusBySink(options?: RequestOptions): Promise<WithResponseMetadata<SyncStatusBySink>> {
    return this._op('get', 'world/sync/by-sink', {}, options)
  }

  /** Relationships of an entity (`GET /world/entities/{entity_id}/relationships`); `params` goes beyond the official SDK, which sends no query here. */
  getRelationships(
    entityId: string,
    params?: OperationQuery<'get-entity-relationships'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-entity-relationships'>>> {
    return this._op(
      'get',
      'world/entities/{entity_id}/relationships',
      { path: [entityId], query: params },
      options,
    )
  }

  /** Neighbourhood graph of an entity (`GET /world/entities/{entity_id}/graph`). */
  getGraph(
    entityId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-entity-graph'>>> {
    return this._op('get', 'world/entities/{entity_id}/graph', { path: [entityId] }, options)
  }

  /** Where an entity's data came from (`GET /world/entities/{entity_id}/provenance`). */
  getProvenance(
    entityId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-entity-provenance'>>> {
    return this._op('get', 'world/entities/{entity_id}/provenance', { path: [entityId] }, options)
  }

  /** Lineage of an entity (merges and splits) (`GET /world/entities/{entity_id}/lineage`). */
  getLineage(
    entityId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-entity-lineage'>>> {
    return this._op('get', 'world/entities/{entity_id}/lineage', { path: [entityId] }, options)
  }

  /** Records merged into an entity (`GET /world/entities/{entity_id}/merged`). */
  getMerged(
    entityId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'merged-entities'>>> {
    return this._op('get', 'world/entities/{entity_id}/merged', { path: [entityId] }, options)
  }

  /** Overview of the connectors feeding the world model (`GET /world/connectors`). */
  getConnectors(
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'connector-overview'>>> {
    return this._op('get', 'world/connectors', {}, options)
  }

  /** Entities from one connector, one page (`GET /world/connectors/{data_source_id}/entities`). */
  getConnectorEntities(
    dataSourceId: string,
    params?: OperationQuery<'connector-entities'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'connector-entities'>>> {
    return this._op(
      'get',
      'world/connectors/{data_source_id}/entities',
      { path: [dataSourceId], query: params },
      options,
    )
  }

  /** Iterates over every item of `getConnectorEntities`, fetching pages as needed (not in the official SDK). */
  getConnectorEntitiesAutoPaging(
    dataSourceId: string,
    params?: AutoPagingParams<OperationQuery<'connector-entities'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'connector-entities'>, 'entities'>> {
    return this._autoPage(
      (query) => this.getConnectorEntities(dataSourceId, query, options),
      params,
      100,
      'entities',
    )
  }

  /** Raw resources of one type from a connector (`GET /world/connectors/{data_source_id}/resources`). */
  getConnectorResources(
    dataSourceId: string,
    params: OperationQuery<'connector-resources'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'connector-resources'>>> {
    return this._op(
      'get',
      'world/connectors/{data_source_id}/resources',
      { path: [dataSourceId], query: params },
      options,
    )
  }

  /** Registered entity types (`GET /world/entity-types`). */
  listEntityTypes(
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'list-entity-types'>>> {
    return this._op('get', 'world/entity-types', {}, options)
  }

  /** Likely duplicate entities (`GET /world/entities/duplicates`). */
  listDuplicates(
    params?: OperationQuery<'get-entity-duplicates'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-entity-duplicates'>>> {
    return this._op('get', 'world/entities/duplicates', { query: params }, options)
  }

  /** Outbound sync events with a status, one page (`GET /world/sync/events`). */
  listSyncEvents(
    params: OperationQuery<'world-sync-events'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'world-sync-events'>>> {
    return this._op('get', 'world/sync/events', { query: params }, options)
  }

  /** Iterates over every item of `listSyncEvents`, fetching pages as needed. */
  listSyncEventsAutoPaging(
    params: AutoPagingParams<OperationQuery<'world-sync-events'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'world-sync-events'>, 'events'>> {
    return this._autoPage((query) => this.listSyncEvents(query, options), params, 200, 'events')
  }

  /** Depth of the outbound sync queue (`GET /world/sync/queue`). */
  getSyncQueueDepth(
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'world-sync-queue'>>> {
    return this._op('get', 'world/sync/queue', {}, options)
  }

  /** Retries one failed sync event (`POST /world/sync/retry/{event_id}`). */
  retrySyncEvent(
    eventId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'world-sync-retry'>>> {
    return this._op('post', 'world/sync/retry/{event_id}', { path: [eventId] }, options)
  }

  /** Retries every failed sync event (`POST /world/sync/retry-all`). */
  retryAllSyncEvents(
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'world-sync-retry-all'>>> {
    return this._op('post', 'world/sync/retry-all', {}, options)
  }

  /** Entity counts by type (`GET /world/entity-stats`); `params` goes beyond the official SDK, which sends no query here. */
  getStats(
    params?: OperationQuery<'entity-stats'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'entity-stats'>>> {
    return this._op('get', 'world/entity-stats', { query: params }, options)
  }

  /** Entity counts by source (`GET /world/source-breakdown`); `params` goes beyond the official SDK, which sends no query here. */
  getSourceBreakdown(
    params?: OperationQuery<'source-breakdown'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'source-breakdown'>>> {
    return this._op('get', 'world/source-breakdown', { query: params }, options)
  }
}
