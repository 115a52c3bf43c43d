import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from '../base'
import type { OperationBody, OperationResult } from '../operation-types'

/** The workspace's Branding settings. */
export type BrandingSettings = OperationResult<'get-branding-settings'>
/** Body of `settings.branding.update`. */
export type BrandingSettingsUpdateParams = OperationBody<'update-branding-settings'>

/** Branding settings of the workspace. */
export class BrandingSettingsResource extends APIResource {
  /** Reads the branding settings. */
  get(options?: RequestOptions): Promise<WithResponseMetadata<BrandingSettings>> {
    return this._op('get', 'settings/branding', {}, options)
  }

  /** Replaces the branding settings. */
  update(
    body: BrandingSettingsUpdateParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<BrandingSettings>> {
    return this._op('put', 'settings/branding', { body }, options)
  }
}
