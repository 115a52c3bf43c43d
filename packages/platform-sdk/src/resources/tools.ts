import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import type { OperationBody, OperationResult } from './operation-types'

/** Tools: execute a tool in isolation and see which tools a service resolves. */
export class ToolsResource extends APIResource {
  /** Executes a tool once, outside a call (`POST /tools/execute`). */
  execute(
    body: OperationBody<'execute-tool-test'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'execute-tool-test'>>> {
    return this._op('post', 'tools/execute', { body }, options)
  }

  /** The tools a service resolves to at runtime (`GET /services/{service_id}/tools/resolve`). */
  resolveForService(
    serviceId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'resolve-service-tools'>>> {
    return this._op('get', 'services/{service_id}/tools/resolve', { path: [serviceId] }, options)
  }
}
