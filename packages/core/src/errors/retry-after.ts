/**
 * Parses a `Retry-After` value into milliseconds: delta-seconds (fractions accepted) or an HTTP
 * date (a date in the past gives 0). Anything else gives undefined.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value == null) return undefined
  const text = value.trim()
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000)
  // Only something with a time of day, as all three forms of an HTTP date have: Date.parse alone
  // reads "a 1" or "soon: 5" as a date in 2001, and a 429 would then look retryable at once.
  if (!/\d:\d/.test(text)) return undefined
  const at = Date.parse(text)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, at - now)
}
