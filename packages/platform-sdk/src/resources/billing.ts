import type { RequestOptions, WithResponseMeta } from '@amigo-ai/core'
import type { Invoice } from '../types'
import { APIResource, type WithMeta } from './base'
import type { AutoPagingParams, OperationQuery, OperationResult } from './operation-types'

/** Result of `billing.getDashboard`. */
export type BillingDashboard = OperationResult<'get-billing-dashboard'>
/** Result of `billing.getUsage`. */
export type BillingUsage = OperationResult<'get-billing-usage'>
/** Query of `billing.listInvoices`. */
export type InvoiceListParams = OperationQuery<'list-billing-invoices'>
/** One page of invoices. */
export type InvoicePage = OperationResult<'list-billing-invoices'>

/** Billing: usage, invoices and their PDFs. */
export class BillingResource extends APIResource {
  /** Billing overview of the workspace. */
  getDashboard(options?: RequestOptions): Promise<WithResponseMeta<BillingDashboard>> {
    return this._request('get', '/v1/{workspace_id}/billing/dashboard', {}, options)
  }

  /** Current usage of the workspace. */
  getUsage(options?: RequestOptions): Promise<WithResponseMeta<BillingUsage>> {
    return this._request('get', '/v1/{workspace_id}/billing/usage', {}, options)
  }

  /** Lists invoices, one page. */
  listInvoices(params?: InvoiceListParams, options?: RequestOptions): Promise<WithResponseMeta<InvoicePage>> {
    return this._request('get', '/v1/{workspace_id}/billing/invoices', { query: params }, options)
  }

  /** Iterates over every invoice. */
  listInvoicesAutoPaging(
    params?: AutoPagingParams<InvoiceListParams>,
    options?: RequestOptions,
  ): AsyncIterableIterator<Invoice> {
    return this._autoPage(
      'get',
      '/v1/{workspace_id}/billing/invoices',
      { query: params },
      { maxPageSize: 20 },
      options,
    )
  }

  /** Downloads an invoice as PDF bytes. */
  async getInvoicePdf(invoiceId: string, options?: RequestOptions): Promise<WithResponseMeta<Uint8Array>> {
    const result = await this._request(
      'get',
      '/v1/{workspace_id}/billing/invoices/{invoice_id}/pdf',
      { path: { invoice_id: invoiceId }, transport: { parseAs: 'arrayBuffer', accept: 'application/pdf' } },
      options,
    )
    return asBytes(result)
  }

  /** Fetches the usage trends (`GET /billing/usage/trends`). */
  getUsageTrends(
    params?: OperationQuery<'get-billing-usage-trends'>,
    options?: RequestOptions,
  ): Promise<WithMeta<OperationResult<'get-billing-usage-trends'>>> {
    return this._request('get', '/v1/{workspace_id}/billing/usage/trends', { query: params }, options)
  }

  /** Fetches the invoice (`GET /billing/invoices/{invoice_id}`). */
  getInvoice(
    invoiceId: string,
    options?: RequestOptions,
  ): Promise<WithMeta<OperationResult<'get-billing-invoice'>>> {
    return this._request(
      'get',
      '/v1/{workspace_id}/billing/invoices/{invoice_id}',
      { path: { invoice_id: invoiceId } },
      options,
    )
  }
}

/** Wraps the ArrayBuffer the transport read in a Uint8Array, keeping the response metadata. */
function asBytes(result: unknown): WithResponseMeta<Uint8Array> {
  const buffer = result instanceof ArrayBuffer ? result : new ArrayBuffer(0)
  const bytes = new Uint8Array(buffer)
  const meta = result as Partial<WithResponseMeta<object>>
  Object.defineProperty(bytes, '_request_id', { value: meta._request_id, enumerable: false })
  Object.defineProperty(bytes, 'lastResponse', { value: meta.lastResponse, enumerable: false })
  return bytes as WithResponseMeta<Uint8Array>
}
