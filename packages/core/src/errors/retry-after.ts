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
  // Only accept things that look like a date, so that e.g. "-5" or "soon" are rejected.
  if (!/[a-z]/i.test(text)) return undefined
  const at = Date.parse(text)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, at - now)
}
