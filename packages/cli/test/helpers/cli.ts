// Drives the BUILT CLI (dist/cli.js) as a user's shell would: a child process with its own
// environment, stdin, stdout and stderr. The config directory is a fresh temporary folder per call
// site, so no test ever touches the real ~/.config/amigo; every folder made here is removed when
// the test file that made it ends.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll } from 'vitest'
import { unbuiltDependencies } from '../../../../vitest.shared.js'

export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
// The built CLI runs on the built workspace packages it imports, so their dist must be there too.
const unbuilt = [
  ...(existsSync(CLI) ? [] : [CLI]),
  ...unbuiltDependencies(new URL('../../package.json', import.meta.url)),
]
if (unbuilt.length)
  throw new Error(
    `build the CLI and the packages it runs on first (pnpm --filter "@amigo-ai/cli..." build): ${unbuilt.join(', ')} missing`,
  )

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
  child: ChildProcess
  readonly stdout: string
  readonly stderr: string
  /** Resolves with the match once `pattern` appears on the stream (rejects if the CLI exits first). */
  waitFor(pattern: RegExp, stream?: 'stdout' | 'stderr'): Promise<RegExpMatchArray>
  result: Promise<CliResult>
}

/** Starts `amigo <args>`; `input` (when given) is written to stdin, which is then closed. */
export function startCli(args: string[], opts: { env?: NodeJS.ProcessEnv; input?: string } = {}): RunningCli {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: opts.env ?? cliEnv(),
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  const out = { stdout: '', stderr: '' }
  const waiters: Array<() => void> = []
  const wake = () => {
    for (const w of [...waiters]) w()
  }
  child.stdout!.on('data', (c) => {
    out.stdout += c
    wake()
  })
  child.stderr!.on('data', (c) => {
    out.stderr += c
    wake()
  })
  if (opts.input !== undefined) child.stdin!.end(opts.input)
  const result = new Promise<CliResult>((resolve, reject) => {
    child.once('error', reject)
    // A CLI that ends before reading its input (a usage error) closes the pipe first: EPIPE is the
    // write's answer then, not the test's failure.
    child.stdin!.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') reject(err)
    })
    child.once('close', (code, signal) => {
      resolve({ code, signal, ...out })
      wake()
    })
  })
  return {
    child,
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
          } else if (child.exitCode !== null || child.signalCode !== null) {
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
    result,
  }
}

/** Runs `amigo <args>` to the end; stdin is closed at once unless `input` is given. */
export function runCli(
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; input?: string } = {},
): Promise<CliResult> {
  return startCli(args, { ...opts, input: opts.input ?? '' }).result
}
