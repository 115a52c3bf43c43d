import { usageError } from './errors/cli-error'
import { MAX_TIMER_MS } from './max-timer'

/**
 * Checks an option given in seconds (`--timeout 120`, `--idle-timeout 0.5`) and returns it in
 * milliseconds: a positive number a timer can wait, else a usage error naming the option.
 */
export function secondsOption(option: string, value: string, example: string): number {
  const ms = value.trim() === '' ? Number.NaN : Number(value) * 1000
  if (!(ms > 0 && ms <= MAX_TIMER_MS))
    throw usageError(
      `${option} must be a positive number of seconds, at most ${Math.floor(MAX_TIMER_MS / 1000)}, got "${value}"`,
      `e.g. ${option} ${example}`,
    )
  return ms
}
