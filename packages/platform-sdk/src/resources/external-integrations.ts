import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import type { ExternalIntegration } from '../types'
import { APIResource } from './base'
import type { AutoPagingParams, OperationBody, OperationQuery, OperationResult } from './operation-types'

/** Query of `externalIntegrations.list` (`limit`, `continuation_token`, `search`). */
export type ExternalIntegrationListParams = OperationQuery<'list-external-integrations'>
/** One page of external integrations. */
export type ExternalIntegrationPage = OperationResult<'list-external-integrations'>
/** Body of `externalIntegrations.create`. */
export type ExternalIntegrationCreateParams = OperationBody<'create-external-integration'>
/** Body of `externalIntegrations.update`. */
export type ExternalIntegrationUpdateParams = OperationBody<'update-external-integration'>
/** Every credential of an integration, as one array (never includes secrets). */
export type ExternalIntegrationCredentialList = OperationResult<'list-external-integration-credentials'>
/** Body of `externalIntegrations.createCredential`. */
export type ExternalIntegrationCredentialCreateParams =
  OperationBody<'create-external-integration-credential'>
/** A credential together with its plaintext `client_secret`, returned only by create and rotate. */
export type ExternalIntegrationCredentialSecret = OperationResult<'create-external-integration-credential'>

/** External integrations: customer backends that mint external-user sessions with their own credentials. */
export class ExternalIntegrationsResource extends APIResource {
  /** Registers an external integration. */
  create(
    body: ExternalIntegrationCreateParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<ExternalIntegration>> {
    return this._op('post', 'external-integrations', { body }, options)
  }

  /** Lists external integrations, one page. */
  list(
    params?: ExternalIntegrationListParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<ExternalIntegrationPage>> {
    return this._op('get', 'external-integrations', { query: params }, options)
  }

  /** Iterates over every external integration. */
  listAutoPaging(
    params?: AutoPagingParams<ExternalIntegrationListParams>,
    options?: RequestOptions,
  ): AsyncIterableIterator<ExternalIntegration> {
    return this._autoPage((query) => this.list(query, options), params, 20)
  }

  /** Fetches one external integration. */
  get(integrationId: string, options?: RequestOptions): Promise<WithResponseMetadata<ExternalIntegration>> {
    return this._op('get', 'external-integrations/{integration_id}', { path: [integrationId] }, options)
  }

  /** Updates an external integration. */
  update(
    integrationId: string,
    body: ExternalIntegrationUpdateParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<ExternalIntegration>> {
    return this._op(
      'patch',
      'external-integrations/{integration_id}',
      { path: [integrationId], body },
      options,
    )
  }

  /** Deletes an external integration (its credentials stop working). */
  async delete(integrationId: string, options?: RequestOptions): Promise<void> {
    await this._op('delete', 'external-integrations/{integration_id}', { path: [integrationId] }, options)
  }

  /** Lists every credential of an integration as an array (not paged; secrets are never listed). */
  listCredentials(
    integrationId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<ExternalIntegrationCredentialList>> {
    return this._op(
      'get',
      'external-integrations/{integration_id}/credentials',
      { path: [integrationId] },
      options,
    )
  }

  /** Creates a credential; the answer holds the plaintext `client_secret`, shown this once only. */
  createCredential(
    integrationId: string,
    body: ExternalIntegrationCredentialCreateParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<ExternalIntegrationCredentialSecret>> {
    return this._op(
      'post',
      'external-integrations/{integration_id}/credentials',
      { path: [integrationId], body },
      options,
    )
  }

  /** Issues a new secret for a credential (the old one stops working); the new secret is shown once. */
  rotateCredential(
    integrationId: string,
    credentialId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<ExternalIntegrationCredentialSecret>> {
    return this._op(
      'post',
      'external-integrations/{integration_id}/credentials/{credential_id}/rotate',
      { path: [integrationId, credentialId] },
      options,
    )
  }

  /** Revokes a credential for good (`DELETE`, answered with 204): its secret and parent tokens stop working. */
  async revokeCredential(
    integrationId: string,
    credentialId: string,
    options?: RequestOptions,
  ): Promise<void> {
    await this._op(
      'delete',
      'external-integrations/{integration_id}/credentials/{credential_id}',
      { path: [integrationId, credentialId] },
      options,
    )
  }
}
