import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import type { AutoPagingParams, OperationQuery, OperationResult, PageItem } from './operation-types'

/** Outbound sync sinks. */
export class PipelineOutboundResource extends APIResource {
  /** Summary of every outbound sync sink (`GET /pipeline/outbound`). */
  list(options?: RequestOptions): Promise<WithResponseMetadata<OperationResult<'get-outbound-summary'>>> {
    return this._op('get', 'pipeline/outbound', {}, options)
  }

  /** Outbound sync log of one sink, one page (`GET /pipeline/outbound/{data_source_id}/log`). */
  getLog(
    dataSourceId: string,
    params?: OperationQuery<'list-outbound-log'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'list-outbound-log'>>> {
    return this._op(
      'get',
      'pipeline/outbound/{data_source_id}/log',
      { path: [dataSourceId], query: params },
      options,
    )
  }

  /** Iterates over every item of `outbound.getLog`, fetching pages as needed (not in the official SDK). */
  getLogAutoPaging(
    dataSourceId: string,
    params?: AutoPagingParams<OperationQuery<'list-outbound-log'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'list-outbound-log'>>> {
    return this._autoPage((query) => this.getLog(dataSourceId, query, options), params, 20)
  }
}

/** Inbound data sources as seen by the pipeline. */
export class PipelineSourcesResource extends APIResource {
  /** Inbound sources with their health (`GET /pipeline/sources`). */
  list(
    params?: OperationQuery<'list-pipeline-sources'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'list-pipeline-sources'>>> {
    return this._op('get', 'pipeline/sources', { query: params }, options)
  }

  /** Overview of one inbound source (`GET /pipeline/sources/{source_id}/overview`). */
  getOverview(
    sourceId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-source-overview'>>> {
    return this._op('get', 'pipeline/sources/{source_id}/overview', { path: [sourceId] }, options)
  }

  /** Events received from one source, one page (`GET /pipeline/sources/{source_id}/events`). */
  listEvents(
    sourceId: string,
    params?: OperationQuery<'list-source-events'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'list-source-events'>>> {
    return this._op(
      'get',
      'pipeline/sources/{source_id}/events',
      { path: [sourceId], query: params },
      options,
    )
  }

  /** Iterates over every item of `sources.listEvents`, fetching pages as needed (not in the official SDK). */
  listEventsAutoPaging(
    sourceId: string,
    params?: AutoPagingParams<OperationQuery<'list-source-events'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'list-source-events'>>> {
    return this._autoPage((query) => this.listEvents(sourceId, query, options), params, 20)
  }

  /** Ingestion history of one source (`GET /pipeline/sources/{source_id}/history`); `params` goes beyond the official SDK, which sends no query here. */
  getHistory(
    sourceId: string,
    params?: OperationQuery<'get-source-history'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-source-history'>>> {
    return this._op(
      'get',
      'pipeline/sources/{source_id}/history',
      { path: [sourceId], query: params },
      options,
    )
  }
}

/** Pipeline: health and throughput of the data ingestion pipeline. */
export class PipelineResource extends APIResource {
  /** Outbound sync sinks. */
  get outbound(): PipelineOutboundResource {
    return this._sub(PipelineOutboundResource)
  }

  /** Inbound data sources as seen by the pipeline. */
  get sources(): PipelineSourcesResource {
    return this._sub(PipelineSourcesResource)
  }

  /** Overall pipeline status (`GET /pipeline/status`). */
  getStatus(options?: RequestOptions): Promise<WithResponseMetadata<OperationResult<'get-pipeline-status'>>> {
    return this._op('get', 'pipeline/status', {}, options)
  }

  /** Pipeline throughput per time bucket (`GET /pipeline/throughput`); `params` goes beyond the official SDK, which sends no query here. */
  getThroughput(
    params?: OperationQuery<'get-throughput'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-throughput'>>> {
    return this._op('get', 'pipeline/throughput', { query: params }, options)
  }

  /** Review metrics of the pipeline (`GET /pipeline/review`). */
  getReview(options?: RequestOptions): Promise<WithResponseMetadata<OperationResult<'get-review-metrics'>>> {
    return this._op('get', 'pipeline/review', {}, options)
  }

  /** Entity resolution metrics (`GET /pipeline/entity-resolution`). */
  getEntityResolution(
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-entity-resolution'>>> {
    return this._op('get', 'pipeline/entity-resolution', {}, options)
  }
}
