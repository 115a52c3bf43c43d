import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from '../base'
import type { OperationBody, OperationResult } from '../operation-types'

/** The workspace's Memory settings. */
export type MemorySettings = OperationResult<'get-memory-settings'>
/** Body of `settings.memory.update`. */
export type MemorySettingsUpdateParams = OperationBody<'update-memory-settings'>

/** Memory settings of the workspace. */
export class MemorySettingsResource extends APIResource {
  /** Reads the memory settings. */
  get(options?: RequestOptions): Promise<WithResponseMetadata<MemorySettings>> {
    return this._op('get', 'settings/memory', {}, options)
  }

  /** Replaces the memory settings. */
  update(
    body: MemorySettingsUpdateParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<MemorySettings>> {
    return this._op('put', 'settings/memory', { body }, options)
  }
}
