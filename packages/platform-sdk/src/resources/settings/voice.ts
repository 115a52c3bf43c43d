import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from '../base'
import type { OperationBody, OperationResult } from '../operation-types'

/** The workspace's Voice settings. */
export type VoiceSettings = OperationResult<'get-voice-settings'>
/** Body of `settings.voice.update`. */
export type VoiceSettingsUpdateParams = OperationBody<'update-voice-settings'>

/** Voice settings of the workspace. */
export class VoiceSettingsResource extends APIResource {
  /** Reads the voice settings. */
  get(options?: RequestOptions): Promise<WithResponseMetadata<VoiceSettings>> {
    return this._op('get', 'settings/voice', {}, options)
  }

  /** Replaces the voice settings. */
  update(
    body: VoiceSettingsUpdateParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<VoiceSettings>> {
    return this._op('put', 'settings/voice', { body }, options)
  }
}
