import { redactSecrets } from '@amigo-ai/core'

// Every secret this process has seen (API key, tokens, webhook secrets). Whatever the CLI prints
// passes through `redact`, so none of them can reach the terminal or a log, even inside an error
// message or a handler's echoed body.
const known = new Set<string>()

/** Registers values that must never be printed. Empty and missing values are ignored. */
export function rememberSecret(...values: (string | undefined)[]): void {
  for (const v of values) if (typeof v === 'string' && v.length > 0) known.add(v)
}

/** `text` with every remembered secret and every `Bearer <token>` replaced by `[REDACTED]`. */
export function redact(text: string): string {
  return known.size === 0 && !/bearer/i.test(text) ? text : redactSecrets(text, [...known])
}
