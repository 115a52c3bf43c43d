import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from '../base'
import type { OperationBody, OperationResult } from '../operation-types'

/** The workspace's Environment settings. */
export type EnvironmentSettings = OperationResult<'get-environment-settings'>
/** Body of `settings.environments.update`. */
export type EnvironmentSettingsUpdateParams = OperationBody<'update-environment-settings'>

/** Environment settings of the workspace. */
export class EnvironmentSettingsResource extends APIResource {
  /** Reads the environment settings. */
  get(options?: RequestOptions): Promise<WithResponseMetadata<EnvironmentSettings>> {
    return this._op('get', 'settings/environments', {}, options)
  }

  /** Replaces the environment settings. */
  update(
    body: EnvironmentSettingsUpdateParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<EnvironmentSettings>> {
    return this._op('put', 'settings/environments', { body }, options)
  }
}
