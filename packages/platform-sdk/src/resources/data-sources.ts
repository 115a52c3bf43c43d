import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import type { DataSource } from '../types'
import { APIResource } from './base'
import type { AutoPagingParams, OperationBody, OperationQuery, OperationResult } from './operation-types'

/** Query of `dataSources.list`. */
export type DataSourceListParams = OperationQuery<'list-data-sources'>
/** One page of data sources. */
export type DataSourcePage = OperationResult<'list-data-sources'>

/** Data sources: the connectors that feed the world model. */
export class DataSourcesResource extends APIResource {
  /** Lists data sources, one page. */
  list(
    params?: DataSourceListParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<DataSourcePage>> {
    return this._op('get', 'data-sources', { query: params }, options)
  }

  /** Iterates over every data source. */
  listAutoPaging(
    params?: AutoPagingParams<DataSourceListParams>,
    options?: RequestOptions,
  ): AsyncIterableIterator<DataSource> {
    return this._autoPage((query) => this.list(query, options), params, 20)
  }

  /** Fetches one data source. */
  get(dataSourceId: string, options?: RequestOptions): Promise<WithResponseMetadata<DataSource>> {
    return this._op('get', 'data-sources/{data_source_id}', { path: [dataSourceId] }, options)
  }

  /** Creates a data source (`POST /data-sources`). */
  create(
    body: OperationBody<'create-data-source'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'create-data-source'>>> {
    return this._op('post', 'data-sources', { body }, options)
  }

  /** Updates a data source (`PATCH /data-sources/{data_source_id}`). */
  update(
    dataSourceId: string,
    body: OperationBody<'update-data-source'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'update-data-source'>>> {
    return this._op('patch', 'data-sources/{data_source_id}', { path: [dataSourceId], body }, options)
  }

  /** Deletes a data source (`DELETE /data-sources/{data_source_id}`). */
  async delete(dataSourceId: string, options?: RequestOptions): Promise<void> {
    await this._op('delete', 'data-sources/{data_source_id}', { path: [dataSourceId] }, options)
  }

  /** Health and sync status of a data source (`GET /data-sources/{data_source_id}/status`). */
  getStatus(
    dataSourceId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'data-source-status'>>> {
    return this._op('get', 'data-sources/{data_source_id}/status', { path: [dataSourceId] }, options)
  }

  /** Recent syncs of a data source (`GET /data-sources/{data_source_id}/sync-history`); `params` goes beyond the official SDK, which sends no query here. */
  getSyncHistory(
    dataSourceId: string,
    params?: OperationQuery<'data-source-sync-history'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'data-source-sync-history'>>> {
    return this._op(
      'get',
      'data-sources/{data_source_id}/sync-history',
      { path: [dataSourceId], query: params },
      options,
    )
  }

  /** Starts a sync of a data source now (`POST /data-sources/{data_source_id}/sync`). */
  triggerSync(
    dataSourceId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'trigger-data-source-sync'>>> {
    return this._op('post', 'data-sources/{data_source_id}/sync', { path: [dataSourceId] }, options)
  }
}
