import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import type { OperationBody, OperationResult } from './operation-types'

/** Safety: guardrail configuration and regulation templates. */
export class SafetyResource extends APIResource {
  /** Safety configuration of the workspace (`GET /safety/config`). */
  getConfig(options?: RequestOptions): Promise<WithResponseMetadata<OperationResult<'get-safety-config'>>> {
    return this._op('get', 'safety/config', {}, options)
  }

  /** Replaces the safety configuration (`PUT /safety/config`). */
  updateConfig(
    body: OperationBody<'update-safety-config'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'update-safety-config'>>> {
    return this._op('put', 'safety/config', { body }, options)
  }

  /** Lists regulation templates (`GET /safety/templates`). */
  listTemplates(
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'list-safety-templates'>>> {
    return this._op('get', 'safety/templates', {}, options)
  }

  /** Fetches one regulation template (`GET /safety/templates/{template_id}`). */
  getTemplate(
    templateId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-safety-template'>>> {
    return this._op('get', 'safety/templates/{template_id}', { path: [templateId] }, options)
  }

  /** Applies a regulation template to the safety configuration (`POST /safety/templates/{template_id}/apply`). */
  applyTemplate(
    templateId: string,
    body: OperationBody<'apply-safety-template'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'apply-safety-template'>>> {
    return this._op('post', 'safety/templates/{template_id}/apply', { path: [templateId], body }, options)
  }
}
