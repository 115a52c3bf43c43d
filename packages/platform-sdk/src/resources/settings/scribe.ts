import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from '../base'
import type { OperationBody, OperationResult } from '../operation-types'

/** The workspace's Scribe settings. */
export type ScribeSettings = OperationResult<'get-scribe-settings'>
/** Body of `settings.scribe.update`. */
export type ScribeSettingsUpdateParams = OperationBody<'update-scribe-settings'>

/** Scribe settings of the workspace. */
export class ScribeSettingsResource extends APIResource {
  /** Reads the scribe settings. */
  get(options?: RequestOptions): Promise<WithResponseMetadata<ScribeSettings>> {
    return this._op('get', 'settings/scribe', {}, options)
  }

  /** Replaces the scribe settings. */
  update(
    body: ScribeSettingsUpdateParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<ScribeSettings>> {
    return this._op('put', 'settings/scribe', { body }, options)
  }
}
