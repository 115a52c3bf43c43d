import { createHash, randomBytes } from 'node:crypto'
import type { Store } from '../state/store'
import { createDeviceCodes, type DeviceCodes } from './device-codes'
import { canAccessWorkspace, EXTERNAL_USER_SESSION_CREATE_SCOPE, hasScope, type Principal } from './principal'
import { TokenIssuer } from './tokens'

export type { Principal } from './principal'

/** An OAuth-style answer of the token endpoint. */
export interface TokenReply {
  status: number
  body: Record<string, unknown>
  headers?: Record<string, string>
}

interface RefreshRecord {
  family: string
  used: boolean
  principal: Principal
}

/** Lifetime of an external-user access token when the grant names none (within the 900-3600 s range). */
const EXTERNAL_USER_DEFAULT_TTL = 1800

/** A deterministic id for an external subject (the platform keeps only a keyed hash of the key). */
const consumerSubjectId = (workspaceId: string, subjectType: string, key: string): string =>
  `csub_${createHash('sha256').update(`${workspaceId}\n${subjectType}\n${key}`).digest('hex').slice(0, 24)}`

const oauthError = (status: number, error: string, description: string): TokenReply => ({
  status,
  body: { error, error_description: description },
})

/** Everything about credentials: API keys, issued tokens, refresh rotation, device codes, integration secrets. */
export class AuthService {
  readonly issuer = new TokenIssuer()
  readonly device: DeviceCodes
  private readonly apiKeys = new Map<string, Principal>()
  private readonly refresh = new Map<string, RefreshRecord>()
  private readonly burnedFamilies = new Set<string>()
  /** client_secret by credential client_id (the store keeps only the public credential). */
  private readonly clientSecrets = new Map<string, string>()

  constructor(
    private readonly store: Store,
    private readonly opts: {
      tokenTtlSeconds: number
      deviceIntervalSeconds: number
      deviceExpiresInSeconds: number
    },
  ) {
    this.device = createDeviceCodes(opts.deviceIntervalSeconds, opts.deviceExpiresInSeconds)
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

  private issueWithRefresh(principal: Principal, family?: string, scope?: string): Record<string, unknown> {
    const { token, expiresIn } = this.issuer.issue(principal, this.opts.tokenTtlSeconds)
    const refreshToken = `amg_rt_${randomBytes(24).toString('base64url')}`
    this.refresh.set(refreshToken, {
      family: family ?? randomBytes(8).toString('hex'),
      used: false,
      principal,
    })
    return {
      access_token: token,
      token_type: 'Bearer',
      expires_in: expiresIn,
      scope: scope ?? principal.scopes.join(' '),
      refresh_token: refreshToken,
      session_id: principal.sessionId ?? `sess_${randomBytes(8).toString('hex')}`,
    }
  }

  /** Handles `POST /token` (form fields already parsed). `bearer` is the request's own Authorization token. */
  token(form: Record<string, unknown>, bearer: string | undefined): TokenReply {
    const str = (k: string) =>
      typeof form[k] === 'string' && (form[k] as string).length ? (form[k] as string) : undefined
    const grant = str('grant_type') ?? (str('api_key') ? 'api_key' : undefined)
    const need = (...keys: string[]) => {
      const missing = keys.filter((k) => str(k) === undefined)
      return missing.length
        ? oauthError(400, 'invalid_request', `missing form field: ${missing.join(', ')}`)
        : undefined
    }
    switch (grant) {
      case 'api_key': {
        const bad = need('api_key')
        if (bad) return bad
        const p = this.apiKeys.get(str('api_key')!)
        if (!p) return oauthError(401, 'invalid_client', 'the API key is not valid')
        const requested = str('scope')?.split(/\s+/).filter(Boolean)
        const scopes = requested?.length ? requested : p.scopes
        const { token, expiresIn } = this.issuer.issue(
          { ...p, kind: 'api_key', scopes },
          this.opts.tokenTtlSeconds,
        )
        return {
          status: 200,
          body: {
            access_token: token,
            token_type: 'Bearer',
            expires_in: expiresIn,
            scope: scopes.join(' '),
            session_id: `sess_${randomBytes(8).toString('hex')}`,
          },
        }
      }
      case 'client_credentials': {
        const bad = need('client_id', 'client_secret')
        if (bad) return bad
        const clientId = str('client_id')!
        const cred = this.store.credentials.list((c) => c.client_id === clientId)[0]
        const secret = this.clientSecrets.get(clientId)
        if (!cred || !secret || secret !== str('client_secret') || !cred.is_active)
          return oauthError(401, 'invalid_client', 'client authentication failed')
        const integration = this.store.externalIntegrations.get(cred.integration_id)
        const requested = str('scope')?.split(/\s+/).filter(Boolean) ?? [EXTERNAL_USER_SESSION_CREATE_SCOPE]
        const allowed = requested.filter((s) => s === EXTERNAL_USER_SESSION_CREATE_SCOPE)
        if (!allowed.length)
          return oauthError(400, 'invalid_scope', `allowed scope: ${EXTERNAL_USER_SESSION_CREATE_SCOPE}`)
        const { token, expiresIn } = this.issuer.issue(
          {
            kind: 'integration',
            workspaces: [integration?.workspace_id ?? this.store.workspaceId],
            scopes: allowed,
            subject: `cred:${cred.id}`,
            serviceIds: cred.service_ids,
          },
          this.opts.tokenTtlSeconds,
        )
        return {
          status: 200,
          body: {
            access_token: token,
            token_type: 'Bearer',
            expires_in: expiresIn,
            scope: allowed.join(' '),
          },
        }
      }
      case 'refresh_token': {
        const bad = need('refresh_token')
        if (bad) return bad
        const rec = this.refresh.get(str('refresh_token')!)
        if (!rec) return oauthError(400, 'invalid_grant', 'unknown refresh token')
        if (this.burnedFamilies.has(rec.family))
          return oauthError(400, 'invalid_grant', 'refresh token revoked')
        if (rec.used) {
          // A second use means the token leaked: burn the whole family, including the newest token.
          this.burnedFamilies.add(rec.family)
          return oauthError(400, 'invalid_grant', 'refresh token reuse detected')
        }
        rec.used = true
        const ws = str('workspace_id')
        let principal = rec.principal
        if (ws) {
          if (!canAccessWorkspace(principal, ws))
            return oauthError(400, 'invalid_grant', 'workspace not allowed for this token')
          if (principal.kind === 'user') principal = { ...principal, workspaces: [ws] }
        }
        const body = this.issueWithRefresh(principal, rec.family)
        return { status: 200, body: ws ? { ...body, workspace_id: ws } : body }
      }
      case 'device_code':
      case 'urn:ietf:params:oauth:grant-type:device_code': {
        const bad = need('device_code')
        if (bad) return bad
        const polled = this.device.poll(str('device_code')!)
        if (polled.kind === 'error') return oauthError(400, polled.error, polled.description)
        const workspaces = polled.workspaces
        const chosen = str('workspace_id')
        const choices = workspaces.map((id) => {
          const w = this.store.workspaces.get(id)
          return { workspace_id: id, name: w?.name ?? id, role: 'owner' }
        })
        const user: Principal = {
          kind: 'user',
          workspaces,
          scopes: ['*'],
          subject: `user:${polled.userCode}`,
        }
        if (chosen) {
          if (!workspaces.includes(chosen))
            return oauthError(400, 'invalid_request', 'workspace_id is not one of the approved workspaces')
          this.device.consume(str('device_code')!)
          return {
            status: 200,
            body: { ...this.issueWithRefresh({ ...user, workspaces: [chosen] }), workspace_id: chosen },
          }
        }
        if (workspaces.length > 1) {
          // The caller must pick: answer 300 with the list and a refresh token to continue with.
          this.device.consume(str('device_code')!)
          const issued = this.issueWithRefresh(user)
          return {
            status: 300,
            body: {
              error: 'workspace_selection_required',
              workspaces: choices,
              refresh_token: issued.refresh_token,
            },
          }
        }
        this.device.consume(str('device_code')!)
        return {
          status: 200,
          body: { ...this.issueWithRefresh({ ...user, workspaces }), workspace_id: workspaces[0] },
        }
      }
      case 'external_user_session': {
        const bad = need('workspace_id', 'external_subject_key', 'subject_type', 'service_id')
        if (bad) return bad
        // The parent JWT authenticates this grant as the request's own Bearer token.
        if (!bearer)
          return oauthError(401, 'invalid_client', 'parent access token required as the Bearer token')
        const parent = this.resolve(bearer)
        if (parent === 'expired') return oauthError(401, 'invalid_token', 'token_expired')
        if (!parent) return oauthError(401, 'invalid_token', 'parent access token is not valid')
        if (!hasScope(parent, EXTERNAL_USER_SESSION_CREATE_SCOPE))
          return oauthError(
            403,
            'insufficient_scope',
            `parent token lacks ${EXTERNAL_USER_SESSION_CREATE_SCOPE}`,
          )
        const workspaceId = str('workspace_id')!
        if (!canAccessWorkspace(parent, workspaceId))
          return oauthError(403, 'invalid_grant', 'workspace_id is not allowed for this parent token')
        const subjectType = str('subject_type')!
        if (subjectType !== 'user' && subjectType !== 'anonymous')
          return oauthError(400, 'invalid_request', "subject_type must be 'user' or 'anonymous'")
        const serviceId = str('service_id')!
        if (parent.serviceIds && !parent.serviceIds.includes(serviceId))
          return oauthError(403, 'invalid_scope', 'service_id is not allowed for this credential')
        const ttlRaw = form.ttl_seconds
        const ttl = ttlRaw === undefined ? EXTERNAL_USER_DEFAULT_TTL : Number(ttlRaw)
        if (!Number.isInteger(ttl) || ttl < 900 || ttl > 3600)
          return oauthError(400, 'invalid_request', 'ttl_seconds must be an integer between 900 and 3600')
        const consumerEntityId = str('consumer_entity_id')
        const externalKey = str('external_subject_key')!
        const child: Principal = {
          kind: 'external_user',
          workspaces: [workspaceId],
          scopes: ['conversations:own'],
          subject: `ext:${subjectType}:${externalKey}`,
          serviceId,
          entityId: consumerEntityId,
          sessionId: `sess_${randomBytes(8).toString('hex')}`,
        }
        const { token, expiresIn } = this.issuer.issue(child, ttl)
        const refreshToken = `amg_rt_${randomBytes(24).toString('base64url')}`
        this.refresh.set(refreshToken, {
          family: randomBytes(8).toString('hex'),
          used: false,
          principal: child,
        })
        return {
          status: 200,
          body: {
            access_token: token,
            token_type: 'Bearer',
            expires_in: expiresIn,
            scope: 'conversations:own',
            refresh_token: refreshToken,
            session_id: child.sessionId,
            // Stable per workspace + subject, so the same end user maps to the same consumer subject.
            consumer_subject_id: consumerSubjectId(workspaceId, subjectType, externalKey),
            subject_type: subjectType,
            consumer_entity_id: consumerEntityId ?? null,
          },
        }
      }
      default:
        return oauthError(
          400,
          'unsupported_grant_type',
          grant ? `unsupported grant_type: ${grant}` : 'grant_type is required',
        )
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
