import type { RequestOptions, WithResponseMeta } from '@amigo-ai/core'
import { APIResource } from './base'
import { bytesWithMeta } from './binary'
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

  /**
   * Downloads one recording file (e.g. the audio) as raw bytes. The spec labels the answer JSON, but
   * the route serves the file itself, so the body is read as bytes rather than parsed.
   */
  async download(
    callSid: string,
    filename: string,
    options?: RequestOptions,
  ): Promise<WithResponseMeta<Uint8Array>> {
    const result = await this._request(
      'get',
      '/v1/{workspace_id}/recordings/{call_sid}/download/{filename}',
      { path: { call_sid: callSid, filename }, transport: { parseAs: 'arrayBuffer', accept: '*/*' } },
      options,
    )
    return bytesWithMeta(result)
  }
}
