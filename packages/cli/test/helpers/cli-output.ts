// What a CLI test sees of a run, in process or in a child process alike: its output so far, a way to
// wait for a line, and the result.

/** The outcome of one run. */
export interface CliResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** A running CLI: its output so far, a way to wait for a line, and the final result. */
export interface RunningCli {
  readonly stdout: string
  readonly stderr: string
  /** Resolves with the match once `pattern` appears on the stream (rejects if the CLI ends first). */
  waitFor(pattern: RegExp, stream?: 'stdout' | 'stderr'): Promise<RegExpMatchArray>
  result: Promise<CliResult>
}

/**
 * Collects what is written to `stdout` and `stderr` as text; `view` adds to `fields` the live output
 * (getters: spreading them would copy what was written so far) and a `waitFor` that rejects once
 * `ended()` says the CLI is done.
 */
export function collect(stdout: NodeJS.ReadableStream, stderr: NodeJS.ReadableStream) {
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
