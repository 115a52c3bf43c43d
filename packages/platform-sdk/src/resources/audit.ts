import type { RequestOptions, WithResponseMeta } from '@amigo-ai/core'
import type { AuditEvent } from '../types'
import { APIResource } from './base'
import type { AutoPagingParams, OperationBody, OperationQuery, OperationResult } from './operation-types'

/** Query of `audit.list`. */
export type AuditEventListParams = OperationQuery<'list-audit-events'>
/**
 * One page of audit events. The API names the array `events`; the SDK also exposes it as `items`,
 * like every other list.
 */
export type AuditEventPage = OperationResult<'list-audit-events'> & { items: AuditEvent[] }
/** Query of `audit.getSummary`. */
export type AuditSummaryParams = OperationQuery<'get-audit-summary'>
/** Result of `audit.getSummary`. */
export type AuditSummary = OperationResult<'get-audit-summary'>
/** Body of `audit.createExport`. */
export type AuditExportParams = OperationBody<'create-audit-export'>
/** Result of `audit.createExport`. */
export type AuditExport = OperationResult<'create-audit-export'>

/** The audit log: who did what, and when. */
export class AuditResource extends APIResource {
  /** Lists audit events, one page (`items` and `events` hold the same array). */
  async list(
    params?: AuditEventListParams,
    options?: RequestOptions,
  ): Promise<WithResponseMeta<AuditEventPage>> {
    const page = await this._request('get', '/v1/{workspace_id}/audit', { query: params }, options)
    return Object.assign(page, { items: page.events })
  }

  /** Iterates over every matching audit event (the page has no next offset; the offset advances by page size). */
  listAutoPaging(
    params?: AutoPagingParams<AuditEventListParams>,
    options?: RequestOptions,
  ): AsyncIterableIterator<AuditEvent> {
    return this._autoPage(
      'get',
      '/v1/{workspace_id}/audit',
      { query: params },
      { maxPageSize: 100, itemsKey: 'events' },
      options,
    )
  }

  /** Summary counts over a period. */
  getSummary(params?: AuditSummaryParams, options?: RequestOptions): Promise<WithResponseMeta<AuditSummary>> {
    return this._request('get', '/v1/{workspace_id}/audit/summary', { query: params }, options)
  }

  /** Starts an export of the audit log for a date range. */
  createExport(body: AuditExportParams, options?: RequestOptions): Promise<WithResponseMeta<AuditExport>> {
    return this._request('post', '/v1/{workspace_id}/audit/export', { body }, options)
  }
}
