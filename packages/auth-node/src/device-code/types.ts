import type { StoredCredentials } from '../tokens/stored-credentials'

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
  /** Seconds until the device code expires. */
  expires_in: number
  /** Minimum seconds between polls. */
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

/** The OAuth-style token payload the identity service returns from `POST /token`. */
export interface TokenPayload {
  /** Bearer (or DPoP) access token. */
  access_token: string
  /** `Bearer` or `DPoP`. */
  token_type: string
  /** Lifetime of `access_token` in seconds. */
  expires_in: number
  /** Granted scope, space-separated. */
  scope?: string
  /** Identity session id, when issued. */
  session_id?: string
  /** Refresh token, when issued. */
  refresh_token?: string
  /** Workspace the token is bound to, when the server says. */
  workspace_id?: string
  /** Anything else the server sent. */
  [key: string]: unknown
}

/**
 * What `loginWithDeviceCode` resolves to: the credentials `TokenManager.store` keeps (the access token
 * is usable as `apiKey` for `AmigoClient`), plus the issuing service and the payload as received.
 */
export interface DeviceCodeLoginResult extends StoredCredentials {
  /** Identity service that issued the token (refreshes go there too). */
  identityBaseUrl: string
  /** The token payload exactly as received. */
  raw: TokenPayload
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
export interface LoginWithDeviceCodeOptions {
  /** Called once with the codes: show them to the user (and perhaps open the browser). */
  onCode: (issuance: DeviceCodeIssuance) => void | Promise<void>
  /** Called when the user belongs to several workspaces; returns the chosen `workspace_id`. */
  onWorkspaceRequired?: (workspaces: WorkspaceChoice[]) => string | Promise<string>
  /** Called before each wait between polls. */
  onPoll?: (event: DeviceCodePollEvent) => void
  /** Identity service root. Default `https://api.platform.amigo.ai`. */
  identityBaseUrl?: string
  /** Requested scope, space-separated. */
  scope?: string
  /** Shown to the user on the approval page (e.g. `my-cli on laptop`). */
  clientDescription?: string
  /** Workspace to request up front (skips the selection step when the user belongs to it). */
  workspaceId?: string
  /** Custom fetch (proxies, tests). Default: global `fetch`. */
  fetch?: typeof fetch
  /** Cancels the flow: pending waits and requests stop and the promise rejects with the signal's reason. */
  signal?: AbortSignal
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
