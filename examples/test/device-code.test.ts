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

  // the agents call used the device-code token, not the sample API key
  const agentCall = ctx.mock.requests.find((r) => r.path.endsWith('/agents'))
  expect(agentCall?.headers.authorization).toMatch(/^Bearer /)
  expect(agentCall?.headers.authorization).not.toBe(`Bearer ${ctx.mock.apiKey}`)
})

it('the progress line spins on a terminal and leaves only the final text', async () => {
  const { startProgressLine } = await import('../auth/progress-line')
  const written: string[] = []
  const tty = { isTTY: true, write: (s: string) => written.push(s) > 0 } as unknown as NodeJS.WriteStream
  const line = startProgressLine('waiting', tty)
  await new Promise((resolve) => setTimeout(resolve, 200))
  line.update('still waiting')
  await new Promise((resolve) => setTimeout(resolve, 120))
  line.stop('done')
  const count = written.length
  await new Promise((resolve) => setTimeout(resolve, 120))
  expect(written.length).toBe(count) // the timer is gone
  expect(written.length).toBeGreaterThan(2)
  expect(written.some((w) => w.endsWith(' still waiting'))).toBe(true)
  expect(written.at(-1)).toBe('\r\x1b[2Kdone\n')
})
