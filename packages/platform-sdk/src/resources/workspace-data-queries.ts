import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import type { WorkspaceDataQuery } from '../types'
import { APIResource } from './base'
import type { OperationBody, OperationResult } from './operation-types'

/** Every saved query of the workspace: `{ items, count }` (not paged; each item has `parameter_count`). */
export type WorkspaceDataQueryList = OperationResult<'list-workspace-data-queries'>
/** Body of `workspaceDataQueries.create`. */
export type WorkspaceDataQueryCreateParams = OperationBody<'create-workspace-data-query'>
/** Body of `workspaceDataQueries.update`. */
export type WorkspaceDataQueryUpdateParams = OperationBody<'update-workspace-data-query'>
/** Body of `workspaceDataQueries.invoke` (optional): `input` maps parameter names to values. */
export type WorkspaceDataQueryInvokeParams = NonNullable<OperationBody<'invoke-workspace-data-query'>>
/** Result of `workspaceDataQueries.invoke`: `{ result (rows), row_count, duration_ms }`. */
export type WorkspaceDataQueryResult = OperationResult<'invoke-workspace-data-query'>

/** Saved, parameterised SQL queries over workspace data (`:name` placeholders). */
export class WorkspaceDataQueriesResource extends APIResource {
  /** Saves a query. */
  create(
    body: WorkspaceDataQueryCreateParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<WorkspaceDataQuery>> {
    return this._op('post', 'data_queries', { body }, options)
  }

  /** Lists every saved query of the workspace in one answer (the API does not page this list). */
  list(options?: RequestOptions): Promise<WithResponseMetadata<WorkspaceDataQueryList>> {
    return this._op('get', 'data_queries', {}, options)
  }

  /** Fetches one saved query. */
  get(queryId: string, options?: RequestOptions): Promise<WithResponseMetadata<WorkspaceDataQuery>> {
    return this._op('get', 'data_queries/{query_id}', { path: [queryId] }, options)
  }

  /** Updates a saved query. */
  update(
    queryId: string,
    body: WorkspaceDataQueryUpdateParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<WorkspaceDataQuery>> {
    return this._op('patch', 'data_queries/{query_id}', { path: [queryId], body }, options)
  }

  /** Deletes a saved query. */
  async delete(queryId: string, options?: RequestOptions): Promise<void> {
    await this._op('delete', 'data_queries/{query_id}', { path: [queryId] }, options)
  }

  /** Runs a saved query; `body.input` gives values for its parameters (an empty body is sent when omitted). */
  invoke(
    queryId: string,
    body: WorkspaceDataQueryInvokeParams = {},
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<WorkspaceDataQueryResult>> {
    return this._op('post', 'data_queries/{query_id}/invoke', { path: [queryId], body }, options)
  }
}
