import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import type { Surface } from '../types'
import { APIResource } from './base'
import type {
  AutoPagingParams,
  OperationBody,
  OperationQuery,
  OperationResult,
  PageItem,
} from './operation-types'

/** Query of `surfaces.list`. */
export type SurfaceListParams = OperationQuery<'list-surfaces'>
/** One page of surfaces. */
export type SurfacePage = OperationResult<'list-surfaces'>
/** Body of `surfaces.create`. */
export type SurfaceCreateParams = OperationBody<'create-surface'>
/** Result of `surfaces.create` (includes the patient-facing `url`). */
export type SurfaceCreated = OperationResult<'create-surface'>
/** Body of `surfaces.deliver`. */
export type SurfaceDeliverParams = OperationBody<'deliver-surface'>
/** Result of `surfaces.deliver`. */
export type SurfaceDelivery = OperationResult<'deliver-surface'>

/** Surfaces: patient-facing forms delivered by SMS, email and other channels. */
export class SurfacesResource extends APIResource {
  /** Creates a surface (a form spec for one entity). */
  create(body: SurfaceCreateParams, options?: RequestOptions): Promise<WithResponseMetadata<SurfaceCreated>> {
    return this._op('post', 'surfaces', { body }, options)
  }

  /** Fetches one surface. */
  get(surfaceId: string, options?: RequestOptions): Promise<WithResponseMetadata<Surface>> {
    return this._op('get', 'surfaces/{surface_id}', { path: [surfaceId] }, options)
  }

  /** Lists surfaces, one page. */
  list(params?: SurfaceListParams, options?: RequestOptions): Promise<WithResponseMetadata<SurfacePage>> {
    return this._op('get', 'surfaces', { query: params }, options)
  }

  /** Iterates over every matching surface. */
  listAutoPaging(
    params?: AutoPagingParams<SurfaceListParams>,
    options?: RequestOptions,
  ): AsyncIterableIterator<Surface> {
    return this._autoPage((query) => this.list(query, options), params, 20)
  }

  /** Sends a surface's link to the recipient over its channel. */
  deliver(
    surfaceId: string,
    body: SurfaceDeliverParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<SurfaceDelivery>> {
    return this._op('post', 'surfaces/{surface_id}/deliver', { path: [surfaceId], body }, options)
  }

  /** Surfaces waiting for review, one page (`GET /surfaces/review`). */
  listForReview(
    params?: OperationQuery<'list-surface-review-queue'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'list-surface-review-queue'>>> {
    return this._op('get', 'surfaces/review', { query: params }, options)
  }

  /** Iterates over every item of `listForReview`, fetching pages as needed (not in the official SDK). */
  listForReviewAutoPaging(
    params?: AutoPagingParams<OperationQuery<'list-surface-review-queue'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'list-surface-review-queue'>>> {
    return this._autoPage((query) => this.listForReview(query, options), params, 20)
  }

  /** Updates a surface (`PATCH /surfaces/{surface_id}`). */
  update(
    surfaceId: string,
    body: OperationBody<'update-surface'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'update-surface'>>> {
    return this._op('patch', 'surfaces/{surface_id}', { path: [surfaceId], body }, options)
  }

  /** Archives a surface (`DELETE /surfaces/{surface_id}`). */
  archive(
    surfaceId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'archive-surface'>>> {
    return this._op('delete', 'surfaces/{surface_id}', { path: [surfaceId] }, options)
  }

  /** How far a patient got through a surface (`GET /surfaces/{surface_id}/progress`). */
  getProgress(
    surfaceId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-surface-progress'>>> {
    return this._op('get', 'surfaces/{surface_id}/progress', { path: [surfaceId] }, options)
  }

  /** Approves a submitted surface (`POST /surfaces/{surface_id}/approve`). */
  approve(
    surfaceId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'approve-surface'>>> {
    return this._op('post', 'surfaces/{surface_id}/approve', { path: [surfaceId] }, options)
  }

  /** Rejects a submitted surface (`POST /surfaces/{surface_id}/reject`). */
  reject(
    surfaceId: string,
    body: OperationBody<'reject-surface'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'reject-surface'>>> {
    return this._op('post', 'surfaces/{surface_id}/reject', { path: [surfaceId], body }, options)
  }

  /** Regenerates a surface's fields (`POST /surfaces/{surface_id}/reshape`). */
  reshape(
    surfaceId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'reshape-surface'>>> {
    return this._op('post', 'surfaces/{surface_id}/reshape', { path: [surfaceId] }, options)
  }
}
