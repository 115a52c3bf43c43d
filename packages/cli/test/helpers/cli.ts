// Runs `amigo` two ways, with the same result shape:
// - startCli / runCli: in this test process, through src/main's `run` with streams of its own
//   standing in for stdin, stdout and stderr (pipes, not a terminal) and the given environment. No
//   process is started, so a test costs what its command costs, not a Node start-up.
// - spawnCli / runSpawnedCli: the BUILT CLI (dist/cli.js) as a user's shell starts it, a child
//   process with its own environment and pipes. For what only a process has: signals, a reader
//   that goes away, the bin's own start-up and exit handling.
// The config directory is a fresh temporary folder per call site, so no test ever touches the real
// ~/.config/amigo; every folder made here is removed when the test file that made it ends.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { afterAll } from 'vitest'
import { unbuiltDependencies } from '../../../../vitest.shared.js'
import { run } from '../../src/main'

export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))

// A command run in process reads its environment from `run`'s terminal, never from process.env. Here
// process.env names a config folder no login can be read from or written to, so a command that
// looked there instead would fail its test rather than use the folder of this machine's user.
process.env.AMIGO_CONFIG_DIR = '/dev/null/amigo-cli-tests-read-term-env'

/** The outcome of one run. */
export interface CliResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

const made: string[] = []
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A fresh, empty config directory (where logins are stored); removed when the test file ends. */
export function tempConfigDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'amigo-cli-test-'))
  made.push(dir)
  return dir
}

/** A clean environment: PATH and HOME only, plus `extra` (no AMIGO_* leaks in from the machine). */
export function cliEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: tmpdir(), AMIGO_CONFIG_DIR: tempConfigDir() }
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v
  return env
}

/** A running CLI: its output so far, a way to wait for a line, and the final result. */
export interface RunningCli {
  readonly stdout: string
  readonly stderr: string
  /** Resolves with the match once `pattern` appears on the stream (rejects if the CLI exits first). */
  waitFor(pattern: RegExp, stream?: 'stdout' | 'stderr'): Promise<RegExpMatchArray>
  result: Promise<CliResult>
}

/** A CLI started as a child process. */
export interface SpawnedCli extends RunningCli {
  child: ChildProcess
}

/** How to run it: the environment (default cliEnv()) and what to write to stdin before closing it. */
export interface CliOptions {
  env?: NodeJS.ProcessEnv
  input?: string | Uint8Array
}

/**
 * Starts `amigo <args>` in this process; `input` (when given) is written to stdin, which is then
 * closed (otherwise stdin stays open and empty, as a pipe nobody writes to).
 */
export function startCli(args: string[], opts: CliOptions = {}): RunningCli {
  const env = opts.env ?? cliEnv()
  // The logins of this process's user are never a test's to read or write.
  if (!env.AMIGO_CONFIG_DIR)
    throw new Error('startCli: the environment needs an AMIGO_CONFIG_DIR (cliEnv gives one)')
  const term = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), env }
  const seen = collect(term.stdout, term.stderr)
  if (opts.input !== undefined) term.stdin.end(opts.input)
  let ended = false
  const result = withProcessEnv(env, () => run(args, term)).then(
    // Whatever the streams still hold arrives before the result does.
    (code) =>
      new Promise<CliResult>((resolve) =>
        setImmediate(() => {
          ended = true
          seen.wake()
          resolve({ code, signal: null, ...seen.out })
        }),
      ),
  )
  return seen.view(() => ended, { result })
}

/** Starts the built `amigo <args>` as a child process; `input` as for startCli. */
export function spawnCli(args: string[], opts: CliOptions = {}): SpawnedCli {
  const missing = unbuilt()
  if (missing.length)
    throw new Error(
      `build the CLI and the packages it runs on first (pnpm --filter "@amigo-ai/cli..." build): ${missing.join(', ')} missing`,
    )
  const child = spawn(process.execPath, [CLI, ...args], {
    env: opts.env ?? cliEnv(),
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  const seen = collect(child.stdout!, child.stderr!)
  if (opts.input !== undefined) child.stdin!.end(opts.input)
  const result = new Promise<CliResult>((resolve, reject) => {
    child.once('error', reject)
    // A CLI that ends before reading its input (a usage error) closes the pipe first: EPIPE is the
    // write's answer then, not the test's failure.
    child.stdin!.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') reject(err)
    })
    child.once('close', (code, signal) => {
      resolve({ code, signal, ...seen.out })
      seen.wake()
    })
  })
  return seen.view(() => child.exitCode !== null || child.signalCode !== null, { child, result })
}

/** Runs `amigo <args>` in this process to the end; stdin is closed at once unless `input` is given. */
export function runCli(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  return startCli(args, { ...opts, input: opts.input ?? '' }).result
}

/** runCli for the built CLI, in a child process. */
export function runSpawnedCli(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  return spawnCli(args, { ...opts, input: opts.input ?? '' }).result
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
    Object.assign(process.env, next)
  }
  replace(env)
  try {
    return call()
  } finally {
    replace(saved)
  }
}

/** The built CLI and the built workspace packages it runs on, where missing. */
const unbuilt = () => [
  ...(existsSync(CLI) ? [] : [CLI]),
  ...unbuiltDependencies(new URL('../../package.json', import.meta.url)),
]

/**
 * Collects what is written to `stdout` and `stderr` as text; `view` adds to `fields` the live output
 * (getters: spreading them would copy what was written so far) and a `waitFor` that rejects once
 * `ended()` says the CLI is done.
 */
function collect(stdout: NodeJS.ReadableStream, stderr: NodeJS.ReadableStream) {
  const out = { stdout: '', stderr: '' }
  const waiters: Array<() => void> = []
  const wake = () => {
    for (const w of [...waiters]) w()
  }
  stdout.on('data', (c) => {
    out.stdout += c
    wake()
  })
  stderr.on('data', (c) => {
    out.stderr += c
    wake()
  })
  const view = <F extends object>(ended: () => boolean, fields: F) => {
    const live: Omit<RunningCli, 'result'> = {
      get stdout() {
        return out.stdout
      },
      get stderr() {
        return out.stderr
      },
      waitFor(pattern, stream = 'stderr') {
        return new Promise((resolve, reject) => {
          const check = () => {
            const m = out[stream].match(pattern)
            if (m) {
              waiters.splice(waiters.indexOf(check), 1)
              resolve(m)
            } else if (ended()) {
              waiters.splice(waiters.indexOf(check), 1)
              reject(
                new Error(
                  `CLI exited before ${pattern} appeared.\nstdout: ${out.stdout}\nstderr: ${out.stderr}`,
                ),
              )
            }
          }
          waiters.push(check)
          check()
        })
      },
    }
    return Object.assign(live, fields)
  }
  return { out, wake, view }
}
