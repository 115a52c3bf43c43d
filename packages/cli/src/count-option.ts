import { usageError } from './errors/cli-error'

/**
 * Checks an option that is a whole number (`--max-events 5`, `--port 0`): from `least` to `most`
 * (default: the largest a JS number counts exactly), else a usage error naming the option. Digits
 * only, so that `1e3`, `0x10`, `1.0`, ` 5` or an empty value (an unset shell variable) are refused
 * rather than read as some other number.
 */
export function countOption(
  option: string,
  value: string,
  least: number,
  example: number,
  most = Number.MAX_SAFE_INTEGER,
): number {
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN
  if (!(Number.isSafeInteger(n) && n >= least && n <= most))
    throw usageError(
      `${option} must be a whole number from ${least} to ${most}, got "${value}"`,
      `e.g. ${option} ${example}`,
    )
  return n
}
