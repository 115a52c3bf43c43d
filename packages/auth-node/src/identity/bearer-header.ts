// What an HTTP header value may hold (RFC 9110 field-value: visible ASCII, space, tab, obs-text).
// fetch's Headers refuses only NUL, CR and LF; Node's fetch then refuses every other control
// character when it sends the request, reported as a network failure.
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/

/**
 * True when `token` can be sent as `Authorization: Bearer <token>`. One that cannot would fail
 * later, at the request, with an error that blames the network or quotes it; answers carrying one
 * are refused when they arrive instead.
 */
export function canSendAsBearer(token: string): boolean {
  return FIELD_VALUE.test(token)
}
