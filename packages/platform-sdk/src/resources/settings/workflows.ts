import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from '../base'
import type { OperationBody, OperationResult } from '../operation-types'

/** The workspace's Workflow settings. */
export type WorkflowSettings = OperationResult<'get-workflow-settings'>
/** Body of `settings.workflows.update`. */
export type WorkflowSettingsUpdateParams = OperationBody<'update-workflow-settings'>

/** Workflow settings of the workspace. */
export class WorkflowSettingsResource extends APIResource {
  /** Reads the workflow settings. */
  get(options?: RequestOptions): Promise<WithResponseMetadata<WorkflowSettings>> {
    return this._op('get', 'settings/workflows', {}, options)
  }

  /** Replaces the workflow settings. */
  update(
    body: WorkflowSettingsUpdateParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<WorkflowSettings>> {
    return this._op('put', 'settings/workflows', { body }, options)
  }
}
