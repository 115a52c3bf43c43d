// The managed WebSocket's decisions as pure functions: what follows the end of a connection, and
// whether (and how long) to wait before the next one.
import { describe, expect, it } from 'vitest'
import { afterConnectionEnd, planReconnect } from '../src/websocket/reconnect-policy'
import type { ConnectionEnd } from '../src/websocket/run-connection'

const closed = (code: number, httpStatus?: number): ConnectionEnd => ({
  kind: 'closed',
  code,
  reason: 'r',
  ...(httpStatus ? { httpStatus } : {}),
})

describe('afterConnectionEnd', () => {
  const cases: [string, ConnectionEnd, boolean, object][] = [
    ['1000', closed(1000), false, { kind: 'finish' }],
    ['4403', closed(4403), true, { kind: 'fail', reason: 'auth', closeCode: 4403, closeReason: 'r' }],
    ['HTTP 401 on the upgrade', closed(1006, 401), false, { kind: 'fail', reason: 'auth' }],
    ['HTTP 403 on the upgrade', closed(1006, 403), false, { kind: 'fail', reason: 'auth' }],
    ['HTTP 500 on the upgrade', closed(1006, 500), false, { kind: 'retry', reason: 'connection_lost' }],
    ['HTTP 308 on the upgrade', closed(1006, 308), false, { kind: 'fail', reason: 'client_error' }],
    ['4001', closed(4001), false, { kind: 'fail', reason: 'client_error', closeCode: 4001 }],
    ['1008', closed(1008), false, { kind: 'fail', reason: 'client_error' }],
    ['4100 with a refresh', closed(4100), true, { kind: 'refresh', closeCode: 4100 }],
    ['4100 without one', closed(4100), false, { kind: 'fail', reason: 'token_expired', closeCode: 4100 }],
    ['4029', closed(4029), false, { kind: 'retry', reason: 'rate_limited', rateLimited: true }],
    ['1013', closed(1013), false, { kind: 'retry', reason: 'rate_limited', rateLimited: true }],
    ['1011', closed(1011), false, { kind: 'retry', reason: 'server_error', rateLimited: false }],
    ['1006', closed(1006), false, { kind: 'retry', reason: 'connection_lost', closeCode: 1006 }],
    ['idle', { kind: 'idle' }, false, { kind: 'retry', reason: 'idle_watchdog', rateLimited: false }],
  ]
  it.each(cases)('%s', (_name, end, canRefresh, expected) => {
    expect(afterConnectionEnd(end, canRefresh)).toMatchObject(expected)
  })
})

describe('planReconnect', () => {
  const settings = { maxReconnects: 6, initialDelayMs: 100, maxDelayMs: 1000, rateLimitDelayMs: 5000 }
  const retry = { reason: 'connection_lost', rateLimited: false } as const
  const cases: [string, number, object, number, object][] = [
    ['first failure: jitter under the base', 1, retry, 0.5, { kind: 'wait', delayMs: 50 }],
    ['third failure: base doubled twice', 3, retry, 0.5, { kind: 'wait', delayMs: 200 }],
    ['sixth failure: capped at maxDelayMs', 6, retry, 0.999, { kind: 'wait', delayMs: 999 }],
    [
      'token refreshed: at once',
      1,
      { reason: 'token_refreshed', rateLimited: false },
      0.9,
      { kind: 'wait', delayMs: 0 },
    ],
    [
      'token refreshed after another failure: the backoff',
      2,
      { reason: 'token_refreshed', rateLimited: false },
      0.9,
      { kind: 'wait', delayMs: 180 },
    ],
    [
      'rate limited, random 0: half the rate-limit delay',
      1,
      { reason: 'rate_limited', rateLimited: true },
      0,
      { kind: 'wait', delayMs: 2500 },
    ],
    [
      'rate limited, random near 1: just under it',
      1,
      { reason: 'rate_limited', rateLimited: true },
      0.9999,
      { kind: 'wait', delayMs: 4999 },
    ],
    [
      'past the budget',
      7,
      { reason: 'server_error', rateLimited: false },
      0.5,
      { kind: 'give_up', reason: 'reconnect_budget_exhausted' },
    ],
  ]
  it.each(cases)('%s', (_name, failures, step, random, expected) => {
    const plan = planReconnect(failures, step as never, { ...settings, random: () => random })
    expect(plan).toMatchObject(expected)
  })

  it('past the budget the message names the budget and what ended the last connection', () => {
    const plan = planReconnect(
      7,
      { reason: 'server_error', rateLimited: false },
      { ...settings, random: Math.random },
    )
    expect(plan.kind === 'give_up' && plan.message).toBe(
      'Out of reconnect budget: 7 failed WebSocket connections in a row (maxReconnects 6), the last ended by server_error',
    )
  })
})
