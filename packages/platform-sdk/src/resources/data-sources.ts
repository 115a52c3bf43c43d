import type { RequestOptions, WithResponseMeta } from '@amigo-ai/core'
import type { DataSource } from '../types'
import { APIResource } from './base'
import type { AutoPagingParams, OperationQuery, OperationResult } from './operation-types'

/** Query of `dataSources.list`. */
export type DataSourceListParams = OperationQuery<'list-data-sources'>
/** One page of data sources. */
export type DataSourcePage = OperationResult<'list-data-sources'>

/** Data sources: the connectors that feed the world model. */
export class DataSourcesResource extends APIResource {
  /** Lists data sources, one page. */
  list(params?: DataSourceListParams, options?: RequestOptions): Promise<WithResponseMeta<DataSourcePage>> {
    return this._request('get', '/v1/{workspace_id}/data-sources', { query: params }, options)
  }

  /** Iterates over every data source. */
  listAutoPaging(
    params?: AutoPagingParams<DataSourceListParams>,
    options?: RequestOptions,
  ): AsyncIterableIterator<DataSource> {
    return this._autoPage(
      'get',
      '/v1/{workspace_id}/data-sources',
      { query: params },
      { maxPageSize: 20 },
      options,
    )
  }

  /** Fetches one data source. */
  get(dataSourceId: string, options?: RequestOptions): Promise<WithResponseMeta<DataSource>> {
    return this._request(
      'get',
      '/v1/{workspace_id}/data-sources/{data_source_id}',
      { path: { data_source_id: dataSourceId } },
      options,
    )
  }
}
