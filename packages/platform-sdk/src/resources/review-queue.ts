import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import type { ReviewItem } from '../types'
import { APIResource } from './base'
import type {
  AutoPagingParams,
  OperationBody,
  OperationQuery,
  OperationResult,
  PageItem,
} from './operation-types'

/** Query of `reviewQueue.list`. */
export type ReviewItemListParams = OperationQuery<'list_review_items_v1__workspace_id__review_queue_get'>
/** One page of review items. */
export type ReviewItemPage = OperationResult<'list_review_items_v1__workspace_id__review_queue_get'>
/** Result of `reviewQueue.getStats`. */
export type ReviewStats = OperationResult<'review_stats_v1__workspace_id__review_queue_stats_get'>
/** Result of `reviewQueue.getDashboard`. */
export type ReviewDashboard = OperationResult<'review_dashboard_v1__workspace_id__review_queue_dashboard_get'>
/** Result of `reviewQueue.claim`. */
export type ReviewClaim =
  OperationResult<'claim_review_item_v1__workspace_id__review_queue__item_id__claim_post'>
/** Body of `reviewQueue.approve`. */
export type ReviewApproveParams =
  OperationBody<'approve_review_item_v1__workspace_id__review_queue__item_id__approve_post'>
/** Body of `reviewQueue.reject`. */
export type ReviewRejectParams =
  OperationBody<'reject_review_item_v1__workspace_id__review_queue__item_id__reject_post'>
/** Body of `reviewQueue.correct`. */
export type ReviewCorrectParams =
  OperationBody<'correct_review_item_v1__workspace_id__review_queue__item_id__correct_post'>
/** Body of `reviewQueue.batchApprove`. */
export type ReviewBatchApproveParams =
  OperationBody<'batch_approve_v1__workspace_id__review_queue_batch_approve_post'>
/** Result of `reviewQueue.batchApprove`. */
export type ReviewBatchResult =
  OperationResult<'batch_approve_v1__workspace_id__review_queue_batch_approve_post'>

/** The review queue: extracted data waiting for a human to approve, reject or correct it. */
export class ReviewQueueResource extends APIResource {
  /** Lists review items, one page. */
  list(
    params?: ReviewItemListParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<ReviewItemPage>> {
    return this._op('get', 'review-queue', { query: params }, options)
  }

  /** Iterates over every matching review item. */
  listAutoPaging(
    params?: AutoPagingParams<ReviewItemListParams>,
    options?: RequestOptions,
  ): AsyncIterableIterator<ReviewItem> {
    return this._autoPage((query) => this.list(query, options), params, 20)
  }

  /** Fetches one review item. */
  get(itemId: string, options?: RequestOptions): Promise<WithResponseMetadata<ReviewItem>> {
    return this._op('get', 'review-queue/{item_id}', { path: [itemId] }, options)
  }

  /** Queue statistics. */
  getStats(options?: RequestOptions): Promise<WithResponseMetadata<ReviewStats>> {
    return this._op('get', 'review-queue/stats', {}, options)
  }

  /** Review dashboard. */
  getDashboard(options?: RequestOptions): Promise<WithResponseMetadata<ReviewDashboard>> {
    return this._op('get', 'review-queue/dashboard', {}, options)
  }

  /** Claims an item for the caller. */
  claim(itemId: string, options?: RequestOptions): Promise<WithResponseMetadata<ReviewClaim>> {
    return this._op('post', 'review-queue/{item_id}/claim', { path: [itemId] }, options)
  }

  /** Approves an item. */
  approve(
    itemId: string,
    body: ReviewApproveParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<ReviewItem>> {
    return this._op('post', 'review-queue/{item_id}/approve', { path: [itemId], body }, options)
  }

  /** Rejects an item with a reason. */
  reject(
    itemId: string,
    body: ReviewRejectParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<ReviewItem>> {
    return this._op('post', 'review-queue/{item_id}/reject', { path: [itemId], body }, options)
  }

  /** Corrects an item's data and approves it. */
  correct(
    itemId: string,
    body: ReviewCorrectParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<ReviewItem>> {
    return this._op('post', 'review-queue/{item_id}/correct', { path: [itemId], body }, options)
  }

  /** Approves several items at once. */
  batchApprove(
    body: ReviewBatchApproveParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<ReviewBatchResult>> {
    return this._op('post', 'review-queue/batch-approve', { body }, options)
  }

  /** Items assigned to the caller, one page (`GET /review-queue/my-queue`). */
  getMyQueue(
    params?: OperationQuery<'my_queue_v1__workspace_id__review_queue_my_queue_get'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'my_queue_v1__workspace_id__review_queue_my_queue_get'>>> {
    return this._op('get', 'review-queue/my-queue', { query: params }, options)
  }

  /** Iterates over every item of `getMyQueue`, fetching pages as needed. */
  getMyQueueAutoPaging(
    params?: AutoPagingParams<OperationQuery<'my_queue_v1__workspace_id__review_queue_my_queue_get'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<
    PageItem<OperationResult<'my_queue_v1__workspace_id__review_queue_my_queue_get'>>
  > {
    return this._autoPage((query) => this.getMyQueue(query, options), params, 20)
  }

  /** Releases a claimed review item (`POST /review-queue/{item_id}/unclaim`). */
  unclaim(
    itemId: string,
    options?: RequestOptions,
  ): Promise<
    WithResponseMetadata<
      OperationResult<'unclaim_review_item_v1__workspace_id__review_queue__item_id__unclaim_post'>
    >
  > {
    return this._op('post', 'review-queue/{item_id}/unclaim', { path: [itemId] }, options)
  }

  /** Rejects several review items at once (`POST /review-queue/batch-reject`). */
  batchReject(
    body: OperationBody<'batch_reject_v1__workspace_id__review_queue_batch_reject_post'>,
    options?: RequestOptions,
  ): Promise<
    WithResponseMetadata<OperationResult<'batch_reject_v1__workspace_id__review_queue_batch_reject_post'>>
  > {
    return this._op('post', 'review-queue/batch-reject', { body }, options)
  }

  /** Completed reviews, one page (`GET /review-queue/history`). */
  getHistory(
    params?: OperationQuery<'review_history_v1__workspace_id__review_queue_history_get'>,
    options?: RequestOptions,
  ): Promise<
    WithResponseMetadata<OperationResult<'review_history_v1__workspace_id__review_queue_history_get'>>
  > {
    return this._op('get', 'review-queue/history', { query: params }, options)
  }

  /** Iterates over every item of `getHistory`, fetching pages as needed. */
  getHistoryAutoPaging(
    params?: AutoPagingParams<OperationQuery<'review_history_v1__workspace_id__review_queue_history_get'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<
    PageItem<OperationResult<'review_history_v1__workspace_id__review_queue_history_get'>>
  > {
    return this._autoPage((query) => this.getHistory(query, options), params, 20)
  }

  /** Review volume trends (`GET /review-queue/trends`). */
  getTrends(
    params?: OperationQuery<'review_trends_v1__workspace_id__review_queue_trends_get'>,
    options?: RequestOptions,
  ): Promise<
    WithResponseMetadata<OperationResult<'review_trends_v1__workspace_id__review_queue_trends_get'>>
  > {
    return this._op('get', 'review-queue/trends', { query: params }, options)
  }

  /** Reviewer performance (`GET /review-queue/performance`). */
  getPerformance(
    params?: OperationQuery<'reviewer_performance_v1__workspace_id__review_queue_performance_get'>,
    options?: RequestOptions,
  ): Promise<
    WithResponseMetadata<
      OperationResult<'reviewer_performance_v1__workspace_id__review_queue_performance_get'>
    >
  > {
    return this._op('get', 'review-queue/performance', { query: params }, options)
  }

  /** The fields a correction of this item may set (`GET /review-queue/{item_id}/correction-schema`). */
  getCorrectionSchema(
    itemId: string,
    options?: RequestOptions,
  ): Promise<
    WithResponseMetadata<
      OperationResult<'get_correction_schema_v1__workspace_id__review_queue__item_id__correction_schema_get'>
    >
  > {
    return this._op('get', 'review-queue/{item_id}/correction-schema', { path: [itemId] }, options)
  }

  /** What a review item would change (`GET /review-queue/{item_id}/diff`). */
  getDiff(
    itemId: string,
    options?: RequestOptions,
  ): Promise<
    WithResponseMetadata<OperationResult<'get_review_diff_v1__workspace_id__review_queue__item_id__diff_get'>>
  > {
    return this._op('get', 'review-queue/{item_id}/diff', { path: [itemId] }, options)
  }
}
