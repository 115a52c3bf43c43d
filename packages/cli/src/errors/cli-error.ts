import { EXIT, type ExitCode } from '../exit-codes'

/**
 * A failure the CLI explains itself: one line of `message`, an optional `hint` saying what to do,
 * and the exit code. Anything else that reaches the top is described by `describeError`.
 */
export class CliError extends Error {
  readonly exitCode: ExitCode
  readonly hint?: string

  constructor(message: string, options: { exitCode?: ExitCode; hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'CliError'
    this.exitCode = options.exitCode ?? EXIT.failure
    if (options.hint !== undefined) this.hint = options.hint
  }
}

/** A mistake on the command line (exit 2). */
export const usageError = (message: string, hint?: string): CliError =>
  new CliError(message, { exitCode: EXIT.usage, ...(hint ? { hint } : {}) })
