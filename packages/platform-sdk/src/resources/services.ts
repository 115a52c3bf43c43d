import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import type { Service } from '../types'
import { APIResource } from './base'
import type { AutoPagingParams, OperationBody, OperationQuery, OperationResult } from './operation-types'

/** Query of `services.list`. */
export type ServiceListParams = OperationQuery<'list-services'>
/** One page of services. */
export type ServicePage = OperationResult<'list-services'>
/** Body of `services.create`. */
export type ServiceCreateParams = OperationBody<'create-service'>
/** Body of `services.update`. */
export type ServiceUpdateParams = OperationBody<'update-service'>

/** Services: an agent wired to a context graph and a channel (e.g. a phone number). */
export class ServicesResource extends APIResource {
  /** Lists services, one page. */
  list(params?: ServiceListParams, options?: RequestOptions): Promise<WithResponseMetadata<ServicePage>> {
    return this._op('get', 'services', { query: params }, options)
  }

  /** Iterates over every service. */
  listAutoPaging(
    params?: AutoPagingParams<ServiceListParams>,
    options?: RequestOptions,
  ): AsyncIterableIterator<Service> {
    return this._autoPage((query) => this.list(query, options), params, 20)
  }

  /** Fetches one service. */
  get(serviceId: string, options?: RequestOptions): Promise<WithResponseMetadata<Service>> {
    return this._op('get', 'services/{service_id}', { path: [serviceId] }, options)
  }

  /** Creates a service. */
  create(body: ServiceCreateParams, options?: RequestOptions): Promise<WithResponseMetadata<Service>> {
    return this._op('post', 'services', { body }, options)
  }

  /** Updates a service. */
  update(
    serviceId: string,
    body: ServiceUpdateParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<Service>> {
    return this._op('put', 'services/{service_id}', { path: [serviceId], body }, options)
  }

  /** Deletes a service. */
  async delete(serviceId: string, options?: RequestOptions): Promise<void> {
    await this._op('delete', 'services/{service_id}', { path: [serviceId] }, options)
  }
}
