import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type MockPlatform, startMockPlatform } from '../src/index'
import { call, startTestMock, ws } from './helpers'

let mock: MockPlatform
beforeAll(async () => {
  mock = await startTestMock()
})
afterAll(() => mock?.close())

const agents = () => `${ws(mock)}/agents`

describe('x-mock-fault values out of range are refused with 400, never a 500 or a broken connection', () => {
  const cases: [string, RegExp][] = [
    ['status=99', /status must be a whole number from 200 to 599, got 99/],
    ['status=101', /status must be a whole number from 200 to 599/],
    ['status=600', /status must be a whole number from 200 to 599/],
    ['status=503.5', /status must be a whole number/],
    ['{"status":"abc"}', /status must be .*got string/],
    ['{"status":503,"times":-1}', /times must be a whole number/],
    ['{"latencyMs":"5"}', /latencyMs must be a number/],
    ['{"latencyMs":-5}', /latencyMs must be a number/],
    // A timer cannot wait that long: it would fire at once instead.
    ['latency=1e12', /latencyMs must be a number from 0 to 2147483647/],
    ['{"status":503,"retryAfter":"a\\nb"}', /retryAfter must be printable ASCII/],
    ['{"reset":"yes"}', /reset must be true or false/],
    ['{"path":5}', /path must be a string or a RegExp/],
  ]
  for (const [header, message] of cases) {
    it(header, async () => {
      const res = await call(mock, 'GET', agents(), { headers: { 'x-mock-fault': header } })
      expect(res.status).toBe(400)
      expect(res.body.detail).toMatch(/^x-mock-fault: /)
      expect(res.body.detail).toMatch(message)
    })
  }

  it('still accepts the documented forms', async () => {
    const res = await call(mock, 'GET', agents(), { headers: { 'x-mock-fault': 'status=429;retry-after=2' } })
    expect(res.status).toBe(429)
    const json = await call(mock, 'GET', agents(), {
      headers: { 'x-mock-fault': '{"status":503,"retryAfter":"Wed, 21 Oct 2015 07:28:00 GMT"}' },
    })
    expect(json.status).toBe(503)
  })
})

describe('server-wide faults are checked when armed, naming where they came from', () => {
  it('the faults option names the element and field', async () => {
    await expect(startMockPlatform({ faults: [{ status: 503 }, { status: 99 }] })).rejects.toThrow(
      /faults\[1\]: status must be a whole number from 200 to 599, got 99/,
    )
    await expect(startMockPlatform({ faults: [null as never] })).rejects.toThrow(
      /faults\[0\] must be an object/,
    )
  })

  it('injectFault refuses a bad fault and arms nothing', async () => {
    expect(() => mock.injectFault({ latencyMs: 1e12 })).toThrow(/injectFault: latencyMs must be a number/)
    expect(() => mock.injectFault({ statuss: 500 } as never)).toThrow(/injectFault: unknown key "statuss"/)
    expect((await call(mock, 'GET', agents())).status).toBe(200)
  })
})
