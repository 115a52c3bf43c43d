import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import type {
  AutoPagingParams,
  OperationBody,
  OperationQuery,
  OperationResult,
  PageItem,
} from './operation-types'

/** A phone number of the workspace. */
export type PhoneNumber = OperationResult<'get-phone-number'>
/** One page of phone numbers. */
export type PhoneNumberPage = OperationResult<'list-phone-numbers'>

/** Phone numbers of the workspace: provisioning, routing and call forwarding. */
export class PhoneNumbersResource extends APIResource {
  /** Provisions a phone number (`POST /phone-numbers`). */
  provision(
    body: OperationBody<'create-phone-number'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'create-phone-number'>>> {
    return this._op('post', 'phone-numbers', { body }, options)
  }

  /** Lists phone numbers, one page (`GET /phone-numbers`). */
  list(
    params?: OperationQuery<'list-phone-numbers'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<PhoneNumberPage>> {
    return this._op('get', 'phone-numbers', { query: params }, options)
  }

  /** Iterates over every item of `list`, fetching pages as needed. */
  listAutoPaging(
    params?: AutoPagingParams<OperationQuery<'list-phone-numbers'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'list-phone-numbers'>>> {
    return this._autoPage((query) => this.list(query, options), params, 20)
  }

  /** Fetches one phone number (`GET /phone-numbers/{phone_number_id}`). */
  get(phoneNumberId: string, options?: RequestOptions): Promise<WithResponseMetadata<PhoneNumber>> {
    return this._op('get', 'phone-numbers/{phone_number_id}', { path: [phoneNumberId] }, options)
  }

  /** Updates a phone number (`PUT /phone-numbers/{phone_number_id}`). */
  update(
    phoneNumberId: string,
    body: OperationBody<'update-phone-number'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'update-phone-number'>>> {
    return this._op('put', 'phone-numbers/{phone_number_id}', { path: [phoneNumberId], body }, options)
  }

  /** Releases a phone number (`DELETE /phone-numbers/{phone_number_id}`). */
  async release(phoneNumberId: string, options?: RequestOptions): Promise<void> {
    await this._op('delete', 'phone-numbers/{phone_number_id}', { path: [phoneNumberId] }, options)
  }

  /** Sets call forwarding on a phone number (`PUT /phone-numbers/{phone_number_id}/forwarding`). */
  setForwarding(
    phoneNumberId: string,
    body: OperationBody<'set-phone-number-forwarding'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'set-phone-number-forwarding'>>> {
    return this._op(
      'put',
      'phone-numbers/{phone_number_id}/forwarding',
      { path: [phoneNumberId], body },
      options,
    )
  }

  /** Removes call forwarding from a phone number (`DELETE /phone-numbers/{phone_number_id}/forwarding`). */
  clearForwarding(
    phoneNumberId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'clear-phone-number-forwarding'>>> {
    return this._op(
      'delete',
      'phone-numbers/{phone_number_id}/forwarding',
      { path: [phoneNumberId] },
      options,
    )
  }
}
