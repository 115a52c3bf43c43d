import { randomBytes } from 'node:crypto'
import type { Store } from '../state/store'
import { createDeviceCodes, type DeviceCodes } from './device-codes'
import type { GrantContext } from './grants/context'
import { GRANTS } from './grants/grants'
import type { Principal } from './principal'
import { RefreshTokens } from './refresh-tokens'
import { oauthError, TokenForm, type TokenReply } from './token-form'
import { TokenIssuer } from './tokens'

export type { Principal } from './principal'
export type { TokenReply } from './token-form'

/** Everything about credentials: API keys, issued tokens, refresh rotation, device codes, integration secrets. */
export class AuthService {
  readonly issuer = new TokenIssuer()
  readonly device: DeviceCodes
  private readonly apiKeys = new Map<string, Principal>()
  private readonly refreshTokens = new RefreshTokens()
  /** client_secret by credential client_id (the store keeps only the public credential). */
  private readonly clientSecrets = new Map<string, string>()

  /** Credentials of `store`, its sample API key registered. */
  constructor(
    private readonly store: Store,
    private readonly opts: {
      tokenTtlSeconds: number
      deviceIntervalSeconds: number
      deviceExpiresInSeconds: number
    },
  ) {
    this.device = createDeviceCodes(opts.deviceIntervalSeconds, opts.deviceExpiresInSeconds)
    this.addApiKey(store.apiKey, store.workspaceId)
  }

  /** Registers an API key (workspace-bound, all scopes unless narrowed). */
  addApiKey(key: string, workspaceId: string, scopes: string[] = ['*']): void {
    this.apiKeys.set(key, {
      kind: 'api_key',
      workspaces: [workspaceId],
      scopes,
      subject: `key:${key.slice(0, 12)}`,
    })
  }

  /** Resolves a Bearer token (API key or issued token). */
  resolve(token: string): Principal | 'expired' | undefined {
    return this.apiKeys.get(token) ?? this.issuer.resolve(token)
  }

  /** Stores a credential's secret; returns the clear text (shown to the caller once). */
  newClientSecret(clientId: string): string {
    const secret = `amg_cs_${randomBytes(24).toString('base64url')}`
    this.clientSecrets.set(clientId, secret)
    return secret
  }

  /** Handles `POST /token` (form fields already parsed). `bearer` is the request's own Authorization token. */
  token(fields: Record<string, unknown>, bearer: string | undefined): TokenReply {
    const form = new TokenForm(fields)
    const grant = form.str('grant_type') ?? (form.str('api_key') ? 'api_key' : undefined)
    const handler = grant === undefined ? undefined : GRANTS.get(grant)
    if (!handler)
      return oauthError(
        400,
        'unsupported_grant_type',
        grant ? `unsupported grant_type: ${grant}` : 'grant_type is required',
      )
    return handler(this.grantContext(form, bearer))
  }

  private grantContext(form: TokenForm, bearer: string | undefined): GrantContext {
    return {
      form,
      bearer,
      store: this.store,
      issuer: this.issuer,
      device: this.device,
      refreshTokens: this.refreshTokens,
      tokenTtlSeconds: this.opts.tokenTtlSeconds,
      apiKey: (key) => this.apiKeys.get(key),
      resolve: (token) => this.resolve(token),
      clientSecret: (clientId) => this.clientSecrets.get(clientId),
    }
  }

  /** Handles `POST /device/code`. */
  deviceCode(baseUrl: string, form: Record<string, unknown>): TokenReply {
    const issued = this.device.issue(typeof form.scope === 'string' ? form.scope : undefined)
    return {
      status: 200,
      body: {
        device_code: issued.deviceCode,
        user_code: issued.userCode,
        verification_uri: `${baseUrl}/device`,
        verification_uri_complete: `${baseUrl}/device?user_code=${encodeURIComponent(issued.userCode)}`,
        expires_in: issued.expiresIn,
        interval: issued.interval,
      },
    }
  }
}
