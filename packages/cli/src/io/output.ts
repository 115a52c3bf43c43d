import { type Colors, colorsFor } from './colors'
import { printable } from './printable'
import { Secrets } from './secrets'

/** The process's streams and environment (tests pass their own). */
export interface Terminal {
  stdout: NodeJS.WritableStream & { isTTY?: boolean }
  stderr: NodeJS.WritableStream & { isTTY?: boolean }
  stdin: NodeJS.ReadableStream & { isTTY?: boolean }
  env: NodeJS.ProcessEnv
}

/**
 * Where the CLI writes: results on stdout, everything meant for a person (progress, request ids,
 * errors) on stderr, so `amigo api ... | jq` gets only JSON. Every line passes through the secret
 * filter of the run, `secrets`: stdout's through `redactKnown` (it carries data), stderr's through
 * `redact`.
 */
export class Output {
  /** Colours for stdout. */
  readonly color: Colors
  /** Colours for stderr. */
  readonly errColor: Colors

  constructor(
    readonly term: Terminal,
    noColor = false,
    readonly secrets: Secrets = new Secrets(),
  ) {
    this.color = colorsFor(term.stdout, term.env, noColor)
    this.errColor = colorsFor(term.stderr, term.env, noColor)
  }

  /** True when stdout is a terminal (people read it) rather than a pipe or file (programs do). */
  get interactive(): boolean {
    return this.term.stdout.isTTY === true
  }

  /** One result line on stdout. */
  print(text: string): void {
    this.term.stdout.write(`${this.secrets.redactKnown(text)}\n`)
  }

  /**
   * Text a server or handler sent, made ready for stdout: on a terminal its control characters are
   * shown escaped (line breaks kept), since the terminal would obey the escape sequences in it; to a
   * pipe or file it goes as it came, for the program reading it.
   */
  received(text: string): string {
    return this.interactive ? printable(text, true) : text
  }

  /** One line for the person at the terminal, on stderr. */
  info(text: string): void {
    this.term.stderr.write(`${this.secrets.redact(text)}\n`)
  }
}
