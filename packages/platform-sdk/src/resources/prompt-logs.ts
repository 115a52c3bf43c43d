import type { RequestOptions } from '@amigo-ai/core'
import { APIResource, type WithMeta } from './base'
import type { AutoPagingParams, OperationQuery, OperationResult, PageItem } from './operation-types'

/** Prompt logs: the prompts the agent engine sent, for debugging. */
export class PromptLogsResource extends APIResource {
  /** Lists prompt logs, one page (`GET /prompt-logs`). */
  list(
    params?: OperationQuery<'list-prompt-logs'>,
    options?: RequestOptions,
  ): Promise<WithMeta<OperationResult<'list-prompt-logs'>>> {
    return this._request('get', '/v1/{workspace_id}/prompt-logs', { query: params }, options)
  }

  /** Iterates over every item of `list`, fetching pages as needed. */
  listAutoPaging(
    params?: AutoPagingParams<OperationQuery<'list-prompt-logs'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'list-prompt-logs'>>> {
    return this._autoPage(
      'get',
      '/v1/{workspace_id}/prompt-logs',
      { query: params },
      { maxPageSize: 200 },
      options,
    )
  }
}
