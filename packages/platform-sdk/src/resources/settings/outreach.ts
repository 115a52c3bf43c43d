import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from '../base'
import type { OperationBody, OperationResult } from '../operation-types'

/** The workspace's Outreach settings. */
export type OutreachSettings = OperationResult<'get-outreach-settings'>
/** Body of `settings.outreach.update`. */
export type OutreachSettingsUpdateParams = OperationBody<'update-outreach-settings'>

/** Outreach settings of the workspace. */
export class OutreachSettingsResource extends APIResource {
  /** Reads the outreach settings. */
  get(options?: RequestOptions): Promise<WithResponseMetadata<OutreachSettings>> {
    return this._op('get', 'settings/outreach', {}, options)
  }

  /** Replaces the outreach settings. */
  update(
    body: OutreachSettingsUpdateParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OutreachSettings>> {
    return this._op('put', 'settings/outreach', { body }, options)
  }
}
