// A closed mock leaves no timer behind that keeps the process alive: a request waiting out a long
// `latency` fault, a `ws-kill=<ms>` socket or a slow streamed turn or observer stream
// (`turnTokenDelayMs`) would otherwise hold a script or a test worker open that long after
// `mock.close()`. Each case runs in its own Node process, which must exit once the mock is closed.
import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'

/** Runs test/scripts/close-and-exit.ts for `mode`; 'exited' with its output, or 'still running' after `ms`. */
function closeAndExit(mode: string, ms: number): Promise<{ outcome: string; output: string }> {
  return new Promise((resolve) => {
    const script = new URL('./scripts/close-and-exit.ts', import.meta.url).pathname
    const child = spawn(process.execPath, ['--import', 'tsx', script, mode], {
      cwd: new URL('..', import.meta.url).pathname,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d) => {
      output += d
    })
    child.stderr.on('data', (d) => {
      output += d
    })
    let closedAt = 0
    const watchdog = setInterval(() => {
      if (!closedAt && output.includes('closed')) closedAt = Date.now()
      if (closedAt && Date.now() - closedAt > ms) {
        clearInterval(watchdog)
        child.kill()
        resolve({ outcome: 'still running', output })
      }
    }, 20)
    child.on('exit', (code) => {
      clearInterval(watchdog)
      resolve({ outcome: code === 0 ? 'exited' : `exit code ${code}`, output })
    })
  })
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
