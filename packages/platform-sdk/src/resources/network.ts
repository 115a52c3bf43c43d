import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import type { OperationResult } from './operation-types'

/** Network facts of the platform (egress IPs to allow-list). */
export class NetworkResource extends APIResource {
  /** IP addresses the platform calls out from (for allow-lists) (`GET /network/egress-ips`). */
  getEgressIps(options?: RequestOptions): Promise<WithResponseMetadata<OperationResult<'get-egress-ips'>>> {
    return this._op('get', 'network/egress-ips', {}, options)
  }
}
