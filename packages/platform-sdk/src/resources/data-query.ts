import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import type { AutoPagingParams, OperationQuery, OperationResult, PageItem } from './operation-types'

/** Read-only table queries over workspace data. */
export class DataQueryResource extends APIResource {
  /** Reads rows of a workspace table, one page (`GET /query/{schema}/{table}`). */
  run(
    schema: string,
    table: string,
    params?: OperationQuery<'query_table_v1__workspace_id__query__schema___table__get'>,
    options?: RequestOptions,
  ): Promise<
    WithResponseMetadata<OperationResult<'query_table_v1__workspace_id__query__schema___table__get'>>
  > {
    return this._op('get', 'query/{schema}/{table}', { path: [schema, table], query: params }, options)
  }

  /** Iterates over every item of `run`, fetching pages as needed (not in the official SDK). */
  runAutoPaging(
    schema: string,
    table: string,
    params?: AutoPagingParams<OperationQuery<'query_table_v1__workspace_id__query__schema___table__get'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<
    PageItem<OperationResult<'query_table_v1__workspace_id__query__schema___table__get'>>
  > {
    return this._autoPage((query) => this.run(schema, table, query, options), params, 100, 'items', true)
  }
}
