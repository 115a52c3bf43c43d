import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import type {
  AutoPagingParams,
  OperationBody,
  OperationQuery,
  OperationResult,
  PageItem,
} from './operation-types'

/** Query of `apiKeys.list`. */
export type ApiKeyListParams = OperationQuery<'list-api-keys'>
/** One page of API keys. */
export type ApiKeyPage = OperationResult<'list-api-keys'>
/** Body of `apiKeys.create`. */
export type ApiKeyCreateParams = OperationBody<'create-api-key'>
/** A new or rotated API key, including its secret (shown once). */
export type CreatedApiKey = OperationResult<'create-api-key'>
/** What the current API key is (`apiKeys.me`). */
export type AuthInfo = OperationResult<'get-auth-info'>

/** API keys of the workspace, and what the current key may do. */
export class ApiKeysResource extends APIResource {
  /** What the current API key is: its id, name, workspace and expiry (`GET /v1/auth/me`). */
  me(options?: RequestOptions): Promise<WithResponseMetadata<AuthInfo>> {
    return this._op('get', '/v1/auth/me', {}, options)
  }

  /** Creates an API key; the secret is only in this response (`POST /api-keys`). */
  create(body: ApiKeyCreateParams, options?: RequestOptions): Promise<WithResponseMetadata<CreatedApiKey>> {
    return this._op('post', 'api-keys', { body }, options)
  }

  /** Lists api keys, one page (`GET /api-keys`). */
  list(params?: ApiKeyListParams, options?: RequestOptions): Promise<WithResponseMetadata<ApiKeyPage>> {
    return this._op('get', 'api-keys', { query: params }, options)
  }

  /** Iterates over every item of `list`, fetching pages as needed. */
  listAutoPaging(
    params?: AutoPagingParams<OperationQuery<'list-api-keys'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'list-api-keys'>>> {
    return this._autoPage((query) => this.list(query, options), params, 20)
  }

  /** Revokes an API key (`DELETE /api-keys/{key_id}`). */
  async revoke(keyId: string, options?: RequestOptions): Promise<void> {
    await this._op('delete', 'api-keys/{key_id}', { path: [keyId] }, options)
  }

  /** Replaces an API key's secret; the new secret is only in this response (`POST /api-keys/{key_id}/rotate`). */
  rotate(
    keyId: string,
    body: OperationBody<'rotate-api-key'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'rotate-api-key'>>> {
    return this._op('post', 'api-keys/{key_id}/rotate', { path: [keyId], body }, options)
  }
}
