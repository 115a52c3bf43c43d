import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import type { AuditEvent } from '../types'
import { APIResource } from './base'
import type {
  AutoPagingParams,
  OperationBody,
  OperationQuery,
  OperationResult,
  PageItem,
} from './operation-types'

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

/**
 * An audit page with `items` beside the API's `events` (the same array). A body that is not a page
 * (`null`, an empty answer) comes back as it came, as from every other list.
 */
const withItems = <P extends { events: unknown }>(page: P): P & { items: P['events'] } =>
  page && Object.assign(page, { items: page.events })

/** The audit log: who did what, and when. */
export class AuditResource extends APIResource {
  /** Lists audit events, one page (`items` and `events` hold the same array). */
  list(
    params?: AuditEventListParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<AuditEventPage>> {
    return this._op('get', 'audit', { query: params }, options).then(withItems)
  }

  /** Iterates over every matching audit event (the page has no next offset; the offset advances by page size). */
  listAutoPaging(
    params?: AutoPagingParams<AuditEventListParams>,
    options?: RequestOptions,
  ): AsyncIterableIterator<AuditEvent> {
    return this._autoPage((query) => this.list(query, options), params, 100, 'events', true)
  }

  /** Summary counts over a period. */
  getSummary(
    params?: AuditSummaryParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<AuditSummary>> {
    return this._op('get', 'audit/summary', { query: params }, options)
  }

  /** Starts an export of the audit log for a date range. */
  createExport(
    body: AuditExportParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<AuditExport>> {
    return this._op('post', 'audit/export', { body }, options)
  }

  /** PHI access report, one page (`events`, also exposed as `items`). */
  getPhiAccess(
    params?: OperationQuery<'get-phi-access-report'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<AuditEventPage>> {
    return this._op('get', 'audit/phi-access', { query: params }, options).then(withItems)
  }

  /** Iterates over every item of `getPhiAccess`, fetching pages as needed. */
  getPhiAccessAutoPaging(
    params?: AutoPagingParams<OperationQuery<'get-phi-access-report'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'get-phi-access-report'>, 'events'>> {
    return this._autoPage((query) => this.getPhiAccess(query, options), params, 100, 'events', true)
  }

  /** Lists exports, one page (`GET /audit/exports`); `params` goes beyond the official SDK, which sends no query here. */
  listExports(
    params?: OperationQuery<'list-audit-exports'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'list-audit-exports'>>> {
    return this._op('get', 'audit/exports', { query: params }, options)
  }

  /** Access log of one entity, one page (`events`, also exposed as `items`). */
  getEntityAccessLog(
    entityId: string,
    params?: OperationQuery<'get-entity-access-log'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<AuditEventPage>> {
    return this._op(
      'get',
      'audit/entity/{entity_id}/access-log',
      { path: [entityId], query: params },
      options,
    ).then(withItems)
  }

  /** Iterates over every item of `getEntityAccessLog`, fetching pages as needed. */
  getEntityAccessLogAutoPaging(
    entityId: string,
    params?: AutoPagingParams<OperationQuery<'get-entity-access-log'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'get-entity-access-log'>, 'events'>> {
    return this._autoPage(
      (query) => this.getEntityAccessLog(entityId, query, options),
      params,
      100,
      'events',
      true,
    )
  }
}
