// A command reading its input from stdin (`api -d @-`, `webhooks verify`) from a writer that never
// closes it still ends on the first Ctrl-C or SIGTERM, as `timeout 10 amigo ...` expects.
import { describe, expect, it } from 'vitest'
import { cliEnv, spawnCli } from './helpers/cli'

// More than a pipe holds (64 KiB on Linux): its write completes only once the CLI has read most of
// it, so the CLI is certainly reading stdin, with its signal handlers in place, when the signal comes.
// Whitespace, so the JSON read so far is still valid.
const FILLER = ' '.repeat(1 << 20)

async function signalWhileReading(args: string[], signal: NodeJS.Signals) {
  const cli = spawnCli(args, { env: cliEnv({ AMIGO_WEBHOOK_SECRET: 'whsec_stdin_test_0123456789' }) })
  try {
    await new Promise<void>((resolve, reject) =>
      cli.child.stdin!.write(FILLER, (error) => (error ? reject(error) : resolve())),
    )
    cli.child.kill(signal)
    return await cli.result
  } finally {
    cli.child.kill('SIGKILL')
  }
}

describe('stdin that is never closed', () => {
  for (const [name, args] of [
    ['api -d @-', ['api', 'post', '/v1/{workspace_id}/agents', '-d', '@-']],
    ['webhooks verify', ['webhooks', 'verify']],
  ] as const)
    for (const signal of ['SIGTERM', 'SIGINT'] as const)
      it(`${name}: the first ${signal} ends the command with exit 130`, async () => {
        const r = await signalWhileReading([...args], signal)
        expect(r.code, r.stderr).toBe(130)
        expect(r.stderr).toBe('interrupted\n')
        expect(r.stdout).toBe('')
      })
})
