import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import type {
  AutoPagingParams,
  OperationBody,
  OperationQuery,
  OperationResult,
  PageItem,
} from './operation-types'

/** A skill (the record `actions` calls an action). */
export type Skill = OperationResult<'get-skill'>
/** One page of skills. */
export type SkillPage = OperationResult<'list-skills'>

/**
 * Skills: the same `/skills` endpoints as `actions`, under their former name.
 * @deprecated Use `client.actions` (same endpoints, same results).
 */
export class SkillsResource extends APIResource {
  /** Creates a skill (`POST /skills`). */
  create(
    body: OperationBody<'create-skill'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'create-skill'>>> {
    return this._op('post', 'skills', { body }, options)
  }

  /** Lists skills, one page (`GET /skills`). */
  list(
    params?: OperationQuery<'list-skills'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<SkillPage>> {
    return this._op('get', 'skills', { query: params }, options)
  }

  /** Iterates over every item of `list`, fetching pages as needed. */
  listAutoPaging(
    params?: AutoPagingParams<OperationQuery<'list-skills'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'list-skills'>>> {
    return this._autoPage((query) => this.list(query, options), params, 20)
  }

  /** Fetches one skill (`GET /skills/{skill_id}`). */
  get(skillId: string, options?: RequestOptions): Promise<WithResponseMetadata<Skill>> {
    return this._op('get', 'skills/{skill_id}', { path: [skillId] }, options)
  }

  /** Updates a skill (`PUT /skills/{skill_id}`). */
  update(
    skillId: string,
    body: OperationBody<'update-skill'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'update-skill'>>> {
    return this._op('put', 'skills/{skill_id}', { path: [skillId], body }, options)
  }

  /** Deletes a skill (`DELETE /skills/{skill_id}`). */
  async delete(skillId: string, options?: RequestOptions): Promise<void> {
    await this._op('delete', 'skills/{skill_id}', { path: [skillId] }, options)
  }

  /** Runs a skill with test input (`POST /skills/{skill_id}/test`). */
  test(
    skillId: string,
    body: OperationBody<'test-skill'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'test-skill'>>> {
    return this._op('post', 'skills/{skill_id}/test', { path: [skillId], body }, options)
  }
}
