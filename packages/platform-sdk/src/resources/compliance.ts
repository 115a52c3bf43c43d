import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import type { OperationQuery, OperationResult } from './operation-types'

/** Query of `compliance.getHipaa`. */
export type HipaaReportParams = OperationQuery<'get-hipaa-report'>
/** Result of `compliance.getHipaa`. */
export type HipaaReport = OperationResult<'get-hipaa-report'>

/** Compliance reports. */
export class ComplianceResource extends APIResource {
  /** The workspace's HIPAA report. */
  getHipaa(params?: HipaaReportParams, options?: RequestOptions): Promise<WithResponseMetadata<HipaaReport>> {
    return this._op('get', 'compliance/hipaa', { query: params }, options)
  }

  /** Compliance overview of the workspace (`GET /compliance/dashboard`). */
  getDashboard(
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-compliance-dashboard'>>> {
    return this._op('get', 'compliance/dashboard', {}, options)
  }

  /** Who has access to what, for periodic access reviews (`GET /compliance/access-review`). */
  getAccessReview(
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'get-access-review'>>> {
    return this._op('get', 'compliance/access-review', {}, options)
  }
}
