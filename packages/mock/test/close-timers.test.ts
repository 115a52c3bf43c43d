// A closed mock leaves no timer behind that keeps the process alive: a request waiting out a long
// `latency` fault, a `ws-kill=<ms>` socket or a slow streamed turn or observer stream
// (`turnTokenDelayMs`) would otherwise hold a script or a test worker open that long after
// `mock.close()`. Each case runs in its own Node process, which must exit once the mock is closed.
import { startTsxScript } from '@amigo-ai/test-server'
import { describe, expect, it } from 'vitest'

/** Runs test/scripts/close-and-exit.ts for `mode`; 'exited' with its output, or 'still running' after `ms`. */
async function closeAndExit(mode: string, ms: number): Promise<{ outcome: string; output: string }> {
  const run = startTsxScript(
    new URL('./scripts/close-and-exit.ts', import.meta.url),
    [mode],
    new URL('..', import.meta.url),
  )
  let closedAt = 0
  const stuck = new Promise<'still running'>((resolve) => {
    const watchdog = setInterval(() => {
      if (!closedAt && run.output.includes('closed')) closedAt = Date.now()
      if (closedAt && Date.now() - closedAt > ms) resolve('still running')
    }, 20)
    const stop = () => clearInterval(watchdog)
    run.exited.then(stop, stop)
  })
  const outcome = await Promise.race([
    run.exited.then(({ code }) => (code === 0 ? 'exited' : `exit code ${code}`)),
    stuck,
  ])
  if (outcome === 'still running') run.child.kill()
  return { outcome, output: run.output }
}

describe('a closed mock lets the process exit', () => {
  for (const mode of ['latency', 'ws-kill', 'turn-stream']) {
    it(`with a ${mode} exchange open at close()`, async () => {
      const { outcome, output } = await closeAndExit(mode, 2_000)
      expect(output).toContain('closed')
      expect(outcome).toBe('exited')
    }, 20_000)
  }
})
