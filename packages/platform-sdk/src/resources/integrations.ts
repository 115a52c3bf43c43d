import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import type { Integration } from '../types'
import { APIResource } from './base'
import type { AutoPagingParams, OperationBody, OperationQuery, OperationResult } from './operation-types'

/** Query of `integrations.list`. */
export type IntegrationListParams = OperationQuery<'list-integrations'>
/** One page of integrations. */
export type IntegrationPage = OperationResult<'list-integrations'>
/** Body of `integrations.testEndpoint`. */
export type IntegrationEndpointTestParams = OperationBody<'test-integration-endpoint'>
/** Result of `integrations.testEndpoint`. */
export type IntegrationEndpointTestResult = OperationResult<'test-integration-endpoint'>

/**
 * The transport switches of a call whose body may carry an integration's `auth`, which holds the
 * external system's credentials inline in its `*_value` fields (`api_key_value: { value }`, ...).
 * Naming them as the call's `secret` keeps them out of its errors (a 422 quotes the invalid part of
 * what was sent in its `input`), and hooks get the request without its body.
 */
const secretsIn = (body: { auth?: object | null } | undefined) => ({
  secret: Object.entries(body?.auth ?? {}).flatMap(([key, field]) => {
    // A plain string where the `{ value }` belongs is sent as well, and a 422 would quote it.
    const value = typeof field === 'string' ? field : field?.value
    return key.endsWith('_value') && typeof value === 'string' ? [value] : []
  }),
})

/** Integrations: external APIs an agent can call through declared endpoints. */
export class IntegrationsResource extends APIResource {
  /** Lists integrations, one page. */
  list(
    params?: IntegrationListParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<IntegrationPage>> {
    return this._op('get', 'integrations', { query: params }, options)
  }

  /** Iterates over every integration. */
  listAutoPaging(
    params?: AutoPagingParams<IntegrationListParams>,
    options?: RequestOptions,
  ): AsyncIterableIterator<Integration> {
    return this._autoPage((query) => this.list(query, options), params, 20)
  }

  /** Fetches one integration. */
  get(integrationId: string, options?: RequestOptions): Promise<WithResponseMetadata<Integration>> {
    return this._op('get', 'integrations/{integration_id}', { path: [integrationId] }, options)
  }

  /** Calls one endpoint of an integration with sample input. */
  testEndpoint(
    integrationId: string,
    endpointName: string,
    body: IntegrationEndpointTestParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<IntegrationEndpointTestResult>> {
    return this._op(
      'post',
      'integrations/{integration_id}/endpoints/{endpoint_name}/test',
      { path: [integrationId, endpointName], body },
      options,
    )
  }

  /**
   * Creates an integration (`POST /integrations`). The `*_value` credentials of its `auth` are kept
   * out of errors, and hooks see the request without its body.
   */
  create(
    body: OperationBody<'create-integration'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'create-integration'>>> {
    return this._op('post', 'integrations', { body, transport: secretsIn(body) }, options)
  }

  /**
   * Updates an integration (`PUT /integrations/{integration_id}`). The `*_value` credentials of its
   * `auth` are kept out of errors, and hooks see the request without its body.
   */
  update(
    integrationId: string,
    body: OperationBody<'update-integration'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'update-integration'>>> {
    return this._op(
      'put',
      'integrations/{integration_id}',
      { path: [integrationId], body, transport: secretsIn(body) },
      options,
    )
  }

  /** Deletes an integration (`DELETE /integrations/{integration_id}`). */
  async delete(integrationId: string, options?: RequestOptions): Promise<void> {
    await this._op('delete', 'integrations/{integration_id}', { path: [integrationId] }, options)
  }

  /** Checks that an integration can reach its system (`POST /integrations/{integration_id}/test-connection`). */
  testConnection(
    integrationId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'test-integration-connection'>>> {
    return this._op(
      'post',
      'integrations/{integration_id}/test-connection',
      { path: [integrationId] },
      options,
    )
  }

  /** Health of every integration (`GET /integrations/health-check`). */
  getHealthCheck(
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'integration-health-check'>>> {
    return this._op('get', 'integrations/health-check', {}, options)
  }
}
