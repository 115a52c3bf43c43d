import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import type {
  AutoPagingParams,
  OperationBody,
  OperationQuery,
  OperationResult,
  PageItem,
} from './operation-types'

/** A monitor concept. */
export type MonitorConcept = OperationResult<'get-monitor-concept'>

/** Monitor concepts: things to watch for in conversations. */
export class MonitorConceptsResource extends APIResource {
  /** Creates a monitor concept (`POST /monitor-concepts`). */
  create(
    body: OperationBody<'create-monitor-concept'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'create-monitor-concept'>>> {
    return this._op('post', 'monitor-concepts', { body }, options)
  }

  /** Lists monitor concepts, one page (`GET /monitor-concepts`). */
  list(
    params?: OperationQuery<'list-monitor-concepts'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'list-monitor-concepts'>>> {
    return this._op('get', 'monitor-concepts', { query: params }, options)
  }

  /** Iterates over every item of `list`, fetching pages as needed. */
  listAutoPaging(
    params?: AutoPagingParams<OperationQuery<'list-monitor-concepts'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'list-monitor-concepts'>>> {
    return this._autoPage((query) => this.list(query, options), params, 20)
  }

  /** Fetches one monitor concept (`GET /monitor-concepts/{concept_id}`). */
  get(conceptId: string, options?: RequestOptions): Promise<WithResponseMetadata<MonitorConcept>> {
    return this._op('get', 'monitor-concepts/{concept_id}', { path: [conceptId] }, options)
  }

  /** Updates a monitor concept (`PATCH /monitor-concepts/{concept_id}`). */
  update(
    conceptId: string,
    body: OperationBody<'update-monitor-concept'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'update-monitor-concept'>>> {
    return this._op('patch', 'monitor-concepts/{concept_id}', { path: [conceptId], body }, options)
  }

  /** Deletes a monitor concept (`DELETE /monitor-concepts/{concept_id}`). */
  async delete(conceptId: string, options?: RequestOptions): Promise<void> {
    await this._op('delete', 'monitor-concepts/{concept_id}', { path: [conceptId] }, options)
  }
}
