// The demo: its transcript against a test mock, and `pnpm demo` as a user runs it (own mock, exit 0,
// nothing left running).
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { connect } from '../_shared/connect'
import { main as demo } from '../demo'
import { type MockEnv, startMockEnv } from './mock-env'

const root = fileURLToPath(new URL('../..', import.meta.url))

let ctx: MockEnv
beforeEach(async () => {
  ctx = await startMockEnv()
})
afterEach(async () => {
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
  await ctx.mock.close()
})

/** Lines every transcript must contain, in this order. */
const EXPECTED = [
  /^1\. Create an agent and a version$/,
  /^ {3}created "Demo Intake Agent .*" with version 1/,
  /^2\. List agents$/,
  /^3\. Search the world model$/,
  /^ {3}"Jane Doe" → Jane Doe \(patient\)$/,
  /^4\. Call analytics, last 30 days$/,
  /^ {3}\d+ calls, \d+s on average$/,
  /^5\. A short text conversation$/,
  /^ {3}agent: .+/,
  /^6\. Watch workspace events for a moment$/,
  /^ {3}← surface\.created$/,
  /^ {3}← call\.ended$/,
  /^7\. Verify a signed webhook$/,
  /^ {3}✓ verified review\.submitted/,
  /^ {3}✗ rejected a delivery: signature_mismatch$/,
  /^Done in /,
]

function expectTranscript(lines: string[]) {
  let at = 0
  for (const pattern of EXPECTED) {
    const found = lines.findIndex((line, i) => i >= at && pattern.test(line))
    expect(found, `missing or out of order: ${pattern}\n${lines.join('\n')}`).toBeGreaterThanOrEqual(0)
    at = found + 1
  }
}

it('prints the quick-start transcript and cleans up the agent it created', async () => {
  const lines: string[] = []
  vi.spyOn(console, 'log').mockImplementation((...args) => {
    lines.push(...args.join(' ').split('\n'))
  })
  const agentsBefore = ctx.mock.store.agents.list().length
  await demo(ctx.env)
  expectTranscript(lines)
  expect(ctx.mock.store.agents.list().length).toBe(agentsBefore)
})

it('runs against a workspace named by AMIGO_* variables, skipping the mock-only steps', async () => {
  vi.stubEnv('AMIGO_API_KEY', ctx.mock.apiKey)
  vi.stubEnv('AMIGO_WORKSPACE_ID', ctx.mock.workspaceId)
  vi.stubEnv('AMIGO_BASE_URL', ctx.mock.url)
  const connection = await connect()
  expect(connection.env).toEqual({
    apiKey: ctx.mock.apiKey,
    workspaceId: ctx.mock.workspaceId,
    baseUrl: ctx.mock.url,
  })
  const lines: string[] = []
  vi.spyOn(console, 'log').mockImplementation((...args) => {
    lines.push(...args.join(' ').split('\n'))
  })
  await demo(connection.env, 200)
  await connection.close()
  expect(lines[0]).toBe(`Amigo Platform SDK demo against ${ctx.mock.url} (mock-only steps are skipped)`)
  expect(lines).toContain('   (a real platform cannot reach this machine: signing a sample locally instead)')
  expect(lines).toContain('   ✓ verified review.submitted (evt_demo)')
  expect(lines).toContain('   ✗ rejected a delivery: signature_mismatch')
  // nothing was created to watch, and the demo's agent was deleted again
  expect(ctx.mock.store.surfaces.list()).toHaveLength(0)
  expect(ctx.mock.store.agents.list().some((a) => String(a.name).startsWith('Demo Intake Agent'))).toBe(false)
})

it('refuses half a configuration instead of silently using the mock', async () => {
  vi.stubEnv('AMIGO_API_KEY', 'some-key')
  vi.stubEnv('AMIGO_WORKSPACE_ID', '')
  await expect(connect()).rejects.toThrow(/both AMIGO_API_KEY and AMIGO_WORKSPACE_ID/)
})

it('`pnpm demo` starts its own mock, prints the transcript and exits 0 on its own', async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0' }
  for (const key of ['AMIGO_API_KEY', 'AMIGO_WORKSPACE_ID', 'AMIGO_BASE_URL']) delete env[key]
  const child = spawn('pnpm', ['--silent', 'demo'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stdout.on('data', (d) => (out += d))
  child.stderr.on('data', (d) => (err += d))
  // A handle left open (socket, timer, stream) would keep the process alive past this.
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000)
    child.on('close', (c) => {
      clearTimeout(timer)
      resolve(c)
    })
  })
  expect(code, `stderr:\n${err}\nstdout:\n${out}`).toBe(0)
  expect(out).toMatch(
    /^Amigo Platform SDK demo against the local mock platform at http:\/\/127\.0\.0\.1:\d+$/m,
  )
  expectTranscript(out.split('\n'))
}, 60_000)
