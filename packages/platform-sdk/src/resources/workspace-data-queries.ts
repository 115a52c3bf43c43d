import type { RequestOptions, WithResponseMeta } from '@amigo-ai/core'
import type { WorkspaceDataQuery } from '../types'
import { APIResource } from './base'
import type { AutoPagingParams, OperationBody, OperationQuery, OperationResult } from './operation-types'

/** Query of `workspaceDataQueries.list`. */
export type WorkspaceDataQueryListParams = OperationQuery<'list-workspace-data-queries'>
/** One page of saved data queries. */
export type WorkspaceDataQueryPage = OperationResult<'list-workspace-data-queries'>
/** Body of `workspaceDataQueries.create`. */
export type WorkspaceDataQueryCreateParams = OperationBody<'create-workspace-data-query'>
/** Body of `workspaceDataQueries.update`. */
export type WorkspaceDataQueryUpdateParams = OperationBody<'update-workspace-data-query'>
/** Body of `workspaceDataQueries.invoke`. */
export type WorkspaceDataQueryInvokeParams = OperationBody<'invoke-workspace-data-query'>
/** Result of `workspaceDataQueries.invoke`. */
export type WorkspaceDataQueryResult = OperationResult<'invoke-workspace-data-query'>

/** Saved, parameterised SQL queries over workspace data (`:name` placeholders). */
export class WorkspaceDataQueriesResource extends APIResource {
  /** Saves a query. */
  create(
    body: WorkspaceDataQueryCreateParams,
    options?: RequestOptions,
  ): Promise<WithResponseMeta<WorkspaceDataQuery>> {
    return this._request('post', '/v1/{workspace_id}/data-queries', { body }, options)
  }

  /** Lists saved queries, one page. */
  list(
    params?: WorkspaceDataQueryListParams,
    options?: RequestOptions,
  ): Promise<WithResponseMeta<WorkspaceDataQueryPage>> {
    return this._request('get', '/v1/{workspace_id}/data-queries', { query: params }, options)
  }

  /** Iterates over every saved query. */
  listAutoPaging(
    params?: AutoPagingParams<WorkspaceDataQueryListParams>,
    options?: RequestOptions,
  ): AsyncIterableIterator<WorkspaceDataQuery> {
    return this._autoPage(
      'get',
      '/v1/{workspace_id}/data-queries',
      { query: params },
      { maxPageSize: 20 },
      options,
    )
  }

  /** Fetches one saved query. */
  get(queryId: string, options?: RequestOptions): Promise<WithResponseMeta<WorkspaceDataQuery>> {
    return this._request(
      'get',
      '/v1/{workspace_id}/data-queries/{query_id}',
      { path: { query_id: queryId } },
      options,
    )
  }

  /** Updates a saved query. */
  update(
    queryId: string,
    body: WorkspaceDataQueryUpdateParams,
    options?: RequestOptions,
  ): Promise<WithResponseMeta<WorkspaceDataQuery>> {
    return this._request(
      'patch',
      '/v1/{workspace_id}/data-queries/{query_id}',
      { path: { query_id: queryId }, body },
      options,
    )
  }

  /** Deletes a saved query. */
  async delete(queryId: string, options?: RequestOptions): Promise<void> {
    await this._request(
      'delete',
      '/v1/{workspace_id}/data-queries/{query_id}',
      { path: { query_id: queryId } },
      options,
    )
  }

  /** Runs a saved query with values for its parameters. */
  invoke(
    queryId: string,
    body: WorkspaceDataQueryInvokeParams,
    options?: RequestOptions,
  ): Promise<WithResponseMeta<WorkspaceDataQueryResult>> {
    return this._request(
      'post',
      '/v1/{workspace_id}/data-queries/{query_id}/invoke',
      { path: { query_id: queryId }, body },
      options,
    )
  }
}
