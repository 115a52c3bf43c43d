import { describe, expect, it } from 'vitest'
import { startMockPlatform } from '../src/index'

describe('startMockPlatform: bad options are named before anything starts', () => {
  const cases: [string, unknown, RegExp][] = [
    ['null options', null, /options must be an object/],
    ['a string port', { port: '80' }, /port must be a number >= 0, got string/],
    ['a negative port', { port: -1 }, /port must be a number >= 0/],
    ['a port past 65535', { port: 70_000 }, /port must be a whole number from 0 to 65535/],
    ['a NaN latency', { latencyMs: Number.NaN }, /latencyMs must be a number >= 0/],
    // A 0 ms keep-alive interval would spin the event loop.
    ['a zero heartbeat', { sseHeartbeatMs: 0 }, /sseHeartbeatMs must be a number >= 1, got 0/],
    ['an overflowing heartbeat', { sseHeartbeatMs: 1e12 }, /sseHeartbeatMs must be a number >= 1/],
    ['zero webhook attempts', { webhookMaxAttempts: 0 }, /webhookMaxAttempts must be a number >= 1/],
    ['faults not an array', { faults: 'status=500' }, /faults must be an array/],
    ['a numeric spec', { spec: 5 }, /spec must be a path or an OpenAPI document object/],
    // Ignored, a misspelt option would leave the mock running without what the test asked for.
    ['a misspelt option', { latency: 100 }, /^startMockPlatform: unknown option "latency"$/],
    ['a host (it listens on 127.0.0.1 only)', { host: '0.0.0.0' }, /unknown option "host"/],
    [
      'validateResponses as a string',
      { validateResponses: 'false' },
      /validateResponses must be a boolean, got string/,
    ],
  ]
  for (const [name, options, message] of cases) {
    it(name, async () => {
      await expect(startMockPlatform(options as never)).rejects.toThrow(message)
    })
  }
})
