import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import { bytesOrJson, type DownloadResult } from './binary'
import type { OperationResult } from './operation-types'

/** Result of `recordings.getUrls`. */
export type RecordingUrls = OperationResult<'get-recording-urls'>
/** Result of `recordings.getMetadata`. */
export type RecordingMetadata = OperationResult<'get-recording-metadata'>

/** Call recordings. */
export class RecordingsResource extends APIResource {
  /** Signed URLs of a call's recording files. */
  getUrls(callSid: string, options?: RequestOptions): Promise<WithResponseMetadata<RecordingUrls>> {
    return this._op('get', 'recordings/{call_sid}/urls', { path: [callSid] }, options)
  }

  /** Metadata of a call's recording. */
  getMetadata(callSid: string, options?: RequestOptions): Promise<WithResponseMetadata<RecordingMetadata>> {
    return this._op('get', 'recordings/{call_sid}/metadata', { path: [callSid] }, options)
  }

  /**
   * Downloads one recording file: the audio bytes when the server streams the file, or the parsed JSON
   * (e.g. a signed `url` with `content_type`) when it answers with a document. The spec labels every
   * answer JSON, so the body is read raw and decoded by its content type rather than always parsed.
   */
  async download(callSid: string, filename: string, options?: RequestOptions): Promise<DownloadResult> {
    const result = await this._op(
      'get',
      'recordings/{call_sid}/download/{filename}',
      { path: [callSid, filename], transport: { parseAs: 'arrayBuffer', accept: '*/*' } },
      options,
    )
    return bytesOrJson(result)
  }
}
