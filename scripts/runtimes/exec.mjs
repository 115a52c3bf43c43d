// Runs a child process without blocking the event loop (the harness serves the local platform
// from this same process), with a hard timeout that kills the child's whole process group.
import { spawn } from 'node:child_process'

/**
 * Runs `cmd args`; resolves `{ code, stdout, stderr, output, timedOut, secs }` (output: both streams
 * in arrival order), never rejects. Aborting `signal` stops the child's process group: SIGTERM
 * first, so a tool that runs its own children (turbo) can stop them, SIGKILL 3 s later.
 */
export function exec(cmd, args, { cwd, env, timeoutMs = 120_000, input, signal } = {}) {
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env: env ?? process.env, detached: true })
    let stdout = ''
    let stderr = ''
    let output = ''
    let timedOut = false
    child.stdout.on('data', (d) => {
      stdout += d
      output += d
    })
    child.stderr.on('data', (d) => {
      stderr += d
      output += d
    })
    if (input !== undefined) child.stdin.end(input)
    else child.stdin.end()
    const killGroup = (sig = 'SIGKILL') => {
      try {
        process.kill(-child.pid, sig)
      } catch {}
    }
    const timer = setTimeout(() => {
      timedOut = true
      killGroup()
    }, timeoutMs)
    let forceKill
    const onAbort = () => {
      killGroup('SIGTERM')
      forceKill = setTimeout(killGroup, 3_000)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
    const done = (code) => {
      clearTimeout(timer)
      clearTimeout(forceKill)
      signal?.removeEventListener('abort', onAbort)
      resolve({ code, stdout, stderr, output, timedOut, secs: (Date.now() - started) / 1000 })
    }
    child.on('error', (err) => {
      stderr += String(err)
      done(-1)
    })
    child.on('close', (code) => done(code ?? -1))
  })
}

/** The last `n` lines of a text, for failure output that stays readable. */
export const tail = (text, n = 40) => text.trimEnd().split('\n').slice(-n).join('\n')

/** Parses the `RESULT {...}` lines a fixture prints. */
export const parseResults = (stdout) =>
  stdout
    .split('\n')
    .filter((l) => l.startsWith('RESULT '))
    .map((l) => JSON.parse(l.slice(7)))
