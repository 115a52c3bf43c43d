/** One day in milliseconds. */
export const DAY = 86_400_000

/** One hour in milliseconds. */
export const HOUR = 3_600_000

/** ISO 8601 text of a time in ms since the epoch. */
export const iso = (ms: number) => new Date(ms).toISOString()
