import { usageError } from './errors/cli-error'

/**
 * Checks an option that counts something (`--max-events 5`, `--max-reconnects 0`): a whole number
 * from `least` up to the largest a JS number counts exactly, else a usage error naming the option.
 * Digits only, so that `1e3`, `0x10` or `1.0` are refused rather than read as some other number.
 */
export function countOption(option: string, value: string, least: number, example: number): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN
  if (!(Number.isSafeInteger(n) && n >= least))
    throw usageError(
      `${option} must be a whole number from ${least} to ${Number.MAX_SAFE_INTEGER}, got "${value}"`,
      `e.g. ${option} ${example}`,
    )
  return n
}
