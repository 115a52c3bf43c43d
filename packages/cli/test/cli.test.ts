// The built `amigo` as a shell starts it, a child process each: help for every command, the version,
// usage errors as one line with a hint and exit code 2 (never a stack trace), and an output that
// cannot be written.
import { spawn } from 'node:child_process'
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { CLI, cliEnv, runSpawnedCli, type SpawnedCli, spawnCli } from './helpers/cli'
import { apiKeyEnv, startFastMock } from './helpers/mock'

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))

const COMMANDS = [
  ['login'],
  ['logout'],
  ['whoami'],
  ['api'],
  ['events', 'tail'],
  ['webhooks', 'trigger'],
  ['webhooks', 'list'],
  ['webhooks', 'verify'],
  ['mock'],
]

describe('amigo', () => {
  it('--help lists every command, the environment and the exit codes', async () => {
    const r = await runSpawnedCli(['--help'])
    expect(r.code).toBe(0)
    for (const name of ['login', 'logout', 'whoami', 'api', 'events', 'webhooks', 'mock'])
      expect(r.stdout).toMatch(new RegExp(`^  ${name} `, 'm'))
    expect(r.stdout).toContain('AMIGO_API_KEY')
    expect(r.stdout).toMatch(/2 usage error/)
    // Exit 5 is also a timestamp ahead of the clock, as the README says.
    expect(r.stdout).toMatch(/5 webhook timestamp too old or in the future/)
  })

  it.each(COMMANDS)('%s %s --help explains the command', async (...names) => {
    const r = await runSpawnedCli([...names.filter(Boolean), '--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(new RegExp(`^Usage: amigo ${names.filter(Boolean).join(' ')}`, 'm'))
    expect(r.stderr).toBe('')
  })

  it('--version and -v print the package version', async () => {
    expect((await runSpawnedCli(['--version'])).stdout).toBe(`${pkg.version}\n`)
    expect((await runSpawnedCli(['-v'])).stdout).toBe(`${pkg.version}\n`)
  })

  it('a usage error ends at once, unread input and all (the harness takes the closed pipe as its answer)', async () => {
    const r = await runSpawnedCli(['mock', '--port', 'none'], { input: 'x'.repeat(8 << 20) })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^error: --port must be a whole number/)
  })

  it('with no command prints the help and succeeds', async () => {
    const r = await runSpawnedCli([])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Usage: amigo/)
  })

  it('an unknown command is a usage error with a suggestion and a hint', async () => {
    const r = await runSpawnedCli(['whoam'])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(
      /^error: unknown command 'whoam'\n\(Did you mean whoami\?\)\n\(run 'amigo --help'/,
    )
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('an unknown option and a missing argument are usage errors', async () => {
    const unknown = await runSpawnedCli(['whoami', '--frobnicate'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/unknown option '--frobnicate'/)
    const missing = await runSpawnedCli(['api', 'get'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/missing required argument 'path'/)
  })

  it('a command group without its subcommand shows its help as a usage error', async () => {
    const r = await runSpawnedCli(['events'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/Usage: amigo events/)
  })

  // /dev/full fails every write with ENOSPC, as a full disk does.
  it.runIf(existsSync('/dev/full'))(
    'an output that cannot be written (a full disk) is one error line and exit 1, no stack trace',
    async () => {
      const full = openSync('/dev/full', 'w')
      try {
        const child = spawn(process.execPath, [CLI, 'webhooks', 'list'], {
          env: cliEnv(),
          stdio: ['ignore', full, 'pipe'],
        })
        let stderr = ''
        child.stderr!.on('data', (c) => (stderr += c))
        const code = await new Promise((resolve) => child.once('close', resolve))
        expect(stderr).toBe('error: cannot write the output: no space left on device (ENOSPC)\n')
        expect(code).toBe(1)
      } finally {
        closeSync(full)
      }
    },
  )
})

// The tests of each command run it in the test process, where a timer or socket it left open would
// go unnoticed. The bin ends a finished command anyway, two seconds later (src/cli.ts): a wait for
// every user. Here each command's process must end because nothing is left to do.
describe('each command, as a process, leaves nothing running once done', () => {
  const SECRET = 'whsec_ends_by_itself_0123456789'
  const probe = fileURLToPath(new URL('./fixtures/exit-probe.cjs', import.meta.url))
  const EMPTIED = '[event loop emptied]\n'

  it('api, whoami, events tail --max-events, webhooks trigger and verify, logout', async () => {
    const mock = await startFastMock()
    try {
      const env = { ...cliEnv(apiKeyEnv(mock)), NODE_OPTIONS: `--require ${probe}` }
      const ended = async (cli: SpawnedCli) => {
        const r = await cli.result
        expect(r.code, r.stderr).toBe(0)
        expect(r.stderr.endsWith(EMPTIED), r.stderr).toBe(true)
        return r
      }
      await ended(spawnCli(['api', 'get', '/v1/{workspace_id}/agents'], { env, input: '' }))
      await ended(spawnCli(['whoami'], { env, input: '' }))
      const tail = spawnCli(['events', 'tail', '--max-events', '1'], { env })
      await tail.waitFor(/Listening for events in workspace/)
      mock.emit('call.started', { call_sid: 'CA1' })
      await ended(tail)
      const trigger = ['webhooks', 'trigger', 'call.ended', '--print', '--secret', SECRET]
      const printed = await ended(spawnCli(trigger, { env, input: '' }))
      await ended(spawnCli(['webhooks', 'verify', '--secret', SECRET], { env, input: printed.stdout }))
      await ended(spawnCli(['logout'], { env, input: '' }))
    } finally {
      await mock.close()
    }
  })
})
