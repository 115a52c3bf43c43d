import { type MockPlatform, type MockPlatformOptions, startMockPlatform } from '../src/index'

/** Starts a mock with response checking on (a handler answering off-schema fails with 500). */
export function startTestMock(options: MockPlatformOptions = {}): Promise<MockPlatform> {
  return startMockPlatform({ validateResponses: true, ...options })
}

/** fetch with the mock's API key (override `authorization` in `init.headers` to test auth). */
export async function call(
  mock: MockPlatform,
  method: string,
  path: string,
  init: {
    body?: unknown
    headers?: Record<string, string>
    form?: Record<string, string>
    raw?: string
  } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { authorization: `Bearer ${mock.apiKey}`, ...init.headers }
  let body: string | undefined
  if (init.raw !== undefined) {
    body = init.raw
  } else if (init.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded'
    body = new URLSearchParams(init.form).toString()
  } else if (init.body !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(init.body)
  }
  const res = await fetch(`${mock.url}${path}`, { method, headers, body })
  const text = await res.text()
  let parsed: unknown = text
  try {
    parsed = text ? JSON.parse(text) : undefined
  } catch {
    // not JSON; keep the text
  }
  return { status: res.status, body: parsed, headers: res.headers }
}

/** `/v1/{workspace_id}` prefix for the mock's sample workspace. */
export const ws = (mock: MockPlatform) => `/v1/${mock.workspaceId}`

/**
 * An access token for `workspaceId` (not the sample one): a device code approved for both
 * workspaces, then the workspace chosen at refresh — as a user with two workspaces signs in.
 */
export async function workspaceToken(mock: MockPlatform, workspaceId: string): Promise<string> {
  const noAuth = { authorization: '' }
  const device = await call(mock, 'POST', '/device/code', {
    headers: noAuth,
    form: { client_description: 'test' },
  })
  mock.approveDeviceCode(device.body.user_code, { workspaces: [mock.workspaceId, workspaceId] })
  const choose = await call(mock, 'POST', '/token', {
    headers: noAuth,
    form: { grant_type: 'device_code', device_code: device.body.device_code },
  })
  const chosen = await call(mock, 'POST', '/token', {
    headers: noAuth,
    form: {
      grant_type: 'refresh_token',
      refresh_token: choose.body.refresh_token,
      workspace_id: workspaceId,
    },
  })
  if (chosen.status !== 200) throw new Error(`no token for ${workspaceId}: ${JSON.stringify(chosen.body)}`)
  return chosen.body.access_token
}
