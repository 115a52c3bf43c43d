/** Default replay window: deliveries more than 5 minutes old or ahead of our clock are rejected. */
export const DEFAULT_TOLERANCE_MS = 300_000

/** A point in time: epoch milliseconds, a Date, or (for expiries) an ISO-8601 string. */
export type Instant = number | Date | string

/**
 * The instant a timestamp header denotes, in epoch ms, or NaN. Digits below 10^12 are Unix seconds,
 * larger ones milliseconds; otherwise an ISO-8601 date-time with an explicit zone (Z or ±hh:mm).
 * The shape is strict on purpose: the MAC covers `v1:<timestamp>:<body>`, so if a truncated
 * timestamp such as `2026-01-01T00:00` (or one with `:…` appended) were accepted, bytes could be
 * moved between timestamp and body and a forged body would still verify.
 */
export const headerTimeMs = (value: string): number =>
  /^\d+(\.\d+)?$/.test(value)
    ? +value < 1e12
      ? +value * 1000
      : +value
    : /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/i.test(value)
      ? Date.parse(value)
      : Number.NaN

/** Epoch ms of an instant given by the caller, or NaN. */
export const instantMs = (value: Instant): number => (typeof value === 'string' ? Date.parse(value) : +value)
