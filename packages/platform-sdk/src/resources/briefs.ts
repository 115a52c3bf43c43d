import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import type { OperationResult } from './operation-types'

/** A generated brief. */
export type Brief = OperationResult<'get_latest_workspace_brief_v1__workspace_id__brief_get'>

/** Briefs: generated summaries of the workspace or of one entity. */
export class BriefsResource extends APIResource {
  /** The latest generated brief of the workspace (`GET /brief`). */
  get(options?: RequestOptions): Promise<WithResponseMetadata<Brief>> {
    return this._op('get', 'brief', {}, options)
  }

  /** Generates a fresh workspace brief (`POST /brief`). */
  regenerate(
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'generate_workspace_brief_v1__workspace_id__brief_post'>>> {
    return this._op('post', 'brief', {}, options)
  }

  /** The latest generated brief of one entity (`GET /entities/{entity_id}/brief`). */
  getForEntity(
    entityId: string,
    options?: RequestOptions,
  ): Promise<
    WithResponseMetadata<OperationResult<'get_latest_brief_v1__workspace_id__entities__entity_id__brief_get'>>
  > {
    return this._op('get', 'entities/{entity_id}/brief', { path: [entityId] }, options)
  }

  /** Generates a fresh brief of one entity (`POST /entities/{entity_id}/brief`). */
  regenerateForEntity(
    entityId: string,
    options?: RequestOptions,
  ): Promise<
    WithResponseMetadata<OperationResult<'generate_brief_v1__workspace_id__entities__entity_id__brief_post'>>
  > {
    return this._op('post', 'entities/{entity_id}/brief', { path: [entityId] }, options)
  }
}
