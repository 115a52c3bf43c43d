// `amigo mock`: starts the local platform, prints the environment that reaches it (which works for
// the other commands), keeps running until Ctrl-C and then exits 0.
import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { cliEnv, runCli, spawnCli } from './helpers/cli'

describe('amigo mock', () => {
  it('prints AMIGO_* exports that the other commands can use; Ctrl-C stops it with exit 0', async () => {
    const cli = spawnCli(['mock', '--port', '0'], { env: cliEnv() })
    await cli.waitFor(/export AMIGO_WORKSPACE_ID=\S+/, 'stdout')
    const vars = Object.fromEntries(
      [...cli.stdout.matchAll(/^export (AMIGO_\w+)=(\S+)$/gm)].map((m) => [m[1], m[2]]),
    )
    expect(Object.keys(vars).sort()).toEqual(['AMIGO_API_KEY', 'AMIGO_BASE_URL', 'AMIGO_WORKSPACE_ID'])
    expect(vars.AMIGO_BASE_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const api = await runCli(['api', 'get', '/v1/{workspace_id}/agents', '--json'], { env: cliEnv(vars) })
    expect(api.code).toBe(0)
    expect(JSON.parse(api.stdout).items.length).toBeGreaterThan(0)
    cli.child.kill('SIGINT')
    const r = await cli.result
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/Stopped/)
  })

  it('--simulate produces live call events for events tail', async () => {
    const mock = spawnCli(['mock', '--port', '0', '--simulate', '0.05'], { env: cliEnv() })
    await mock.waitFor(/export AMIGO_WORKSPACE_ID=\S+/, 'stdout')
    const vars = Object.fromEntries(
      [...mock.stdout.matchAll(/^export (AMIGO_\w+)=(\S+)$/gm)].map((m) => [m[1], m[2]]),
    )
    const tail = spawnCli(['events', 'tail', '--type', 'call.started'], { env: cliEnv(vars) })
    await tail.waitFor(/"type":"call.started"/, 'stdout')
    tail.child.kill('SIGINT')
    mock.child.kill('SIGINT')
    expect((await tail.result).code).toBe(0)
    expect((await mock.result).code).toBe(0)
  })

  it('--simulate with no service left to call says so once on stderr and keeps serving', async () => {
    const mock = spawnCli(['mock', '--port', '0', '--simulate', '0.02'], { env: cliEnv() })
    await mock.waitFor(/export AMIGO_WORKSPACE_ID=\S+/, 'stdout')
    const vars = Object.fromEntries(
      [...mock.stdout.matchAll(/^export (AMIGO_\w+)=(\S+)$/gm)].map((m) => [m[1], m[2]]),
    )
    const env = cliEnv(vars)
    const services = await runCli(['api', 'get', '/v1/{workspace_id}/services', '--json'], { env })
    for (const { id } of JSON.parse(services.stdout).items as { id: string }[])
      expect((await runCli(['api', 'delete', `/v1/{workspace_id}/services/${id}`], { env })).code).toBe(0)
    await mock.waitFor(/--simulate: no call placed: .*has no services/, 'stderr')
    // Still serving after further ticks, and the refusal was said once.
    const agents = await runCli(['api', 'get', '/v1/{workspace_id}/agents', '--json'], { env })
    expect(agents.code).toBe(0)
    mock.child.kill('SIGINT')
    const r = await mock.result
    expect(r.code).toBe(0)
    expect(r.stderr.match(/no call placed/g)).toHaveLength(1)
  })

  it('a --simulate period longer than a timer can wait is a usage error, not a call every millisecond', async () => {
    const r = await runCli(['mock', '--port', '0', '--simulate', '3000000'], { env: cliEnv() })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^error: --simulate must be a positive number of seconds, at most 2147483/)
  })

  it('an empty --port or --seed (an unset shell variable) is a usage error, not port 0 or seed 0', async () => {
    for (const args of [
      ['--port', ''],
      ['--port', '0', '--seed', ' '],
    ]) {
      const r = await runCli(['mock', ...args], { env: cliEnv() })
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr).toMatch(/^error: --(port|seed) must be a whole number from 0 to \d+/)
      expect(r.stdout).toBe('')
    }
  })

  it('a --port or --seed out of range, or not written in digits, is a usage error naming it', async () => {
    for (const args of [
      ['--port', '70000'],
      ['--port', '1e3'],
      ['--port', '0', '--seed', '-1'],
    ]) {
      const r = await runCli(['mock', ...args], { env: cliEnv() })
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr).toMatch(/^error: --(port|seed) must be a whole number from 0 to \d+, got "/)
      expect(r.stdout).toBe('')
    }
  })

  it('a port in use is a usage error with a hint', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const { port } = blocker.address() as { port: number }
    try {
      const r = await runCli(['mock', '--port', String(port)], { env: cliEnv() })
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(new RegExp(`error: port ${port} is in use\\nhint: .*--port 0`))
    } finally {
      blocker.close()
    }
  })
})
