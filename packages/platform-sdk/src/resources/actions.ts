import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import type { Action } from '../types'
import { APIResource } from './base'
import type { AutoPagingParams, OperationBody, OperationQuery, OperationResult } from './operation-types'

/** Query of `actions.list`. */
export type ActionListParams = OperationQuery<'list-skills'>
/** One page of actions. */
export type ActionPage = OperationResult<'list-skills'>
/** Body of `actions.create`. */
export type ActionCreateParams = OperationBody<'create-skill'>
/** Body of `actions.update`. */
export type ActionUpdateParams = OperationBody<'update-skill'>
/** Body of `actions.test`. */
export type ActionTestParams = OperationBody<'test-skill'>
/** Result of `actions.test`. */
export type ActionTestResult = OperationResult<'test-skill'>

/** Actions: reusable agent capabilities (the API still calls them skills: `/skills` endpoints). */
export class ActionsResource extends APIResource {
  /** Creates an action. */
  create(body: ActionCreateParams, options?: RequestOptions): Promise<WithResponseMetadata<Action>> {
    return this._op('post', 'skills', { body }, options)
  }

  /** Lists actions, one page. */
  list(params?: ActionListParams, options?: RequestOptions): Promise<WithResponseMetadata<ActionPage>> {
    return this._op('get', 'skills', { query: params }, options)
  }

  /** Iterates over every action. */
  listAutoPaging(
    params?: AutoPagingParams<ActionListParams>,
    options?: RequestOptions,
  ): AsyncIterableIterator<Action> {
    return this._autoPage((query) => this.list(query, options), params, 20)
  }

  /** Fetches one action. */
  get(actionId: string, options?: RequestOptions): Promise<WithResponseMetadata<Action>> {
    return this._op('get', 'skills/{skill_id}', { path: [actionId] }, options)
  }

  /** Updates an action. */
  update(
    actionId: string,
    body: ActionUpdateParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<Action>> {
    return this._op('put', 'skills/{skill_id}', { path: [actionId], body }, options)
  }

  /** Deletes an action. */
  async delete(actionId: string, options?: RequestOptions): Promise<void> {
    await this._op('delete', 'skills/{skill_id}', { path: [actionId] }, options)
  }

  /** Runs an action once with a sample input. */
  test(
    actionId: string,
    body: ActionTestParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<ActionTestResult>> {
    return this._op('post', 'skills/{skill_id}/test', { path: [actionId], body }, options)
  }

  /** Where an action is used (agents, services, triggers that reference it) (`GET /skills/{skill_id}/references`). */
  getReferences(
    actionId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-skill-references'>>> {
    return this._op('get', 'skills/{skill_id}/references', { path: [actionId] }, options)
  }
}
