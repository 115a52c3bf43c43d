import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from '../base'
import type { OperationBody, OperationResult } from '../operation-types'

/** The workspace's Behavior settings. */
export type BehaviorSettings = OperationResult<'get-behavior-settings'>
/** Body of `settings.behaviors.update`. */
export type BehaviorSettingsUpdateParams = OperationBody<'update-behavior-settings'>

/** Behavior settings of the workspace. */
export class BehaviorSettingsResource extends APIResource {
  /** Reads the behavior settings. */
  get(options?: RequestOptions): Promise<WithResponseMetadata<BehaviorSettings>> {
    return this._op('get', 'settings/behaviors', {}, options)
  }

  /** Replaces the behavior settings. */
  update(
    body: BehaviorSettingsUpdateParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<BehaviorSettings>> {
    return this._op('put', 'settings/behaviors', { body }, options)
  }
}
