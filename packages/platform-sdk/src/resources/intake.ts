import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import { bytesOrJson, type DownloadResult } from './binary'
import type { OperationBody, OperationQuery, OperationResult } from './operation-types'

/** Intake upload links and what was uploaded through them. */
export class IntakeLinksResource extends APIResource {
  /** Lists intake upload links (`GET /intake/links`). */
  list(
    params?: OperationQuery<'list-intake-links'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'list-intake-links'>>> {
    return this._op('get', 'intake/links', { query: params }, options)
  }

  /** Creates an intake upload link (`POST /intake/links`). */
  create(
    body: OperationBody<'create-intake-link'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'create-intake-link'>>> {
    return this._op('post', 'intake/links', { body }, options)
  }

  /** Revokes an intake upload link (`DELETE /intake/links/{link_id}`). */
  async delete(linkId: string, options?: RequestOptions): Promise<void> {
    await this._op('delete', 'intake/links/{link_id}', { path: [linkId] }, options)
  }

  /** Lists the files uploaded through a link (`GET /intake/links/{link_id}/uploads`); `params` goes beyond the official SDK, which sends no query here. */
  listUploads(
    linkId: string,
    params?: OperationQuery<'list-intake-link-uploads'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'list-intake-link-uploads'>>> {
    return this._op('get', 'intake/links/{link_id}/uploads', { path: [linkId], query: params }, options)
  }

  /**
   * Downloads one uploaded file (`GET .../uploads/{upload_id}/download`): its bytes when the server sends
   * the file, or the parsed JSON (e.g. `{ url }`, a signed link) when it answers with a document instead.
   */
  async downloadUpload(linkId: string, uploadId: string, options?: RequestOptions): Promise<DownloadResult> {
    const result = await this._op(
      'get',
      'intake/links/{link_id}/uploads/{upload_id}/download',
      {
        path: [linkId, uploadId],
        transport: { parseAs: 'arrayBuffer', accept: 'application/octet-stream, application/json;q=0.9' },
      },
      options,
    )
    return bytesOrJson(result)
  }
}

/** Intake: upload links patients use to send files. */
export class IntakeResource extends APIResource {
  /** Intake upload links and what was uploaded through them. */
  get links(): IntakeLinksResource {
    return this._sub(IntakeLinksResource)
  }
}
