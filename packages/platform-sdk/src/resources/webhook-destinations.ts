import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import type {
  AutoPagingParams,
  OperationBody,
  OperationQuery,
  OperationResult,
  PageItem,
} from './operation-types'

/** A webhook destination (without its secret). */
export type WebhookDestination = OperationResult<'get-webhook-destination'>
/** One page of webhook destinations. */
export type WebhookDestinationPage = OperationResult<'list-webhook-destinations'>
/** Body of `webhookDestinations.create`. */
export type WebhookDestinationCreateParams = OperationBody<'create-webhook-destination'>
/** A new webhook destination, including its signing secret (shown once). */
export type WebhookDestinationCreated = OperationResult<'create-webhook-destination'>
/** One page of delivery attempts. */
export type WebhookDeliveryPage = OperationResult<'list-webhook-destination-deliveries'>

/** Webhook destinations: where workspace events are delivered, and delivery history. */
export class WebhookDestinationsResource extends APIResource {
  /** Lists webhook destinations, one page (`GET /webhook-destinations`). */
  list(
    params?: OperationQuery<'list-webhook-destinations'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<WebhookDestinationPage>> {
    return this._op('get', 'webhook-destinations', { query: params }, options)
  }

  /** Iterates over every item of `list`, fetching pages as needed. */
  listAutoPaging(
    params?: AutoPagingParams<OperationQuery<'list-webhook-destinations'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'list-webhook-destinations'>>> {
    return this._autoPage((query) => this.list(query, options), params, 20)
  }

  /** Creates a webhook destination; its signing secret is only in this response (`POST /webhook-destinations`). */
  create(
    body: WebhookDestinationCreateParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<WebhookDestinationCreated>> {
    return this._op('post', 'webhook-destinations', { body }, options)
  }

  /** Fetches one webhook destination (`GET /webhook-destinations/{destination_id}`). */
  get(destinationId: string, options?: RequestOptions): Promise<WithResponseMetadata<WebhookDestination>> {
    return this._op('get', 'webhook-destinations/{destination_id}', { path: [destinationId] }, options)
  }

  /** Updates a webhook destination (`PUT /webhook-destinations/{destination_id}`). */
  update(
    destinationId: string,
    body: OperationBody<'update-webhook-destination'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'update-webhook-destination'>>> {
    return this._op('put', 'webhook-destinations/{destination_id}', { path: [destinationId], body }, options)
  }

  /** Deletes a webhook destination (`DELETE /webhook-destinations/{destination_id}`). */
  async delete(destinationId: string, options?: RequestOptions): Promise<void> {
    await this._op('delete', 'webhook-destinations/{destination_id}', { path: [destinationId] }, options)
  }

  /** Delivery attempts of a destination, one page (`GET /webhook-destinations/{destination_id}/deliveries`). */
  listDeliveries(
    destinationId: string,
    params?: OperationQuery<'list-webhook-destination-deliveries'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<WebhookDeliveryPage>> {
    return this._op(
      'get',
      'webhook-destinations/{destination_id}/deliveries',
      { path: [destinationId], query: params },
      options,
    )
  }

  /** Iterates over every item of `listDeliveries`, fetching pages as needed. */
  listDeliveriesAutoPaging(
    destinationId: string,
    params?: AutoPagingParams<OperationQuery<'list-webhook-destination-deliveries'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'list-webhook-destination-deliveries'>>> {
    return this._autoPage((query) => this.listDeliveries(destinationId, query, options), params, 20)
  }

  /** Replaces a destination's signing secret (`POST /webhook-destinations/{destination_id}/rotate-secret`). */
  rotateSecret(
    destinationId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'rotate-webhook-destination-secret'>>> {
    return this._op(
      'post',
      'webhook-destinations/{destination_id}/rotate-secret',
      { path: [destinationId] },
      options,
    )
  }
}
