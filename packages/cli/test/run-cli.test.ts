// The in-process runner itself (test/helpers/run-cli.ts): a command its test left running is stopped
// when that test ends, as Ctrl-C stops it, so nothing it keeps (a server, a stream) reaches the next.
import { describe, expect, it } from 'vitest'
import { cliEnv, type RunningCli, startCli } from './helpers/cli'

describe('startCli', () => {
  let left: RunningCli | undefined

  it('starts amigo mock in this process and leaves it serving', async () => {
    left = startCli(['mock', '--port', '0'], { env: cliEnv() })
    await left.waitFor(/AMIGO_BASE_URL=/, 'stdout')
  })

  it('the test after it finds it stopped, as after Ctrl-C (exit 0)', async () => {
    expect(left).toBeDefined()
    const r = await (left as RunningCli).result
    expect(r.code, r.stderr).toBe(0)
  })
})
