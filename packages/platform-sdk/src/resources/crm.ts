import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import type { AutoPagingParams, OperationQuery, OperationResult, PageItem } from './operation-types'

/** A CRM contact with its details. */
export type CrmContact = OperationResult<'crm-contact-detail'>
/** A CRM company. */
export type CrmCompany = OperationResult<'crm-company-detail'>
/** A CRM deal. */
export type CrmDeal = OperationResult<'crm-deal-detail'>

/** CRM contacts. */
export class CrmContactsResource extends APIResource {
  /** Lists contacts, one page (`GET /crm/contacts`). */
  list(
    params?: OperationQuery<'crm-contact-search'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'crm-contact-search'>>> {
    return this._op('get', 'crm/contacts', { query: params }, options)
  }

  /** Iterates over every item of `contacts.list`, fetching pages as needed (not in the official SDK). */
  listAutoPaging(
    params?: AutoPagingParams<OperationQuery<'crm-contact-search'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'crm-contact-search'>, 'contacts'>> {
    return this._autoPage((query) => this.list(query, options), params, 100, 'contacts')
  }

  /** Fetches one contact (`GET /crm/contacts/{contact_id}`). */
  get(contactId: string, options?: RequestOptions): Promise<WithResponseMetadata<CrmContact>> {
    return this._op('get', 'crm/contacts/{contact_id}', { path: [contactId] }, options)
  }

  /** Activity timeline of a CRM contact, one page (`GET /crm/contacts/{contact_id}/timeline`); `params` goes beyond the official SDK, which sends no query here. */
  getTimeline(
    contactId: string,
    params?: OperationQuery<'crm-contact-timeline'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'crm-contact-timeline'>>> {
    return this._op(
      'get',
      'crm/contacts/{contact_id}/timeline',
      { path: [contactId], query: params },
      options,
    )
  }

  /** Iterates over every item of `contacts.getTimeline`, fetching pages as needed (not in the official SDK). */
  getTimelineAutoPaging(
    contactId: string,
    params?: AutoPagingParams<OperationQuery<'crm-contact-timeline'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'crm-contact-timeline'>, 'activities'>> {
    return this._autoPage(
      (query) => this.getTimeline(contactId, query, options),
      params,
      200,
      'activities',
      true,
    )
  }
}

/** CRM companies. */
export class CrmCompaniesResource extends APIResource {
  /** Lists companies, one page (`GET /crm/companies`). */
  list(
    params?: OperationQuery<'crm-company-search'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'crm-company-search'>>> {
    return this._op('get', 'crm/companies', { query: params }, options)
  }

  /** Iterates over every item of `companies.list`, fetching pages as needed (not in the official SDK). */
  listAutoPaging(
    params?: AutoPagingParams<OperationQuery<'crm-company-search'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'crm-company-search'>, 'companies'>> {
    return this._autoPage((query) => this.list(query, options), params, 100, 'companies')
  }

  /** Fetches one company (`GET /crm/companies/{company_id}`). */
  get(companyId: string, options?: RequestOptions): Promise<WithResponseMetadata<CrmCompany>> {
    return this._op('get', 'crm/companies/{company_id}', { path: [companyId] }, options)
  }
}

/** CRM deals. */
export class CrmDealsResource extends APIResource {
  /** Lists deals, one page (`GET /crm/deals`). */
  list(
    params?: OperationQuery<'crm-deal-search'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'crm-deal-search'>>> {
    return this._op('get', 'crm/deals', { query: params }, options)
  }

  /** Iterates over every item of `deals.list`, fetching pages as needed (not in the official SDK). */
  listAutoPaging(
    params?: AutoPagingParams<OperationQuery<'crm-deal-search'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'crm-deal-search'>, 'deals'>> {
    return this._autoPage((query) => this.list(query, options), params, 100, 'deals')
  }

  /** Fetches one deal (`GET /crm/deals/{deal_id}`). */
  get(dealId: string, options?: RequestOptions): Promise<WithResponseMetadata<CrmDeal>> {
    return this._op('get', 'crm/deals/{deal_id}', { path: [dealId] }, options)
  }

  /** Deals grouped by pipeline stage (`GET /crm/deals/pipeline`). */
  getPipeline(options?: RequestOptions): Promise<WithResponseMetadata<OperationResult<'crm-deal-pipeline'>>> {
    return this._op('get', 'crm/deals/pipeline', {}, options)
  }
}

/** CRM: contacts, companies and deals synced from the connected CRM. */
export class CrmResource extends APIResource {
  /** CRM contacts. */
  get contacts(): CrmContactsResource {
    return this._sub(CrmContactsResource)
  }

  /** CRM companies. */
  get companies(): CrmCompaniesResource {
    return this._sub(CrmCompaniesResource)
  }

  /** CRM deals. */
  get deals(): CrmDealsResource {
    return this._sub(CrmDealsResource)
  }

  /** Connection status of the CRM (`GET /crm/status`). */
  getStatus(options?: RequestOptions): Promise<WithResponseMetadata<OperationResult<'crm-status'>>> {
    return this._op('get', 'crm/status', {}, options)
  }
}
