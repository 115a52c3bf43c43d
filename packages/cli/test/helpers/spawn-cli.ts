// Runs the BUILT CLI (dist/cli.js) as a user's shell starts it: a child process with its own
// environment and pipes. For what only a process has: signals, a reader that goes away, the bin's own
// start-up and exit handling.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { unbuiltDependencies } from '../../../../vitest.shared.js'
import { type CliOptions, testEnv } from './cli-env'
import { type CliResult, collect, type RunningCli } from './cli-output'

export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))

/** A CLI started as a child process. */
export interface SpawnedCli extends RunningCli {
  child: ChildProcess
}

/** Starts the built `amigo <args>` as a child process; `input` as for startCli. */
export function spawnCli(args: string[], opts: CliOptions = {}): SpawnedCli {
  const missing = unbuilt()
  if (missing.length)
    throw new Error(
      `build the CLI and the packages it runs on first (pnpm --filter "@amigo-ai/cli..." build): ${missing.join(', ')} missing`,
    )
  const child = spawn(process.execPath, [CLI, ...args], {
    env: testEnv(opts, 'spawnCli'),
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  const seen = collect(child.stdout!, child.stderr!)
  if (opts.input !== undefined) child.stdin!.end(opts.input)
  // Ended once its streams are closed too ('close'), not at its exit: its last output may still be
  // on the way then.
  let closed = false
  const result = new Promise<CliResult>((resolve, reject) => {
    child.once('error', reject)
    // A CLI that ends before reading its input (a usage error) closes the pipe first: EPIPE is the
    // write's answer then, not the test's failure.
    child.stdin!.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') reject(err)
    })
    child.once('close', (code, signal) => {
      closed = true
      resolve({ code, signal, ...seen.out })
      seen.wake()
    })
  })
  return seen.view(() => closed, { child, result })
}

/** runCli for the built CLI, in a child process. */
export function runSpawnedCli(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  return spawnCli(args, { ...opts, input: opts.input ?? '' }).result
}

/** The built CLI and the built workspace packages it runs on, where missing. */
const unbuilt = () => [
  ...(existsSync(CLI) ? [] : [CLI]),
  ...unbuiltDependencies(new URL('../../package.json', import.meta.url)),
]
