import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import type {
  AutoPagingParams,
  OperationBody,
  OperationQuery,
  OperationResult,
  PageItem,
} from './operation-types'

/** A persona (a simulated caller). */
export type Persona = OperationResult<'get-persona'>
/** One page of personas. */
export type PersonaPage = OperationResult<'list-personas'>
/** Body of `personas.create`. */
export type PersonaCreateParams = OperationBody<'create-persona'>

/** Personas: simulated callers for testing agents. */
export class PersonasResource extends APIResource {
  /** Lists personas, one page (`GET /personas`). */
  list(
    params?: OperationQuery<'list-personas'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<PersonaPage>> {
    return this._op('get', 'personas', { query: params }, options)
  }

  /** Iterates over every item of `list`, fetching pages as needed. */
  listAutoPaging(
    params?: AutoPagingParams<OperationQuery<'list-personas'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'list-personas'>>> {
    return this._autoPage((query) => this.list(query, options), params, 20)
  }

  /** Creates a persona (`POST /personas`). */
  create(
    body: PersonaCreateParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'create-persona'>>> {
    return this._op('post', 'personas', { body }, options)
  }

  /** Fetches one persona (`GET /personas/{persona_id}`). */
  get(personaId: string, options?: RequestOptions): Promise<WithResponseMetadata<Persona>> {
    return this._op('get', 'personas/{persona_id}', { path: [personaId] }, options)
  }

  /** Updates a persona (`PATCH /personas/{persona_id}`). */
  update(
    personaId: string,
    body: OperationBody<'update-persona'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'update-persona'>>> {
    return this._op('patch', 'personas/{persona_id}', { path: [personaId], body }, options)
  }

  /** Deletes a persona (`DELETE /personas/{persona_id}`). */
  delete(
    personaId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'delete-persona'>>> {
    return this._op('delete', 'personas/{persona_id}', { path: [personaId] }, options)
  }
}
