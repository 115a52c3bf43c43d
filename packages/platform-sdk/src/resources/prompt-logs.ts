import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import type { AutoPagingParams, OperationQuery, OperationResult, PageItem } from './operation-types'

/** Query of `promptLogs.list`. */
export type PromptLogListParams = OperationQuery<'list-prompt-logs'>
/** One page of prompt logs. */
export type PromptLogPage = OperationResult<'list-prompt-logs'>

/** Prompt logs: the prompts the agent engine sent, for debugging. */
export class PromptLogsResource extends APIResource {
  /** Lists prompt logs, one page (`GET /prompt-logs`). */
  list(params?: PromptLogListParams, options?: RequestOptions): Promise<WithResponseMetadata<PromptLogPage>> {
    return this._op('get', 'prompt-logs', { query: params }, options)
  }

  /** Iterates over every item of `list`, fetching pages as needed. */
  listAutoPaging(
    params?: AutoPagingParams<OperationQuery<'list-prompt-logs'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'list-prompt-logs'>>> {
    return this._autoPage((query) => this.list(query, options), params, 200)
  }
}
