// The branches an example takes against a real workspace (no `mock` in env): exercised here against a
// mock reached only over HTTP, so mock-only helpers are out of reach exactly as on a real platform.
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import type { ExampleEnv } from '../_shared/connect'
import { main as workspaceEvents } from '../events/workspace-events'
import { main as requestControl } from '../request-control/request-control'
import { main as verifyWebhook } from '../webhooks/verify-webhook'
import { type MockEnv, startMockEnv } from './mock-env'

let ctx: MockEnv
let remote: ExampleEnv
beforeEach(async () => {
  ctx = await startMockEnv()
  remote = { baseUrl: ctx.env.baseUrl, apiKey: ctx.env.apiKey, workspaceId: ctx.env.workspaceId }
  vi.spyOn(console, 'log').mockImplementation(() => {})
})
afterEach(async () => {
  vi.restoreAllMocks()
  await ctx.mock.close()
})

it('verify-webhook signs a sample locally and still rejects the forged one', async () => {
  const result = await verifyWebhook(remote)
  expect(result.accepted).toEqual([{ id: 'evt_local', type: 'call.completed' }])
  expect(result.rejected).toEqual(['signature_mismatch'])
  expect(ctx.mock.webhookDeliveries).toHaveLength(0)
})

it('workspace-events only watches: it creates nothing', async () => {
  const result = await workspaceEvents(remote, 50)
  expect(result.types).toEqual([])
  expect(ctx.mock.requests.filter((r) => r.method !== 'GET')).toHaveLength(0)
})

it('request-control skips the fault-injection steps', async () => {
  const result = await requestControl(remote)
  expect(result.timeout).toBe('skipped (needs the mock)')
  expect(ctx.mock.requests.some((r) => r.headers['x-mock-fault'] !== undefined)).toBe(false)
})
