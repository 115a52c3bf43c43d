import {
  ConfigurationError,
  type OptionNames,
  ParseError,
  pathSegmentProblem,
  redactSecrets,
  secretForms,
  unknownOptionProblem,
  untilAborted,
} from '@amigo-ai/core'
import { LoginCancelledError, WorkspaceSelectionError } from '../errors/device-code-errors'
import { readJwtClaims } from '../identity/jwt-claims'
import type { TokenPayload } from '../identity/parse-token-payload'
import { validateIdentityBaseUrl } from '../identity/validate-base-url'
import { checkOptions } from '../options/check-options'
import { refreshTokenGrant } from '../tokens/refresh-token-grant'
import { chooseWorkspace } from './choose-workspace'
import { type PollContext, type PollOutcome, pollForToken } from './poll-for-token'
import { fetchProfileWorkspaces } from './profile-workspaces'
import { requestDeviceCode } from './request-device-code'
import { systemClock } from './system-clock'
import { toLoginResult } from './to-login-result'
import type { DeviceCodeLoginOptions, DeviceCodeLoginResult, WorkspaceChoice } from './types'

/** The identity service's own `grant_type` value for device-code polling. */
const DEFAULT_DEVICE_GRANT_TYPE = 'device_code'

type Http = { fetch?: typeof fetch; signal?: AbortSignal; timeoutMs?: number }

/**
 * Signs a user in with the OAuth device authorization grant (RFC 8628): gets a code, hands it to
 * `onCode`, polls until the user approves in the browser, and asks `onWorkspaceRequired` when the
 * account has several workspaces. Aborting `signal` rejects with `LoginCancelledError`.
 */
export async function loginWithDeviceCode(options: DeviceCodeLoginOptions): Promise<DeviceCodeLoginResult> {
  checkLoginOptions(options)
  const { signal } = options
  try {
    signal?.throwIfAborted()
    // Raced with the signal as a whole: a wait that does not heed it (an `onCode` or
    // `onWorkspaceRequired` that never settles, a custom fetch or sleep) must not keep the login
    // pending. What is still under way stops at its next check of the signal.
    return await untilAborted(signIn(options), signal)
  } catch (error) {
    // Whatever was under way when the signal fired (a wait, a request, a callback), the login
    // was cancelled: one error class for it, with the signal's reason as the cause.
    if (signal?.aborted) throw new LoginCancelledError(undefined, { cause: signal.reason })
    throw error
  }
}

async function signIn(options: DeviceCodeLoginOptions): Promise<DeviceCodeLoginResult> {
  const identityBaseUrl = validateIdentityBaseUrl(options.identityBaseUrl)
  const base = options.clock ?? systemClock
  const clock = {
    now: options.now ?? (() => base.now()),
    sleep: options.sleep ?? ((ms: number, signal?: AbortSignal) => base.sleep(ms, signal)),
  }
  const http: Http = { fetch: options.fetch, signal: options.signal, timeoutMs: options.requestTimeoutMs }
  const issuance = await requestDeviceCode({
    identityBaseUrl,
    scope: options.scope,
    clientDescription: options.clientDescription,
    ...http,
  })
  const deadline = clock.now() + issuance.expires_in * 1000
  await options.onCode({ ...issuance })
  options.signal?.throwIfAborted()

  const poll: PollContext = {
    identityBaseUrl,
    issuance,
    grantType: options.grantType ?? DEFAULT_DEVICE_GRANT_TYPE,
    scope: options.scope,
    workspaceId: options.workspaceId,
    clock,
    deadline,
    onPoll: options.onPoll,
    onStatus: options.onStatus,
    ...http,
  }
  const outcome = await pollForToken(poll)
  const { payload, workspaceId } =
    outcome.kind === 'token'
      ? { payload: outcome.payload, workspaceId: undefined }
      : await finishWithWorkspace(outcome, poll, options)
  const boundTo =
    payload.workspace_id ??
    workspaceId ??
    options.workspaceId ??
    claimString(payload.access_token, 'workspace_id') ??
    (await workspaceFromProfile(identityBaseUrl, payload.access_token, options, http))
  // Every call with the token fills `/v1/{workspace_id}/` with this id, wherever it came from (the
  // service's list, the token's claim, its profile): one that cannot be exactly one path segment
  // is refused before anything stores it, as the token response's own workspace_id is.
  const problem = pathSegmentProblem(boundTo)
  if (problem !== undefined) throw new ParseError(`The workspace id the sign-in ended with ${problem}`)
  return toLoginResult(payload, boundTo, identityBaseUrl, clock.now())
}

const LOGIN_OPTION_NAMES: OptionNames<DeviceCodeLoginOptions> = {
  identityBaseUrl: true,
  workspaceId: true,
  clientDescription: true,
  scope: true,
  onCode: true,
  onStatus: true,
  onWorkspaceRequired: true,
  signal: true,
  fetch: true,
  onPoll: true,
  requestTimeoutMs: true,
  grantType: true,
  clock: true,
  now: true,
  sleep: true,
}

function checkLoginOptions(options: DeviceCodeLoginOptions): void {
  if (!options || typeof options.onCode !== 'function') {
    throw new ConfigurationError('loginWithDeviceCode needs an onCode callback to show the code to the user')
  }
  const unknown = unknownOptionProblem(options, LOGIN_OPTION_NAMES)
  if (unknown) throw new ConfigurationError(`loginWithDeviceCode: ${unknown}`)
  checkOptions({
    functions: {
      onStatus: options.onStatus,
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
  const problem = options.workspaceId ? pathSegmentProblem(options.workspaceId) : undefined
  if (problem !== undefined) throw new ConfigurationError(`loginWithDeviceCode: workspaceId ${problem}`)
}

// HTTP 300: the user approved but belongs to several workspaces. After the choice, the refresh
// token of that answer is exchanged for a workspace-bound token, or (without one) polling resumes
// with `workspace_id`.
async function finishWithWorkspace(
  outcome: Extract<PollOutcome, { kind: 'workspace' }>,
  poll: PollContext,
  options: DeviceCodeLoginOptions,
): Promise<{ payload: TokenPayload; workspaceId: string }> {
  let workspaces = outcome.workspaces
  if (workspaces.length === 0 && outcome.accessToken) {
    workspaces = await fetchProfileWorkspaces(poll.identityBaseUrl, outcome.accessToken, poll)
  }
  const workspaceId = await chooseWorkspace(workspaces, options.onWorkspaceRequired)
  // Kept out of every error from here on, however the server echoes them: the device code still
  // polls (with the workspace) and the unbound access token is the user's.
  const held = outcome.accessToken ? [outcome.accessToken] : []
  const secrets = [poll.issuance.device_code, ...held]
  if (outcome.refreshToken) {
    const payload = await refreshTokenGrant({
      identityBaseUrl: poll.identityBaseUrl,
      refreshToken: outcome.refreshToken,
      secrets,
      workspaceId,
      scope: options.scope,
      fetch: poll.fetch,
      signal: poll.signal,
      timeoutMs: poll.timeoutMs,
    })
    return { payload, workspaceId }
  }
  // The status callback already heard `approved`; the follow-up poll is not a new wait for the user.
  const again = await pollForToken({ ...poll, workspaceId, immediate: true, onStatus: undefined, held })
  if (again.kind !== 'token') {
    const shown = redactSecrets(workspaceId, secretForms(secrets))
    throw new WorkspaceSelectionError(`The identity service did not accept workspace "${shown}"`)
  }
  return { payload: again.payload, workspaceId }
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
  options: DeviceCodeLoginOptions,
  http: Http,
): Promise<string> {
  const workspaces = await fetchProfileWorkspaces(identityBaseUrl, accessToken, http)
  if (workspaces.length === 0) {
    throw new WorkspaceSelectionError('The token names no workspace and the profile lists none')
  }
  if (workspaces.length === 1) return (workspaces[0] as WorkspaceChoice).workspace_id
  return chooseWorkspace(workspaces, options.onWorkspaceRequired)
}
