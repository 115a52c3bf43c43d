import type { AuthResult } from '../tokens/auth-result'

/** What `POST /device/code` returns: the codes to show the user and how to poll. */
export interface DeviceCodeIssuance {
  /** Secret code the client polls with; never shown to the user. */
  device_code: string
  /** Short code the user types on the verification page. */
  user_code: string
  /** Page where the user enters `user_code`. */
  verification_uri: string
  /** Same page with the code filled in (falls back to `verification_uri` when the server omits it). */
  verification_uri_complete: string
  /** Seconds until the device code expires (at most 3600: a longer lifetime counts as an hour). */
  expires_in: number
  /** Minimum seconds between polls (at most 60: a longer interval is polled at 60). */
  interval: number
}

/** A workspace the signed-in user may pick (from the HTTP 300 answer or `/self/profile`). */
export interface WorkspaceChoice {
  /** Workspace id to send back as `workspace_id`. */
  workspace_id: string
  /** The user's role in that workspace, when the server says. */
  role?: string
  /** Display name, when the server says. */
  name?: string
}

/** The identity service's answer to `POST /token` (HTTP 200). */
export interface IdentityTokenResponse {
  /** The access token (a JWT). */
  access_token: string
  /** `Bearer` or `DPoP`. */
  token_type: 'Bearer' | 'DPoP'
  /** Lifetime of `access_token` in seconds. */
  expires_in: number
  /** Granted scope, space-separated. */
  scope: string
  /** Identity session id, when issued. */
  session_id?: string
  /** Refresh token, when issued. */
  refresh_token?: string
}

/** The identity service's HTTP 300 answer: the user approved and must pick a workspace. */
export interface MultiWorkspaceResponse {
  /** Always `workspace_selection_required`: tells this answer apart from a token. */
  error: 'workspace_selection_required'
  /** The workspaces to choose from. */
  workspaces: WorkspaceChoice[]
  /** A token not yet bound to a workspace, when the server sends one. */
  access_token?: string
  /** `Bearer` or `DPoP`, with `access_token`. */
  token_type?: string
  /** Lifetime of `access_token` in seconds. */
  expires_in?: number
  /** Granted scope, space-separated. */
  scope?: string
  /** Exchanged (with `workspace_id`) for a workspace-bound token once the user chose. */
  refresh_token?: string
}

/**
 * What the login is doing, for `onStatus`: `polling` before each poll, then the answer
 * (`authorization_pending`, `slow_down`), and at the end `approved`, `expired` or `denied`.
 */
export type DeviceCodeStatus =
  | 'authorization_pending'
  | 'polling'
  | 'approved'
  | 'expired'
  | 'denied'
  | 'slow_down'

/** What `loginWithDeviceCode` resolves to: an `AuthResult` plus where and how it was issued. */
export interface DeviceCodeLoginResult extends AuthResult {
  /** `Bearer` or `DPoP`. */
  tokenType: string
  /** Identity service that issued the token (refreshes go there too). */
  identityBaseUrl: string
  /** Identity session id, when issued. */
  sessionId?: string
  /** The token response exactly as received. */
  raw: Readonly<Record<string, unknown>>
}

/** What `onPoll` is told before each wait, for spinners and progress lines. */
export interface DeviceCodePollEvent {
  /** 1-based number of the poll about to be sent. */
  attempt: number
  /** Milliseconds the flow waits before that poll. */
  intervalMs: number
  /** Milliseconds left until the device code expires. */
  remainingMs: number
  /** Why the flow is still waiting (`start` before the first poll). */
  reason: 'start' | 'authorization_pending' | 'slow_down' | 'retry'
}

/** Time source and sleeper; injectable so tests run in milliseconds. */
export interface DeviceCodeClock {
  /** Current time in milliseconds since the epoch. */
  now(): number
  /** Resolves after `ms`, rejects with the signal's reason when aborted (and clears its timer). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

/** Options of `loginWithDeviceCode`. */
export interface DeviceCodeLoginOptions {
  /** Identity service root. Default `https://api.platform.amigo.ai`. */
  identityBaseUrl?: string
  /** Workspace to request up front (skips the selection step when the user belongs to it). */
  workspaceId?: string
  /** Shown to the user on the approval page and in audit logs (e.g. `my-cli on laptop`). */
  clientDescription?: string
  /** Requested scope, space-separated. */
  scope?: string
  /** Called once with the codes: show them to the user (and perhaps open the browser). */
  onCode: (issuance: DeviceCodeIssuance) => void | Promise<void>
  /** Called as the login progresses (see `DeviceCodeStatus`). */
  onStatus?: (status: DeviceCodeStatus) => void
  /**
   * Called with the offered workspaces when the user belongs to several; returns the chosen
   * `workspace_id`. When it is left out at run time, a single offered workspace is taken.
   */
  onWorkspaceRequired: (workspaces: WorkspaceChoice[]) => string | Promise<string>
  /** Cancels the flow: waits and requests stop and the promise rejects with `LoginCancelledError`. */
  signal?: AbortSignal
  /** Custom fetch (proxies, tests). Default: global `fetch`. A Response-like stub is enough. */
  fetch?: typeof globalThis.fetch
  /** Called before each wait between polls (attempt, wait, time left), for progress displays. */
  onPoll?: (event: DeviceCodePollEvent) => void
  /** Per-request timeout in ms for identity calls (default 30 000); a timed-out poll is retried like a network error. */
  requestTimeoutMs?: number
  /** `grant_type` sent when polling. Default `device_code` (the identity service's value). */
  grantType?: string
  /** Time source and sleeper (for tests); `now`/`sleep` below override its parts. */
  clock?: DeviceCodeClock
  /** Current time in ms (for tests). */
  now?: () => number
  /** Abortable sleep (for tests). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
}
