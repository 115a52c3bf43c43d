import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** A TypeScript script running in a Node process of its own (through tsx). */
export interface TsxProcess {
  readonly child: ChildProcess
  /** Its stdout and stderr so far, in the order they arrived. */
  readonly output: string
  /** Settles when the process exits: its exit code (null when a signal ended it) and output. */
  readonly exited: Promise<{ code: number | null; output: string }>
}

/**
 * Starts `script` with `args` in a separate Node process, from `cwd` (where tsx resolves): for
 * tests about what only a whole process shows (several processes sharing a file, a process that
 * must be able to exit).
 */
export function startTsxScript(script: URL, args: string[], cwd: URL): TsxProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(script), ...args], {
    cwd: fileURLToPath(cwd),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const collect = (d: Buffer) => {
    output += d
  }
  child.stdout!.on('data', collect)
  child.stderr!.on('data', collect)
  const exited = new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => resolve({ code, output }))
  })
  return {
    child,
    get output() {
      return output
    },
    exited,
  }
}
