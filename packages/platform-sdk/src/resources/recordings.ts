import type { RequestOptions, WithResponseMeta } from '@amigo-ai/core'
import { APIResource } from './base'
import type { OperationResult } from './operation-types'

/** Result of `recordings.getUrls`. */
export type RecordingUrls = OperationResult<'get-recording-urls'>
/** Result of `recordings.getMetadata`. */
export type RecordingMetadata = OperationResult<'get-recording-metadata'>

/** Call recordings. */
export class RecordingsResource extends APIResource {
  /** Signed URLs of a call's recording files. */
  getUrls(callSid: string, options?: RequestOptions): Promise<WithResponseMeta<RecordingUrls>> {
    return this._request(
      'get',
      '/v1/{workspace_id}/recordings/{call_sid}/urls',
      { path: { call_sid: callSid } },
      options,
    )
  }

  /** Metadata of a call's recording. */
  getMetadata(callSid: string, options?: RequestOptions): Promise<WithResponseMeta<RecordingMetadata>> {
    return this._request(
      'get',
      '/v1/{workspace_id}/recordings/{call_sid}/metadata',
      { path: { call_sid: callSid } },
      options,
    )
  }
}
