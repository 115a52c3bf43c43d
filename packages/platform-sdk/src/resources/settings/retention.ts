import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from '../base'
import type { OperationBody, OperationResult } from '../operation-types'

/** The workspace's data retention policy. */
export type RetentionPolicy = OperationResult<'get-retention-policy'>
/** Body of `settings.retention.update`. */
export type RetentionPolicyUpdateParams = OperationBody<'update-retention-policy'>

/** Data retention policy of the workspace. */
export class RetentionPolicyResource extends APIResource {
  /** Reads the data retention policy. */
  get(options?: RequestOptions): Promise<WithResponseMetadata<RetentionPolicy>> {
    return this._op('get', 'settings/retention', {}, options)
  }

  /** Replaces the data retention policy. */
  update(
    body: RetentionPolicyUpdateParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<RetentionPolicy>> {
    return this._op('put', 'settings/retention', { body }, options)
  }
}
