import { checkOptions } from './check-options'

/**
 * The `signal` of a call's options, checked: a value that is no AbortSignal is a ConfigurationError
 * naming it, rather than a wait that can never be stopped.
 */
export function checkedSignal(options: { signal?: unknown } | undefined): AbortSignal | undefined {
  const signal = options?.signal
  checkOptions({ signals: { signal } })
  return signal as AbortSignal | undefined
}
