// Runs `amigo` in this test process, through src/main's `run` with streams of its own standing in for
// stdin, stdout and stderr (pipes, not a terminal) and the given environment. No process is started,
// so a test costs what its command costs, not a Node start-up.
import { PassThrough } from 'node:stream'
import { run } from '../../src/main'
import { type CliOptions, testEnv } from './cli-env'
import { type CliResult, collect, type RunningCli } from './cli-output'

const running = new Set<AbortController>()

/**
 * Stops the runs still going, as Ctrl-C would (after each test: a test that failed before its command
 * finished), so a server or poll they keep never reaches the next test.
 */
export function stopRunning(): void {
  for (const stop of running) stop.abort()
}

/** A CLI running in this process, which the test can stop. */
interface InProcessCli extends RunningCli {
  /** Ends the command as Ctrl-C does (through `run`'s `stop` signal). */
  stop(): void
}

/**
 * Starts `amigo <args>` in this process; `input` (when given) is written to stdin, which is then
 * closed (otherwise stdin stays open and empty, as a pipe nobody writes to).
 */
export function startCli(args: string[], opts: CliOptions = {}): InProcessCli {
  const env = testEnv(opts, 'startCli')
  const term = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), env }
  const seen = collect(term.stdout, term.stderr)
  if (opts.input !== undefined) term.stdin.end(opts.input)
  let ended = false
  const stop = new AbortController()
  running.add(stop)
  const result = withProcessEnv(env, () => run(args, term, stop.signal)).then(
    // Whatever the streams still hold arrives before the result does.
    (code) =>
      new Promise<CliResult>((resolve) =>
        setImmediate(() => {
          ended = true
          running.delete(stop)
          seen.wake()
          resolve({ code, signal: null, ...seen.out })
        }),
      ),
  )
  return seen.view(() => ended, { result, stop: () => stop.abort() })
}

/** Runs `amigo <args>` in this process to the end; stdin is closed at once unless `input` is given. */
export function runCli(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  return startCli(args, { ...opts, input: opts.input ?? '' }).result
}

/**
 * Calls `call` with `process.env` holding exactly `env`, then puts it back. Commander reads the
 * variables behind options (AMIGO_BASE_URL, AMIGO_PROFILE, AMIGO_WEBHOOK_SECRET) from process.env,
 * synchronously while `run` parses its arguments; the commands read everything else from the
 * environment `run` was given.
 */
function withProcessEnv<T>(env: NodeJS.ProcessEnv, call: () => T): T {
  const saved = { ...process.env }
  const replace = (next: NodeJS.ProcessEnv) => {
    for (const key of Object.keys(process.env)) delete process.env[key]
    // Only set values: process.env would hold an undefined one as the text "undefined".
    for (const [key, value] of Object.entries(next)) if (value !== undefined) process.env[key] = value
  }
  replace(env)
  try {
    return call()
  } finally {
    replace(saved)
  }
}
