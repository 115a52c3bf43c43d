/**
 * A fault to inject. Server-wide faults (`injectFault`, `faults` option) and per-request faults
 * (the `x-mock-fault` header) share this shape. Fields combine: `{ latencyMs: 50, status: 503 }`
 * waits, then fails.
 */
export interface MockFault {
  /** Answer with this HTTP status instead of the real response. */
  status?: number
  /** `Retry-After` header value (seconds or an HTTP date) sent with the status (429 gets `1` by default). */
  retryAfter?: number | string
  /** Body of the injected error answer (default `{ detail: 'Injected fault' }`). */
  body?: unknown
  /** Delay before the request is handled, in ms. */
  latencyMs?: number
  /** Destroy the connection without answering (the client sees a reset / socket hang up). */
  reset?: boolean
  /** Accept the request and never answer (until the mock closes). */
  halfOpen?: boolean
  /** Answer 200 with `content-type: application/json` and a body that is not JSON. */
  malformedJson?: boolean
  /** SSE streams (events, turn streams) are cut after every K events. */
  sseDropEvery?: number
  /** WebSocket connections are terminated (no close frame) `wsKillAfterMs` after they open. */
  wsKill?: boolean
  /** Delay before a `wsKill` fault terminates the socket (default 20 ms). */
  wsKillAfterMs?: number
  /** How many matching requests the fault affects (default: all of them). */
  times?: number
  /** Only requests whose path starts with this string (or matches this RegExp). */
  path?: string | RegExp
  /** Only requests with this HTTP method. */
  method?: string
}
