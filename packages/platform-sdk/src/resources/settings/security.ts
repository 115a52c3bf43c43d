import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from '../base'
import type { OperationBody, OperationResult } from '../operation-types'

/** The workspace's Security settings. */
export type SecuritySettings = OperationResult<'get-security-settings'>
/** Body of `settings.security.update`. */
export type SecuritySettingsUpdateParams = OperationBody<'update-security-settings'>

/** Security settings of the workspace. */
export class SecuritySettingsResource extends APIResource {
  /** Reads the security settings. */
  get(options?: RequestOptions): Promise<WithResponseMetadata<SecuritySettings>> {
    return this._op('get', 'settings/security', {}, options)
  }

  /** Replaces the security settings. */
  update(
    body: SecuritySettingsUpdateParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<SecuritySettings>> {
    return this._op('put', 'settings/security', { body }, options)
  }
}
