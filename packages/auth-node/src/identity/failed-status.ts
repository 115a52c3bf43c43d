/**
 * How messages name the HTTP status of a failed identity-service answer: `HTTP 503`, and for a 3xx
 * `HTTP 307 (a redirect, not followed)`, since identity requests never follow one (a form holding a
 * refresh token or device code must not be re-sent elsewhere) and the bare status reads like a fault.
 */
export const failedStatus = (status: number): string =>
  `HTTP ${status}${status >= 300 && status < 400 ? ' (a redirect, not followed)' : ''}`
