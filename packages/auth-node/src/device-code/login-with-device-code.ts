import { ConfigurationError } from '@amigo-ai/core'
import { WorkspaceSelectionError } from '../errors/device-code-errors'
import { refreshTokenGrant } from '../tokens/refresh-token-grant'
import { checkOptions } from './check-options'
import { chooseWorkspace } from './choose-workspace'
import { readJwtClaims } from './jwt-claims'
import { type PollContext, pollForToken } from './poll-for-token'
import { fetchProfileWorkspaces } from './profile-workspaces'
import { requestDeviceCode } from './request-device-code'
import { systemClock } from './system-clock'
import { toLoginResult } from './to-login-result'
import type { DeviceCodeLoginResult, LoginWithDeviceCodeOptions, TokenPayload } from './types'
import { validateIdentityBaseUrl } from './validate-base-url'

/** The identity service's own `grant_type` value for device-code polling. */
const DEFAULT_DEVICE_GRANT_TYPE = 'device_code'

/**
 * Signs a user in with the OAuth device authorization grant (RFC 8628): gets a code, hands it to
 * `onCode`, polls until the user approves in the browser, and asks `onWorkspaceRequired` when the
 * account has several workspaces.
 */
export async function loginWithDeviceCode(
  options: LoginWithDeviceCodeOptions,
): Promise<DeviceCodeLoginResult> {
  if (!options || typeof options.onCode !== 'function') {
    throw new ConfigurationError('loginWithDeviceCode needs an onCode callback to show the code to the user')
  }
  checkOptions({
    functions: {
      onWorkspaceRequired: options.onWorkspaceRequired,
      onPoll: options.onPoll,
      fetch: options.fetch,
      now: options.now,
      sleep: options.sleep,
      'clock.now': options.clock?.now,
      'clock.sleep': options.clock?.sleep,
    },
    strings: {
      scope: options.scope,
      clientDescription: options.clientDescription,
      workspaceId: options.workspaceId,
      grantType: options.grantType,
    },
    timeouts: { requestTimeoutMs: options.requestTimeoutMs },
    signals: { signal: options.signal },
  })
  const identityBaseUrl = validateIdentityBaseUrl(options.identityBaseUrl)
  const base = options.clock ?? systemClock
  const clock = {
    now: options.now ?? (() => base.now()),
    sleep: options.sleep ?? ((ms: number, signal?: AbortSignal) => base.sleep(ms, signal)),
  }
  const { signal } = options
  signal?.throwIfAborted()
  const http = { fetch: options.fetch, signal, timeoutMs: options.requestTimeoutMs }

  const issuance = await requestDeviceCode({
    identityBaseUrl,
    scope: options.scope,
    clientDescription: options.clientDescription,
    ...http,
  })
  const deadline = clock.now() + issuance.expires_in * 1000
  await options.onCode({ ...issuance })
  signal?.throwIfAborted()

  const poll: PollContext = {
    identityBaseUrl,
    issuance,
    grantType: options.grantType ?? DEFAULT_DEVICE_GRANT_TYPE,
    scope: options.scope,
    workspaceId: options.workspaceId,
    clock,
    deadline,
    onPoll: options.onPoll,
    ...http,
  }
  const outcome = await pollForToken(poll)
  let payload: TokenPayload
  let workspaceId: string | undefined
  if (outcome.kind === 'token') {
    payload = outcome.payload
  } else {
    // HTTP 300: the user approved but belongs to several workspaces.
    let workspaces = outcome.workspaces
    if (workspaces.length === 0 && outcome.accessToken) {
      workspaces = await fetchProfileWorkspaces(identityBaseUrl, outcome.accessToken, http)
    }
    workspaceId = await chooseWorkspace(workspaces, options.onWorkspaceRequired)
    if (outcome.refreshToken) {
      payload = await refreshTokenGrant({
        identityBaseUrl,
        refreshToken: outcome.refreshToken,
        workspaceId,
        scope: options.scope,
        ...http,
      })
    } else {
      const again = await pollForToken({ ...poll, workspaceId, immediate: true })
      if (again.kind !== 'token') {
        throw new WorkspaceSelectionError(`The identity service did not accept workspace "${workspaceId}"`)
      }
      payload = again.payload
    }
  }

  workspaceId =
    payload.workspace_id ??
    workspaceId ??
    options.workspaceId ??
    claimString(payload.access_token, 'workspace_id') ??
    (await workspaceFromProfile(identityBaseUrl, payload.access_token, options, http))
  return toLoginResult(payload, workspaceId, identityBaseUrl, clock.now())
}

function claimString(token: string, name: string): string | undefined {
  const value = readJwtClaims(token)?.[name]
  return typeof value === 'string' && value ? value : undefined
}

// A token issued without a workspace (single-workspace accounts on some deployments): learn the
// workspace from the profile, asking the user only when there is more than one.
async function workspaceFromProfile(
  identityBaseUrl: string,
  accessToken: string,
  options: LoginWithDeviceCodeOptions,
  http: { fetch?: typeof fetch; signal?: AbortSignal; timeoutMs?: number },
): Promise<string> {
  const workspaces = await fetchProfileWorkspaces(identityBaseUrl, accessToken, http)
  if (workspaces.length === 0) {
    throw new WorkspaceSelectionError('The token names no workspace and the profile lists none')
  }
  return chooseWorkspace(workspaces, options.onWorkspaceRequired)
}
