import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import type { OperationResult } from './operation-types'

/** The command center overview of the workspace. */
export class CommandCenterResource extends APIResource {
  /** Fetches one command center (`GET /command-center`). */
  get(options?: RequestOptions): Promise<WithResponseMetadata<OperationResult<'get-command-center'>>> {
    return this._op('get', 'command-center', {}, options)
  }
}
