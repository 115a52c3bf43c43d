import { ConfigurationError } from '@amigo-ai/core'

// Timers overflow past this many ms and then fire at once, which would fail every request.
const MAX_TIMER_MS = 2_147_483_647

/** How a wrong value is named in an error message: `null`, `an array`, `a string`, ... */
export const kind = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`

// Duck-typed, as core does: a signal from another realm (jsdom, a vm context) fails instanceof.
const isSignal = (v: unknown) =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as AbortSignal).aborted === 'boolean' &&
  typeof (v as AbortSignal).addEventListener === 'function'

/** Each option is checked up front so a wrong type fails with its name, not deep inside a request. */
export interface OptionChecks {
  functions?: Record<string, unknown>
  strings?: Record<string, unknown>
  timeouts?: Record<string, unknown>
  signals?: Record<string, unknown>
}

/** Throws a ConfigurationError naming the first option that is set but of the wrong type. */
export function checkOptions(checks: OptionChecks): void {
  for (const [name, v] of Object.entries(checks.functions ?? {}))
    if (v !== undefined && typeof v !== 'function')
      throw new ConfigurationError(`${name} must be a function, got ${kind(v)}`)
  for (const [name, v] of Object.entries(checks.strings ?? {}))
    if (v !== undefined && typeof v !== 'string')
      throw new ConfigurationError(`${name} must be a string, got ${kind(v)}`)
  for (const [name, v] of Object.entries(checks.timeouts ?? {}))
    if (v !== undefined && (typeof v !== 'number' || !(v > 0) || !(v <= MAX_TIMER_MS)))
      throw new ConfigurationError(
        `${name} must be a positive number of milliseconds, at most ${MAX_TIMER_MS}`,
      )
  for (const [name, v] of Object.entries(checks.signals ?? {}))
    if (v !== undefined && !isSignal(v))
      throw new ConfigurationError(`${name} must be an AbortSignal, got ${kind(v)}`)
}
