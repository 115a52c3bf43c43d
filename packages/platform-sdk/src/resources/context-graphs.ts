import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import type {
  AutoPagingParams,
  OperationBody,
  OperationQuery,
  OperationResult,
  PageItem,
} from './operation-types'

/** A context graph. */
export type ContextGraph = OperationResult<'get-context_graph'>
/** One page of context graphs. */
export type ContextGraphPage = OperationResult<'list-context_graphs'>
/** Body of `contextGraphs.create`. */
export type ContextGraphCreateParams = OperationBody<'create-context_graph'>
/** One version of a context graph. */
export type ContextGraphVersion = OperationResult<'get-context_graph-version'>

/** Context graphs: versioned conversation-state graphs agents follow. */
export class ContextGraphsResource extends APIResource {
  /** Creates a context graph (`POST /context-graphs`). */
  create(
    body: ContextGraphCreateParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'create-context_graph'>>> {
    return this._op('post', 'context-graphs', { body }, options)
  }

  /** Lists context graphs, one page (`GET /context-graphs`). */
  list(
    params?: OperationQuery<'list-context_graphs'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<ContextGraphPage>> {
    return this._op('get', 'context-graphs', { query: params }, options)
  }

  /** Iterates over every item of `list`, fetching pages as needed. */
  listAutoPaging(
    params?: AutoPagingParams<OperationQuery<'list-context_graphs'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'list-context_graphs'>>> {
    return this._autoPage((query) => this.list(query, options), params, 20)
  }

  /** Fetches one context graph (`GET /context-graphs/{context_graph_id}`). */
  get(contextGraphId: string, options?: RequestOptions): Promise<WithResponseMetadata<ContextGraph>> {
    return this._op('get', 'context-graphs/{context_graph_id}', { path: [contextGraphId] }, options)
  }

  /** Updates a context graph (`PUT /context-graphs/{context_graph_id}`). */
  update(
    contextGraphId: string,
    body: OperationBody<'update-context_graph'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'update-context_graph'>>> {
    return this._op('put', 'context-graphs/{context_graph_id}', { path: [contextGraphId], body }, options)
  }

  /** Deletes a context graph (`DELETE /context-graphs/{context_graph_id}`). */
  async delete(contextGraphId: string, options?: RequestOptions): Promise<void> {
    await this._op('delete', 'context-graphs/{context_graph_id}', { path: [contextGraphId] }, options)
  }

  /** Creates a new version of a context graph (`POST /context-graphs/{context_graph_id}/versions`). */
  createVersion(
    contextGraphId: string,
    body: OperationBody<'create-context_graph-version'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'create-context_graph-version'>>> {
    return this._op(
      'post',
      'context-graphs/{context_graph_id}/versions',
      { path: [contextGraphId], body },
      options,
    )
  }

  /** Lists versions, one page (`GET /context-graphs/{context_graph_id}/versions`). */
  listVersions(
    contextGraphId: string,
    params?: OperationQuery<'list-context_graph-versions'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'list-context_graph-versions'>>> {
    return this._op(
      'get',
      'context-graphs/{context_graph_id}/versions',
      { path: [contextGraphId], query: params },
      options,
    )
  }

  /** Iterates over every item of `listVersions`, fetching pages as needed. */
  listVersionsAutoPaging(
    contextGraphId: string,
    params?: AutoPagingParams<OperationQuery<'list-context_graph-versions'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'list-context_graph-versions'>>> {
    return this._autoPage((query) => this.listVersions(contextGraphId, query, options), params, 20)
  }

  /** Fetches one version of a context graph (`GET /context-graphs/{context_graph_id}/versions/{version}`). */
  getVersion(
    contextGraphId: string,
    version: string | number,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<ContextGraphVersion>> {
    return this._op(
      'get',
      'context-graphs/{context_graph_id}/versions/{version}',
      { path: [contextGraphId, version] },
      options,
    )
  }
}
