import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import type { OperationResult } from './operation-types'

/** Tasks the agent tracks during calls. */
export class TasksResource extends APIResource {
  /** Fetches one task (`GET /tasks/{task_id}`). */
  get(
    taskId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get_task_v1__workspace_id__tasks__task_id__get'>>> {
    return this._op('get', 'tasks/{task_id}', { path: [taskId] }, options)
  }

  /** Tasks tracked during a call (`GET /tasks/by-call/{call_sid}`). */
  listByCall(
    callSid: string,
    options?: RequestOptions,
  ): Promise<
    WithResponseMetadata<OperationResult<'list_tasks_by_call_v1__workspace_id__tasks_by_call__call_sid__get'>>
  > {
    return this._op('get', 'tasks/by-call/{call_sid}', { path: [callSid] }, options)
  }
}
