import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import type { Invoice } from '../types'
import { APIResource } from './base'
import { bytesOrJson } from './binary'
import type { AutoPagingParams, OperationQuery, OperationResult } from './operation-types'

/** Result of `billing.getDashboard`. */
export type BillingDashboard = OperationResult<'get-billing-dashboard'>
/** Result of `billing.getUsage`. */
export type BillingUsage = OperationResult<'get-billing-usage'>
/** The download link `billing.getInvoicePdf` returns (spec: an object). */
export type InvoicePdfLink = OperationResult<'get-billing-invoice-pdf'>
/** What `billing.getInvoicePdf` resolves to: the download link, or the PDF bytes when streamed. */
export type InvoicePdf = InvoicePdfLink | Uint8Array
/** Query of `billing.listInvoices`. */
export type InvoiceListParams = OperationQuery<'list-billing-invoices'>
/** One page of invoices. */
export type InvoicePage = OperationResult<'list-billing-invoices'>

/** Billing: usage, invoices and their PDFs. */
export class BillingResource extends APIResource {
  /** Billing overview of the workspace. */
  getDashboard(options?: RequestOptions): Promise<WithResponseMetadata<BillingDashboard>> {
    return this._op('get', 'billing/dashboard', {}, options)
  }

  /** Current usage of the workspace. */
  getUsage(options?: RequestOptions): Promise<WithResponseMetadata<BillingUsage>> {
    return this._op('get', 'billing/usage', {}, options)
  }

  /** Lists invoices, one page. */
  listInvoices(
    params?: InvoiceListParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<InvoicePage>> {
    return this._op('get', 'billing/invoices', { query: params }, options)
  }

  /** Iterates over every invoice. */
  listInvoicesAutoPaging(
    params?: AutoPagingParams<InvoiceListParams>,
    options?: RequestOptions,
  ): AsyncIterableIterator<Invoice> {
    return this._autoPage((query) => this.listInvoices(query, options), params, 20)
  }

  /**
   * Fetches an invoice's PDF. The API answers with a JSON download link (`{ url, expires_in }`),
   * which is returned parsed; a server that streams the document itself (`application/pdf`) yields
   * its bytes as a `Uint8Array`. Both carry the response metadata.
   */
  async getInvoicePdf(
    invoiceId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<InvoicePdf>> {
    const result = await this._op(
      'get',
      'billing/invoices/{invoice_id}/pdf',
      {
        path: [invoiceId],
        transport: { parseAs: 'arrayBuffer', accept: 'application/json, application/pdf' },
      },
      options,
    )
    return bytesOrJson<InvoicePdfLink>(result) as WithResponseMetadata<InvoicePdf>
  }

  /** Usage per day for a period, optionally for one meter (`GET /billing/usage/trends`). */
  getUsageTrends(
    params?: OperationQuery<'get-billing-usage-trends'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-billing-usage-trends'>>> {
    return this._op('get', 'billing/usage/trends', { query: params }, options)
  }

  /** Fetches one invoice (`GET /billing/invoices/{invoice_id}`). */
  getInvoice(
    invoiceId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-billing-invoice'>>> {
    return this._op('get', 'billing/invoices/{invoice_id}', { path: [invoiceId] }, options)
  }
}
