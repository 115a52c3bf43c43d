// A scripted identity service (device code, token, profile routes) for auth tests. Each poll of
// POST /token with a device code takes the next scripted answer; refresh grants rotate tokens and
// report reuse of a spent refresh token, as a rotating identity service does.
import type { ServerResponse } from 'node:http'
import { sendJson } from './respond'
import { startTestServer, type TestServer } from './server'
import type { TestRequest } from './types'

/** One scripted answer to a device-code poll. */
export type DevicePollAnswer =
  | 'authorization_pending'
  | 'slow_down'
  | 'expired_token'
  | 'access_denied'
  /** 200 with a token (fields override the defaults). */
  | { token: Record<string, unknown> }
  /** HTTP 300 asking for a workspace (optionally with a refresh token to finish with). */
  | { workspaces: Array<Record<string, unknown>>; refresh_token?: string; access_token?: string }
  /** Any raw answer. */
  | { status: number; body?: unknown; headers?: Record<string, string> }

/** A form-encoded request the identity server received, with the time it arrived. */
export interface IdentityCall {
  path: string
  form: Record<string, string>
  headers: Record<string, string | string[] | undefined>
  at: number
}

/** Options of `startIdentityServer`. */
export interface IdentityServerOptions {
  /** Fields of the `/device/code` answer (defaults: codes, a verification URL on this server, 600 s, interval 1 s). */
  issuance?: Record<string, unknown>
  /** Answers to successive device-code polls; the last one repeats once the list is used up. */
  polls?: DevicePollAnswer[]
  /** Answer to a device-code poll that carries `workspace_id` (default: a token for that workspace). */
  onWorkspacePoll?: (workspaceId: string) => DevicePollAnswer
  /** Lifetime in seconds of issued access tokens (default 3600). */
  expiresIn?: number
  /** Workspaces listed by `GET /self/profile` (default none → 404). */
  profileWorkspaces?: Array<Record<string, unknown>>
  /** Delay in ms before answering a refresh grant (to make concurrent refreshes overlap). */
  refreshDelayMs?: number
  /** Time source used to stamp calls (tests pass their fake clock). */
  now?: () => number
}

/** A running scripted identity server. */
export interface IdentityServer {
  url: string
  server: TestServer
  /** Form bodies of every POST, in order. */
  calls: IdentityCall[]
  /** Device-code polls received. */
  polls(): IdentityCall[]
  /** Refresh grants received. */
  refreshes(): IdentityCall[]
  /** Issues a fresh refresh token the server will accept once (for TokenManager tests). */
  issueRefreshToken(workspaceId?: string): string
  close(): Promise<void>
}

/** The identity service's memory: calls received, the poll script and the refresh tokens it issued. */
class IdentityScript {
  readonly calls: IdentityCall[] = []
  readonly #options: IdentityServerOptions
  readonly #polls: DevicePollAnswer[]
  #pollIndex = 0
  #serial = 0
  readonly #liveRefresh = new Map<string, string | undefined>()
  readonly #spentRefresh = new Set<string>()

  constructor(options: IdentityServerOptions) {
    this.#options = options
    this.#polls = [...(options.polls ?? [{ token: {} }])]
  }

  /** Notes a request (its form body parsed; none for a GET) with the time it arrived. */
  record(req: TestRequest): IdentityCall {
    const form = Object.fromEntries(new URLSearchParams(req.body))
    const call = { path: req.path, form, headers: req.headers, at: (this.#options.now ?? Date.now)() }
    this.calls.push(call)
    return call
  }

  /** A refresh token the server will accept once. */
  issueRefreshToken(workspaceId?: string): string {
    const rt = `rt-${++this.#serial}`
    this.#liveRefresh.set(rt, workspaceId)
    return rt
  }

  /** A fresh token answer (its refresh token accepted once); `at-<n>` goes with `rt-<n>`. */
  token(workspaceId: string | undefined, extra: Record<string, unknown> = {}) {
    const refresh = this.issueRefreshToken(workspaceId)
    return {
      access_token: refresh.replace('rt-', 'at-'),
      token_type: 'Bearer',
      expires_in: this.#options.expiresIn ?? 3600,
      scope: 'all',
      refresh_token: refresh,
      ...(workspaceId ? { workspace_id: workspaceId } : {}),
      ...extra,
    }
  }

  /** Answers a refresh grant: rotates the token, refuses a spent or unknown one. */
  async refreshGrant(res: ServerResponse, form: Record<string, string>): Promise<void> {
    const { refreshDelayMs } = this.#options
    if (refreshDelayMs) await new Promise((r) => setTimeout(r, refreshDelayMs))
    const rt = form.refresh_token ?? ''
    if (this.#spentRefresh.has(rt))
      sendJson(res, 400, { error: 'invalid_grant', error_description: 'refresh token reuse detected' })
    else if (!this.#liveRefresh.has(rt))
      sendJson(res, 400, { error: 'invalid_grant', error_description: 'refresh token expired' })
    else {
      // Spent now; the new token is for its workspace, or the one asked for.
      const ws = form.workspace_id || this.#liveRefresh.get(rt)
      this.#liveRefresh.delete(rt)
      this.#spentRefresh.add(rt)
      sendJson(res, 200, this.token(ws))
    }
  }

  /** Answers a device-code poll with the next scripted answer (or the workspace answer). */
  deviceGrant(res: ServerResponse, form: Record<string, string>): void {
    const { issuance, onWorkspacePoll } = this.#options
    if (form.device_code !== (issuance?.device_code ?? 'device-code-1'))
      sendJson(res, 400, { error: 'invalid_grant', error_description: 'unknown device code' })
    else if (form.workspace_id)
      this.#answer(res, onWorkspacePoll?.(form.workspace_id) ?? { token: {} }, form.workspace_id)
    else this.#answer(res, this.#polls[Math.min(this.#pollIndex++, this.#polls.length - 1)] ?? { token: {} })
  }

  #answer(res: ServerResponse, a: DevicePollAnswer, workspaceId?: string): void {
    if (typeof a === 'string') sendJson(res, 400, { error: a, error_description: `scripted ${a}` })
    else if ('token' in a) sendJson(res, 200, this.token(workspaceId, a.token))
    else if ('workspaces' in a) {
      const body: Record<string, unknown> = {
        error: 'workspace_selection_required',
        workspaces: a.workspaces,
      }
      if (a.refresh_token) {
        this.#liveRefresh.set(a.refresh_token, undefined)
        body.refresh_token = a.refresh_token
      }
      if (a.access_token) body.access_token = a.access_token
      sendJson(res, 300, body)
    } else sendJson(res, a.status, a.body, a.headers)
  }
}

/** Starts the scripted identity server on 127.0.0.1. */
export async function startIdentityServer(options: IdentityServerOptions = {}): Promise<IdentityServer> {
  const script = new IdentityScript(options)
  const { calls } = script
  const server = await startTestServer({
    'POST /device/code': (req, res) => {
      script.record(req)
      sendJson(res, 200, {
        device_code: 'device-code-1',
        user_code: 'WDJB-MJHT',
        verification_uri: `${server.url}/activate`,
        verification_uri_complete: `${server.url}/activate?user_code=WDJB-MJHT`,
        expires_in: 600,
        interval: 1,
        ...options.issuance,
      })
    },
    'POST /token': async (req, res) => {
      const { form } = script.record(req)
      if (form.grant_type === 'refresh_token') return script.refreshGrant(res, form)
      script.deviceGrant(res, form)
    },
    'GET /self/profile': (req, res) => {
      script.record(req)
      if (!options.profileWorkspaces) return sendJson(res, 404, { detail: 'not found' })
      sendJson(res, 200, { workspaces: options.profileWorkspaces })
    },
  })
  return {
    url: server.url,
    server,
    calls,
    polls: () => calls.filter((c) => c.path === '/token' && c.form.grant_type !== 'refresh_token'),
    refreshes: () => calls.filter((c) => c.path === '/token' && c.form.grant_type === 'refresh_token'),
    issueRefreshToken: (workspaceId) => script.issueRefreshToken(workspaceId),
    close: () => server.close(),
  }
}
