import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import type { Trigger, TriggerRun } from '../types'
import { APIResource } from './base'
import type { AutoPagingParams, OperationBody, OperationQuery, OperationResult } from './operation-types'

/** Query of `triggers.list`. */
export type TriggerListParams = OperationQuery<'list-triggers'>
/** One page of triggers. */
export type TriggerPage = OperationResult<'list-triggers'>
/** Body of `triggers.create`. */
export type TriggerCreateParams = OperationBody<'create-trigger'>
/** Body of `triggers.update`. */
export type TriggerUpdateParams = OperationBody<'update-trigger'>
/** Optional body of `triggers.fire`. */
export type TriggerFireParams = OperationBody<'fire-trigger'>
/** Result of `triggers.fire`. */
export type TriggerFireResult = OperationResult<'fire-trigger'>
/** Query of `triggers.listRuns`. */
export type TriggerRunListParams = OperationQuery<'list-trigger-runs'>
/** One page of trigger runs. */
export type TriggerRunPage = OperationResult<'list-trigger-runs'>

/** Triggers: scheduled or event-driven automations that run an action. */
export class TriggersResource extends APIResource {
  /** Creates a trigger. */
  create(body: TriggerCreateParams, options?: RequestOptions): Promise<WithResponseMetadata<Trigger>> {
    return this._op('post', 'triggers', { body }, options)
  }

  /** Lists triggers, one page. */
  list(params?: TriggerListParams, options?: RequestOptions): Promise<WithResponseMetadata<TriggerPage>> {
    return this._op('get', 'triggers', { query: params }, options)
  }

  /** Iterates over every trigger. */
  listAutoPaging(
    params?: AutoPagingParams<TriggerListParams>,
    options?: RequestOptions,
  ): AsyncIterableIterator<Trigger> {
    return this._autoPage((query) => this.list(query, options), params, 20)
  }

  /** Fetches one trigger. */
  get(triggerId: string, options?: RequestOptions): Promise<WithResponseMetadata<Trigger>> {
    return this._op('get', 'triggers/{trigger_id}', { path: [triggerId] }, options)
  }

  /** Updates a trigger. */
  update(
    triggerId: string,
    body: TriggerUpdateParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<Trigger>> {
    return this._op('put', 'triggers/{trigger_id}', { path: [triggerId], body }, options)
  }

  /** Deletes a trigger. */
  async delete(triggerId: string, options?: RequestOptions): Promise<void> {
    await this._op('delete', 'triggers/{trigger_id}', { path: [triggerId] }, options)
  }

  /** Runs a trigger now (optionally with an input override). */
  fire(
    triggerId: string,
    body?: TriggerFireParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<TriggerFireResult>> {
    return this._op(
      'post',
      'triggers/{trigger_id}/fire',
      { path: [triggerId], body: body ?? undefined },
      options,
    )
  }

  /** Pauses a trigger. */
  pause(triggerId: string, options?: RequestOptions): Promise<WithResponseMetadata<Trigger>> {
    return this._op('post', 'triggers/{trigger_id}/pause', { path: [triggerId] }, options)
  }

  /** Resumes a paused trigger. */
  resume(triggerId: string, options?: RequestOptions): Promise<WithResponseMetadata<Trigger>> {
    return this._op('post', 'triggers/{trigger_id}/resume', { path: [triggerId] }, options)
  }

  /** Lists the runs of a trigger, one page. */
  listRuns(
    triggerId: string,
    params?: TriggerRunListParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<TriggerRunPage>> {
    return this._op('get', 'triggers/{trigger_id}/runs', { path: [triggerId], query: params }, options)
  }

  /** Iterates over every run of a trigger. */
  listRunsAutoPaging(
    triggerId: string,
    params?: AutoPagingParams<TriggerRunListParams>,
    options?: RequestOptions,
  ): AsyncIterableIterator<TriggerRun> {
    return this._autoPage((query) => this.listRuns(triggerId, query, options), params, 20)
  }
}
