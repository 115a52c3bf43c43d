import { ConfigurationError, isAbortSignal, kindOf, MAX_TIMER_MS } from '@amigo-ai/core'

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
      throw new ConfigurationError(`${name} must be a function, got ${kindOf(v)}`)
  for (const [name, v] of Object.entries(checks.strings ?? {}))
    if (v !== undefined && typeof v !== 'string')
      throw new ConfigurationError(`${name} must be a string, got ${kindOf(v)}`)
  for (const [name, v] of Object.entries(checks.timeouts ?? {}))
    if (v !== undefined && (typeof v !== 'number' || !(v > 0) || !(v <= MAX_TIMER_MS)))
      throw new ConfigurationError(
        `${name} must be a positive number of milliseconds, at most ${MAX_TIMER_MS}`,
      )
  for (const [name, v] of Object.entries(checks.signals ?? {}))
    if (v !== undefined && !isAbortSignal(v))
      throw new ConfigurationError(`${name} must be an AbortSignal, got ${kindOf(v)}`)
}
