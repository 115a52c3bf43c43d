import {
  AmigoError,
  classifyRefreshFailure,
  InvalidRequestError,
  type RequestOptions,
  type WithResponseMetadata,
} from '@amigo-ai/core'
import type { components } from '../generated/openapi'
import { APIResource } from './base'

/** The scope a parent token needs to mint external-user sessions. */
export const EXTERNAL_USER_SESSION_CREATE_SCOPE = 'external_user_sessions:create'

/** The grant type used to mint an external-user session at `POST /token`. */
export const EXTERNAL_USER_SESSION_GRANT_TYPE = 'external_user_session'

/** The OAuth-style token payload `POST /token` answers with. */
export type TokenResponse = components['schemas']['TokenResponse']

/** Parameters of `tokens.exchangeApiKey`. */
export interface ExchangeApiKeyParams {
  /** The API key to exchange (may differ from the key the client is configured with). */
  apiKey: string
  /** Space-separated scopes to request for the issued token (enforced by the server). */
  scope?: string
}

/** Parameters of `tokens.exchangeClientCredentials`. */
export interface ExchangeClientCredentialsParams {
  /** Public id of an external-integration credential. */
  clientId: string
  /** Its secret. */
  clientSecret: string
  /** Scopes to request, e.g. `EXTERNAL_USER_SESSION_CREATE_SCOPE`. */
  scope?: string
}

/** Parameters of `tokens.createExternalUserSession`. */
export interface CreateExternalUserSessionParams {
  /**
   * The parent JWT (from `exchangeClientCredentials`) carrying `external_user_sessions:create`. It is
   * sent as the Bearer token of this request; when omitted, the client's configured key is used.
   */
  parentAccessToken?: string
  /** Your stable id for the end user (the platform keeps only a keyed hash of it). */
  externalSubjectKey: string
  /** Kind of subject: a known end user (`'user'`) or an anonymous visitor (`'anonymous'`). */
  subjectType: ExternalUserSubjectType
  /** The one service the session may talk to. */
  serviceId: string
  /** Workspace to bind the session to (default: the client's workspace). */
  workspaceId?: string
  /** The world entity already linked to this subject, when there is one. */
  consumerEntityId?: string
  /** Lifetime of the access token in seconds (the API accepts 900 to 3600). */
  ttlSeconds?: number
  /** Space-separated scopes to restrict the session to. */
  scope?: string
}

/** Kind of end user an external-user session stands for. */
export type ExternalUserSubjectType = components['schemas']['ExternalUserSubjectType']

/** The token payload of an external-user session (adds the subject the platform bound it to). */
export type ExternalUserSessionToken = components['schemas']['ExternalUserSessionTokenResponse']

/** Parameters of `tokens.refresh`. */
export interface RefreshTokenParams {
  /** The refresh token to rotate (single use). */
  refreshToken: string
  /** Workspace the new token is for. */
  workspaceId?: string
  /** Narrower scopes for the new token. */
  scope?: string
}

type FormFields = Record<string, string | number | null | undefined>

const toForm = (fields: unknown): URLSearchParams => {
  const form = new URLSearchParams()
  for (const [key, value] of Object.entries(fields as FormFields)) {
    // Left out like an unset field, as a JSON body or a query leaves it out (never sent as "null").
    if (value != null) form.set(key, String(value))
  }
  return form
}

/** `value`, checked; each parameter name belongs to one method, so the message need not name it. */
function requireText(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidRequestError(`tokens: \`${name}\` must be a non-empty string`)
  }
  return value
}

/**
 * Token exchanges at `POST /token` (form-encoded, not workspace-scoped). These requests never carry the
 * client's own Authorization header: the credential being exchanged travels only as a form field.
 */
export class TokensResource extends APIResource {
  /** Exchanges an API key for a short-lived JWT (pass it as `apiKey` to a new client). */
  async exchangeApiKey(
    params: ExchangeApiKeyParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<TokenResponse>> {
    const apiKey = requireText('apiKey', params?.apiKey)
    return this._postToken(
      { grant_type: 'api_key', api_key: apiKey, scope: params.scope },
      options,
      null,
      apiKey,
    )
  }

  /** Exchanges an external-integration credential for a parent JWT. */
  async exchangeClientCredentials(
    params: ExchangeClientCredentialsParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<TokenResponse>> {
    const clientId = requireText('clientId', params?.clientId)
    const clientSecret = requireText('clientSecret', params.clientSecret)
    return this._postToken(
      {
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
        scope: params.scope,
      },
      options,
      null,
      clientSecret,
    )
  }

  /**
   * Mints an `external_user` session (access + refresh token) bound to one workspace, subject and
   * service. The parent JWT authenticates this one request as its Bearer token.
   */
  async createExternalUserSession(
    params: CreateExternalUserSessionParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<ExternalUserSessionToken>> {
    const parent =
      params?.parentAccessToken === undefined
        ? undefined
        : requireText('parentAccessToken', params.parentAccessToken)
    const fields = {
      grant_type: EXTERNAL_USER_SESSION_GRANT_TYPE,
      // `?.` until the first required field has refused a missing params object.
      workspace_id: params?.workspaceId ?? this._ctx.connection.workspaceId,
      external_subject_key: requireText('externalSubjectKey', params?.externalSubjectKey),
      subject_type: requireText('subjectType', params.subjectType),
      service_id: requireText('serviceId', params.serviceId),
      consumer_entity_id: params.consumerEntityId,
      ttl_seconds: params.ttlSeconds,
      scope: params.scope,
    }
    // Without an explicit parent token the client's own key (a parent JWT) authenticates the call.
    return this._postToken<ExternalUserSessionToken>(
      fields,
      options,
      parent === undefined ? undefined : `Bearer ${parent}`,
    )
  }

  /**
   * Rotates a refresh token for new tokens. A reused (already spent) refresh token rejects with
   * `RefreshTokenReusedError` and an expired one with `RefreshTokenExpiredError`: both are final,
   * start a new session.
   */
  async refresh(
    params: RefreshTokenParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<TokenResponse>> {
    const refreshToken = requireText('refreshToken', params?.refreshToken)
    try {
      return await this._postToken(
        {
          grant_type: 'refresh_token',
          refresh_token: refreshToken,
          workspace_id: params.workspaceId,
          scope: params.scope,
        },
        options,
        null,
        refreshToken,
      )
    } catch (error) {
      throw AmigoError.isInstance(error) ? classifyRefreshFailure(error) : error
    }
  }

  /**
   * Posts one form-encoded grant to `/token`. `authorization` is the Authorization header to send:
   * `null` sends none at all, not even one set in `headers` options (the credential travels in the
   * form), and `undefined` lets the configured key authenticate (the session mint's default parent).
   * `secret` is the credential the form carries, kept out of errors and hook output.
   */
  private _postToken<T extends TokenResponse = TokenResponse>(
    fields: FormFields,
    options: RequestOptions | undefined,
    authorization: string | null | undefined,
    secret?: string,
  ): Promise<WithResponseMetadata<T>> {
    return this._op(
      'post',
      '/token',
      {
        body: fields as never,
        transport: {
          // A null forced header removes any Authorization; undefined forces none. The Content-Type
          // is forced too, so that a resource built from an openapi-fetch client sends it as well.
          auth: authorization !== null,
          forceHeaders: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
          bodySerializer: toForm,
          // The form may hold the credential being exchanged (API key, client secret, refresh token).
          sensitiveBody: true,
          secret,
        },
      },
      options,
    ) as Promise<WithResponseMetadata<T>>
  }
}
