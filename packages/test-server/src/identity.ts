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

/** Starts the scripted identity server on 127.0.0.1. */
export async function startIdentityServer(options: IdentityServerOptions = {}): Promise<IdentityServer> {
  const now = options.now ?? Date.now
  const calls: IdentityCall[] = []
  const polls = [...(options.polls ?? [{ token: {} }])]
  let pollIndex = 0
  let serial = 0
  const liveRefresh = new Map<string, string | undefined>()
  const spentRefresh = new Set<string>()
  const expiresIn = options.expiresIn ?? 3600

  const token = (workspaceId: string | undefined, extra: Record<string, unknown> = {}) => {
    serial++
    const refresh = `rt-${serial}`
    liveRefresh.set(refresh, workspaceId)
    return {
      access_token: `at-${serial}`,
      token_type: 'Bearer',
      expires_in: expiresIn,
      scope: 'all',
      refresh_token: refresh,
      ...(workspaceId ? { workspace_id: workspaceId } : {}),
      ...extra,
    }
  }

  const answer = (res: ServerResponse, a: DevicePollAnswer, workspaceId?: string) => {
    if (typeof a === 'string') {
      sendJson(res, 400, { error: a, error_description: `scripted ${a}` })
    } else if ('token' in a) {
      sendJson(res, 200, token(workspaceId, a.token))
    } else if ('workspaces' in a) {
      const body: Record<string, unknown> = {
        error: 'workspace_selection_required',
        workspaces: a.workspaces,
      }
      if (a.refresh_token) {
        liveRefresh.set(a.refresh_token, undefined)
        body.refresh_token = a.refresh_token
      }
      if (a.access_token) body.access_token = a.access_token
      sendJson(res, 300, body)
    } else {
      sendJson(res, a.status, a.body, a.headers)
    }
  }

  const record = (req: TestRequest): IdentityCall => {
    const form = Object.fromEntries(new URLSearchParams(req.body))
    const call = { path: req.path, form, headers: req.headers, at: now() }
    calls.push(call)
    return call
  }

  const server = await startTestServer({
    'POST /device/code': (req, res) => {
      record(req)
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
      const { form } = record(req)
      if (form.grant_type === 'refresh_token') {
        if (options.refreshDelayMs) await new Promise((r) => setTimeout(r, options.refreshDelayMs))
        const rt = form.refresh_token ?? ''
        if (spentRefresh.has(rt)) {
          return sendJson(res, 400, {
            error: 'invalid_grant',
            error_description: 'refresh token reuse detected',
          })
        }
        if (!liveRefresh.has(rt)) {
          return sendJson(res, 400, { error: 'invalid_grant', error_description: 'refresh token expired' })
        }
        const ws = form.workspace_id || liveRefresh.get(rt)
        liveRefresh.delete(rt)
        spentRefresh.add(rt)
        return sendJson(res, 200, token(ws))
      }
      if (form.device_code !== (options.issuance?.device_code ?? 'device-code-1')) {
        return sendJson(res, 400, { error: 'invalid_grant', error_description: 'unknown device code' })
      }
      if (form.workspace_id) {
        return answer(res, options.onWorkspacePoll?.(form.workspace_id) ?? { token: {} }, form.workspace_id)
      }
      const next = polls[Math.min(pollIndex++, polls.length - 1)] ?? { token: {} }
      answer(res, next)
    },
    'GET /self/profile': (req, res) => {
      calls.push({ path: req.path, form: {}, headers: req.headers, at: now() })
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
    issueRefreshToken(workspaceId) {
      serial++
      const rt = `rt-${serial}`
      liveRefresh.set(rt, workspaceId)
      return rt
    },
    close: () => server.close(),
  }
}
