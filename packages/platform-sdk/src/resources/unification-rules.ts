import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import type {
  AutoPagingParams,
  OperationBody,
  OperationQuery,
  OperationResult,
  PageItem,
} from './operation-types'

/** A unification rule. */
export type UnificationRule = OperationResult<'get-unification-rule'>

/** Unification rules: how records from data sources merge into entities. */
export class UnificationRulesResource extends APIResource {
  /** Creates a unification rule (`POST /unification-rules`). */
  create(
    body: OperationBody<'create-unification-rule'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'create-unification-rule'>>> {
    return this._op('post', 'unification-rules', { body }, options)
  }

  /** Lists unification rules, one page (`GET /unification-rules`). */
  list(
    params?: OperationQuery<'list-unification-rules'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'list-unification-rules'>>> {
    return this._op('get', 'unification-rules', { query: params }, options)
  }

  /** Iterates over every item of `list`, fetching pages as needed. */
  listAutoPaging(
    params?: AutoPagingParams<OperationQuery<'list-unification-rules'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'list-unification-rules'>>> {
    return this._autoPage((query) => this.list(query, options), params, 20)
  }

  /** Fetches one unification rule (`GET /unification-rules/{rule_id}`). */
  get(ruleId: string, options?: RequestOptions): Promise<WithResponseMetadata<UnificationRule>> {
    return this._op('get', 'unification-rules/{rule_id}', { path: [ruleId] }, options)
  }

  /** Updates a unification rule (`PATCH /unification-rules/{rule_id}`). */
  update(
    ruleId: string,
    body: OperationBody<'update-unification-rule'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'update-unification-rule'>>> {
    return this._op('patch', 'unification-rules/{rule_id}', { path: [ruleId], body }, options)
  }

  /** Deletes a unification rule (`DELETE /unification-rules/{rule_id}`). */
  async delete(ruleId: string, options?: RequestOptions): Promise<void> {
    await this._op('delete', 'unification-rules/{rule_id}', { path: [ruleId] }, options)
  }
}
