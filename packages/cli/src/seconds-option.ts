import { MAX_TIMER_MS } from '@amigo-ai/core'
import { usageError } from './errors/cli-error'

// Seconds as people write them: digits, optionally a decimal point and more digits. Number() would
// also read `0x10`, `1e3`, `0b1`, `Infinity` or a value padded with spaces as some other number.
const PLAIN_DECIMAL = /^\d+(?:\.\d+)?$/

/** Options of {@link secondsOption}. */
interface SecondsRange {
  /** 0 is a value of its own (`--tolerance 0`: no clock difference), not a missing one. */
  zero?: boolean
  /** The largest value in milliseconds: by default the longest a timer can wait. */
  mostMs?: number
}

/**
 * Checks an option given in seconds (`--timeout 120`, `--idle-timeout 0.5`) and returns it in
 * milliseconds: a positive number (or 0 when `zero`) up to `mostMs`, else a usage error naming the
 * option and saying what it takes.
 */
export function secondsOption(
  option: string,
  value: string,
  example: string,
  { zero = false, mostMs = MAX_TIMER_MS }: SecondsRange = {},
): number {
  const ms = PLAIN_DECIMAL.test(value) ? Number(value) * 1000 : Number.NaN
  if (!((zero ? ms >= 0 : ms > 0) && ms <= mostMs))
    throw usageError(
      `${option} must be a ${zero ? 'number of seconds from 0' : 'positive number of seconds'}, at most ${Math.floor(mostMs / 1000)}, got "${value}"`,
      `digits with an optional decimal point, e.g. ${option} ${example}`,
    )
  return ms
}
