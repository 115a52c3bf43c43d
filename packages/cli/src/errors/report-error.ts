import { colorsFor } from '../io/colors'
import type { Terminal } from '../io/output'
import { printable } from '../io/printable'
import { Secrets } from '../io/secrets'
import { describeError } from './describe-error'

/**
 * Prints a failure as one line plus a hint (with --debug, the stack and causes too), without the
 * secrets the run has seen (`secrets`); returns the exit code.
 */
export function reportError(error: unknown, term: Terminal, debug: boolean, secrets = new Secrets()): number {
  const { message, hint, exitCode } = describeError(error)
  const c = colorsFor(term.stderr, term.env)
  // Messages can carry a server's text: shown, never obeyed by the terminal, and one line each.
  // Secrets are filtered out before escaping: an escaped secret is not the text the filter looks for.
  const shown = (text: string, keepLines = false) => printable(secrets.redact(text), keepLines)
  const lines = [`${c.red('error:')} ${shown(message)}`]
  if (hint) lines.push(`${c.dim('hint:')} ${shown(hint)}`)
  if (debug) lines.push(...debugDetail(error).map((line) => shown(line, true)))
  term.stderr.write(`${lines.join('\n')}\n`)
  return exitCode
}

function debugDetail(error: unknown): string[] {
  const out: string[] = []
  let current: unknown = error
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    out.push(depth === 0 ? '' : 'caused by:', current.stack ?? String(current))
    const body = (current as { body?: unknown }).body
    if (body !== undefined) out.push(`response body: ${JSON.stringify(body)}`)
    current = current.cause
  }
  return out
}
