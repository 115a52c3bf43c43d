import type { RequestOptions } from '@amigo-ai/core'
import { APIResource, type ResourceContext, type WithMeta } from './base'
import type { AutoPagingParams, OperationQuery, OperationResult, PageItem } from './operation-types'

/** Outbound sync sinks. */
export class PipelineOutboundResource extends APIResource {
  /** Lists outbound, one page (`GET /pipeline/outbound`). */
  list(options?: RequestOptions): Promise<WithMeta<OperationResult<'get-outbound-summary'>>> {
    return this._request('get', '/v1/{workspace_id}/pipeline/outbound', {}, options)
  }

  /** Fetches the log (`GET /pipeline/outbound/{data_source_id}/log`). */
  getLog(
    dataSourceId: string,
    params?: OperationQuery<'list-outbound-log'>,
    options?: RequestOptions,
  ): Promise<WithMeta<OperationResult<'list-outbound-log'>>> {
    return this._request(
      'get',
      '/v1/{workspace_id}/pipeline/outbound/{data_source_id}/log',
      { path: { data_source_id: dataSourceId }, query: params },
      options,
    )
  }

  /** Iterates over every item of `outbound.getLog`, fetching pages as needed (not in the official SDK). */
  getLogAutoPaging(
    dataSourceId: string,
    params?: AutoPagingParams<OperationQuery<'list-outbound-log'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'list-outbound-log'>>> {
    return this._autoPage(
      'get',
      '/v1/{workspace_id}/pipeline/outbound/{data_source_id}/log',
      { path: { data_source_id: dataSourceId }, query: params },
      { maxPageSize: 20 },
      options,
    )
  }
}

/** Inbound data sources as seen by the pipeline. */
export class PipelineSourcesResource extends APIResource {
  /** Lists sources, one page (`GET /pipeline/sources`). */
  list(
    params?: OperationQuery<'list-pipeline-sources'>,
    options?: RequestOptions,
  ): Promise<WithMeta<OperationResult<'list-pipeline-sources'>>> {
    return this._request('get', '/v1/{workspace_id}/pipeline/sources', { query: params }, options)
  }

  /** Fetches the overview (`GET /pipeline/sources/{source_id}/overview`). */
  getOverview(
    sourceId: string,
    options?: RequestOptions,
  ): Promise<WithMeta<OperationResult<'get-source-overview'>>> {
    return this._request(
      'get',
      '/v1/{workspace_id}/pipeline/sources/{source_id}/overview',
      { path: { source_id: sourceId } },
      options,
    )
  }

  /** Lists events, one page (`GET /pipeline/sources/{source_id}/events`). */
  listEvents(
    sourceId: string,
    params?: OperationQuery<'list-source-events'>,
    options?: RequestOptions,
  ): Promise<WithMeta<OperationResult<'list-source-events'>>> {
    return this._request(
      'get',
      '/v1/{workspace_id}/pipeline/sources/{source_id}/events',
      { path: { source_id: sourceId }, query: params },
      options,
    )
  }

  /** Iterates over every item of `sources.listEvents`, fetching pages as needed (not in the official SDK). */
  listEventsAutoPaging(
    sourceId: string,
    params?: AutoPagingParams<OperationQuery<'list-source-events'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'list-source-events'>>> {
    return this._autoPage(
      'get',
      '/v1/{workspace_id}/pipeline/sources/{source_id}/events',
      { path: { source_id: sourceId }, query: params },
      { maxPageSize: 20 },
      options,
    )
  }

  /** Fetches the history (`GET /pipeline/sources/{source_id}/history`) — `params` goes beyond the official SDK, which sends no query here. */
  getHistory(
    sourceId: string,
    params?: OperationQuery<'get-source-history'>,
    options?: RequestOptions,
  ): Promise<WithMeta<OperationResult<'get-source-history'>>> {
    return this._request(
      'get',
      '/v1/{workspace_id}/pipeline/sources/{source_id}/history',
      { path: { source_id: sourceId }, query: params },
      options,
    )
  }
}

/** Pipeline: health and throughput of the data ingestion pipeline. */
export class PipelineResource extends APIResource {
  /** Outbound sync sinks. */
  readonly outbound: PipelineOutboundResource

  /** Inbound data sources as seen by the pipeline. */
  readonly sources: PipelineSourcesResource

  /** Builds the sub-resources over the same context (so `withOptions` reaches them). */
  constructor(ctx: ResourceContext) {
    super(ctx)
    this.outbound = new PipelineOutboundResource(ctx)
    this.sources = new PipelineSourcesResource(ctx)
  }

  /** Fetches the status (`GET /pipeline/status`). */
  getStatus(options?: RequestOptions): Promise<WithMeta<OperationResult<'get-pipeline-status'>>> {
    return this._request('get', '/v1/{workspace_id}/pipeline/status', {}, options)
  }

  /** Fetches the throughput (`GET /pipeline/throughput`) — `params` goes beyond the official SDK, which sends no query here. */
  getThroughput(
    params?: OperationQuery<'get-throughput'>,
    options?: RequestOptions,
  ): Promise<WithMeta<OperationResult<'get-throughput'>>> {
    return this._request('get', '/v1/{workspace_id}/pipeline/throughput', { query: params }, options)
  }

  /** Fetches the review (`GET /pipeline/review`). */
  getReview(options?: RequestOptions): Promise<WithMeta<OperationResult<'get-review-metrics'>>> {
    return this._request('get', '/v1/{workspace_id}/pipeline/review', {}, options)
  }

  /** Fetches the entity resolution (`GET /pipeline/entity-resolution`). */
  getEntityResolution(options?: RequestOptions): Promise<WithMeta<OperationResult<'get-entity-resolution'>>> {
    return this._request('get', '/v1/{workspace_id}/pipeline/entity-resolution', {}, options)
  }
}
