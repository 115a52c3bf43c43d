import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import type { OperationBody, OperationResult } from './operation-types'

/** Body of `me.createWorkspace`. */
export type WorkspaceCreateParams = OperationBody<'create-my-workspace'>

/** The signed-in principal's own actions (create a workspace). */
export class MeResource extends APIResource {
  /** Creates a workspace owned by the caller (`POST /v1/me/workspaces`). */
  createWorkspace(
    body: WorkspaceCreateParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'create-my-workspace'>>> {
    return this._op('post', '/v1/me/workspaces', { body }, options)
  }
}
