import { expect } from 'vitest'
import { lastRequest, type MockEnv } from './mock-client'

/** Asserts the last request the mock received: method, workspace-relative path, and optionally more. */
export function expectSent(
  env: MockEnv,
  method: string,
  workspacePath: string,
  extra: { query?: Record<string, unknown>; body?: unknown } = {},
): void {
  const sent = lastRequest(env)
  expect(`${sent.method} ${sent.path}`).toBe(`${method} /v1/${env.mock.workspaceId}${workspacePath}`)
  expect(sent.status, `status of ${method} ${workspacePath}`).toBeLessThan(300)
  if (extra.query) expect(sent.query).toMatchObject(extra.query)
  if (extra.body !== undefined) expect(sent.body).toMatchObject(extra.body as object)
}
