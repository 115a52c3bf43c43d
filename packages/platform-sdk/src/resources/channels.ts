import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import type {
  AutoPagingParams,
  OperationBody,
  OperationQuery,
  OperationResult,
  PageItem,
} from './operation-types'

/** An SES email domain setup with its DNS records. */
export type SesSetup = OperationResult<'get-ses-setup'>

/** Amazon SES email domain setup (DNS records and verification). */
export class SesSetupResource extends APIResource {
  /** Starts an SES email domain setup (returns the DNS records to create) (`POST /channels/ses-setup`). */
  create(
    body: OperationBody<'create-ses-setup'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'create-ses-setup'>>> {
    return this._op('post', 'channels/ses-setup', { body }, options)
  }

  /** Lists ses setup, one page (`GET /channels/ses-setup`). */
  list(
    params?: OperationQuery<'list-ses-setups'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'list-ses-setups'>>> {
    return this._op('get', 'channels/ses-setup', { query: params }, options)
  }

  /** Iterates over every item of `sesSetup.list`, fetching pages as needed. */
  listAutoPaging(
    params?: AutoPagingParams<OperationQuery<'list-ses-setups'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'list-ses-setups'>>> {
    return this._autoPage((query) => this.list(query, options), params, 20)
  }

  /** Fetches one ses setup (`GET /channels/ses-setup/{setup_id}`). */
  get(setupId: string, options?: RequestOptions): Promise<WithResponseMetadata<SesSetup>> {
    return this._op('get', 'channels/ses-setup/{setup_id}', { path: [setupId] }, options)
  }

  /** Checks the DNS records of an SES setup (`POST /channels/ses-setup/{setup_id}/verify`). */
  verify(
    setupId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'verify-ses-setup-dns'>>> {
    return this._op('post', 'channels/ses-setup/{setup_id}/verify', { path: [setupId] }, options)
  }

  /** Deletes an SES setup (`DELETE /channels/ses-setup/{setup_id}`). */
  async delete(setupId: string, options?: RequestOptions): Promise<void> {
    await this._op('delete', 'channels/ses-setup/{setup_id}', { path: [setupId] }, options)
  }
}

/** Channels: messaging channel setup. */
export class ChannelsResource extends APIResource {
  /** Amazon SES email domain setup (DNS records and verification). */
  get sesSetup(): SesSetupResource {
    return this._sub(SesSetupResource)
  }
}
