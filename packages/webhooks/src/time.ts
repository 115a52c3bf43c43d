/** Default replay window: deliveries more than 5 minutes old or ahead of our clock are rejected. */
export const DEFAULT_TOLERANCE_MS = 300_000

/** A point in time: epoch milliseconds, a Date, or (for expiries) an ISO-8601 string. */
export type Instant = number | Date | string

/**
 * The instant a timestamp header denotes, in epoch ms, or NaN. Numbers below 10^12 are Unix
 * seconds and larger ones milliseconds; anything else goes to the JavaScript date parser.
 */
export function headerTimeMs(value: string): number {
  const n = Number(value)
  return Number.isFinite(n) ? (n < 1e12 ? n * 1000 : n) : Date.parse(value)
}

/** Epoch ms of an instant given by the caller, or NaN. */
export const instantMs = (value: Instant): number => (typeof value === 'string' ? Date.parse(value) : +value)
