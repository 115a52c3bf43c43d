import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import type {
  AutoPagingParams,
  OperationBody,
  OperationQuery,
  OperationResult,
  PageItem,
} from './operation-types'
import { workspacePath } from './workspace-path'

/** A workspace. */
export type Workspace = OperationResult<'get-workspace'>
/** Query of `workspaces.list`. */
export type WorkspaceListParams = OperationQuery<'list-workspaces'>
/** One page of workspaces. */
export type WorkspacePage = OperationResult<'list-workspaces'>
/** Body of `workspaces.update`. */
export type WorkspaceUpdateParams = OperationBody<'update-workspace'>
/** The numbers treated as test callers. */
export type TestCallerNumbers = OperationResult<'get-test-caller-numbers'>

/** Numbers treated as test callers in this workspace. */
export class WorkspacesTestCallerNumbersResource extends APIResource {
  /** Reads the test caller numbers (`GET /v1/workspaces/{workspace_id}/test-caller-numbers`). */
  async get(options?: RequestOptions): Promise<WithResponseMetadata<TestCallerNumbers>> {
    return this._op('get', '/v1/workspaces/{workspace_id}/test-caller-numbers', {}, options)
  }

  /** Replaces the test caller numbers (`PUT /v1/workspaces/{workspace_id}/test-caller-numbers`). */
  async update(
    body: OperationBody<'update-test-caller-numbers'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'update-test-caller-numbers'>>> {
    return this._op('put', '/v1/workspaces/{workspace_id}/test-caller-numbers', { body }, options)
  }
}

/** Workspaces: the account's workspaces and their lifecycle (`id` defaults to the configured workspace). */
export class WorkspacesResource extends APIResource {
  /** Numbers treated as test callers in this workspace. */
  get testCallerNumbers(): WorkspacesTestCallerNumbersResource {
    return this._sub(WorkspacesTestCallerNumbersResource)
  }

  /** Lists workspaces, one page (`GET /v1/workspaces`). */
  list(params?: WorkspaceListParams, options?: RequestOptions): Promise<WithResponseMetadata<WorkspacePage>> {
    return this._op('get', '/v1/workspaces', { query: params }, options)
  }

  /** Iterates over every item of `list`, fetching pages as needed. */
  listAutoPaging(
    params?: AutoPagingParams<OperationQuery<'list-workspaces'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'list-workspaces'>>> {
    return this._autoPage((query) => this.list(query, options), params, 20)
  }

  /** Fetches a workspace (`GET /v1/workspaces/{workspace_id}`). */
  async get(id?: string, options?: RequestOptions): Promise<WithResponseMetadata<Workspace>> {
    return this._op('get', workspacePath('/v1/workspaces/{workspace_id}', id, 'get'), {}, options)
  }

  /** Updates a workspace (`PATCH /v1/workspaces/{workspace_id}`). */
  async update(
    body: WorkspaceUpdateParams,
    id?: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'update-workspace'>>> {
    return this._op('patch', workspacePath('/v1/workspaces/{workspace_id}', id, 'patch'), { body }, options)
  }

  /** Archives a workspace (`POST /v1/workspaces/{workspace_id}/archive`). */
  async archive(
    body: OperationBody<'archive-workspace'>,
    id?: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'archive-workspace'>>> {
    return this._op(
      'post',
      workspacePath('/v1/workspaces/{workspace_id}/archive', id, 'post'),
      { body },
      options,
    )
  }

  /** Provisions a workspace's infrastructure (`POST /v1/workspaces/{workspace_id}/provision`). */
  async provision(
    id?: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'provision-workspace'>>> {
    return this._op('post', workspacePath('/v1/workspaces/{workspace_id}/provision', id, 'post'), {}, options)
  }

  /** Checks whether a workspace can convert to another environment (`GET /v1/workspaces/{workspace_id}/environment-check`). */
  async checkEnvironment(
    target?: OperationQuery<'check-environment-conversion'>['target'],
    id?: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'check-environment-conversion'>>> {
    return this._op(
      'get',
      workspacePath('/v1/workspaces/{workspace_id}/environment-check', id, 'get'),
      { query: { target } },
      options,
    )
  }

  /** Converts a workspace to another environment (`POST /v1/workspaces/{workspace_id}/convert-environment`). */
  async convertEnvironment(
    body: OperationBody<'convert-workspace-environment'>,
    id?: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'convert-workspace-environment'>>> {
    return this._op(
      'post',
      workspacePath('/v1/workspaces/{workspace_id}/convert-environment', id, 'post'),
      { body },
      options,
    )
  }
}
