// The device-code CLI example: sign in against the mock, keep the token on disk, list agents with it.
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { main as deviceCodeLogin } from '../auth/device-code-login'
import { type MockEnv, startMockEnv } from './mock-env'

let ctx: MockEnv
let log: string[]
beforeEach(async () => {
  ctx = await startMockEnv()
  log = []
  vi.spyOn(console, 'log').mockImplementation((...args) => void log.push(args.join(' ')))
})
afterEach(async () => {
  vi.restoreAllMocks()
  await ctx.mock.close()
})

it('signs in with a device code approved after a pending poll, then uses the stored token', async () => {
  const result = await deviceCodeLogin(ctx.env)
  expect(result.workspaceId).toBe(ctx.mock.workspaceId)
  expect(result.agents).toBeGreaterThan(0)
  if (process.platform !== 'win32') expect(result.fileMode).toBe('600')

  const polls = ctx.mock.requests.filter((r) => r.path === '/token')
  expect(polls.length).toBeGreaterThanOrEqual(2) // at least one "pending" before the approval
  expect(log.some((l) => l.startsWith('… waiting for approval'))).toBe(true)
  expect(log).toContain('✓ approved')

  // the agents call used the device-code token, not the seeded API key
  const agentCall = ctx.mock.requests.find((r) => r.path.endsWith('/agents'))
  expect(agentCall?.headers.authorization).toMatch(/^Bearer /)
  expect(agentCall?.headers.authorization).not.toBe(`Bearer ${ctx.mock.apiKey}`)
})
